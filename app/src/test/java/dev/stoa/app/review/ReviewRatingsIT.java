package dev.stoa.app.review;

import static dev.stoa.app.review.Shoppers.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.review.Shoppers.Buyer;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rating filter, facet and sort of {@code /search} and {@code /products}, on ratings that come from reviews written
 * through the HTTP API by buyers who paid for the products (no rating is written anywhere else).
 */
class ReviewRatingsIT extends ApiTest {
    @Autowired CommandGateway commands;

    private JsonNode get(String path) {
        Api.Response r = api.get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    private static List<Double> ratings(JsonNode items, String pointer) {
        List<Double> values = new ArrayList<>();
        items.forEach(n -> values.add(n.at(pointer).isMissingNode() || n.at(pointer).isNull() ? null : n.at(pointer).asDouble()));
        return values;
    }

    @Test
    void ratingFilterFacetAndSort_onRatingsFromReviews() {
        String vendorId = UUID.randomUUID().toString();
        Shoppers shop = new Shoppers(api, commands, tokenFor("admin"), tokenAs(vendorId, "vendor"), this::tokenAs);
        String brand = unique("Rated");
        String five = shop.product("Five Star Kettle", brand, 4_000);
        String fourHalf = shop.product("Good Toaster", brand, 3_000);
        String three = shop.product("Fair Blender", brand, 5_000);
        String two = shop.product("Poor Mixer", brand, 2_000);
        String unrated = shop.product("New Grinder", brand, 6_000);
        Buyer ada = shop.buyer("Ada", "Lovelace");
        Buyer bob = shop.buyer("Bob", "Babbage");
        shop.buy(ada, five, fourHalf, three, two, unrated);
        shop.buy(bob, fourHalf);
        shop.reviewed(five, 5, "Perfect", ada);
        shop.reviewed(fourHalf, 5, null, ada);
        shop.reviewed(fourHalf, 4, null, bob);
        shop.reviewed(three, 3, null, ada);
        shop.reviewed(two, 2, "Loud", ada);

        // search: filter, facet (counts of the whole match), sort with the unrated last
        JsonNode atLeastFour = get("/api/v1/search?brand=" + brand + "&minRating=4");
        assertThat(texts(atLeastFour.get("items"), "id")).containsExactlyInAnyOrder(five, fourHalf);
        assertThat(atLeastFour.get("total").asLong()).isEqualTo(2);
        JsonNode sorted = get("/api/v1/search?brand=" + brand + "&sort=rating");
        assertThat(texts(sorted.get("items"), "id")).containsExactly(five, fourHalf, three, two, unrated);
        assertThat(ratings(sorted.get("items"), "/rating")).containsExactly(5.0, 4.5, 3.0, 2.0, null);
        List<String> bands = new ArrayList<>();
        sorted.at("/facets/rating").forEach(b -> bands.add(b.get("key").asText() + "=" + b.get("count").asLong()));
        assertThat(bands).containsExactly("4-=2", "3-=3", "2-=4", "1-=4");

        // the product list: the same filter and sort from product_view
        String byVendor = "/api/v1/products?vendorId=" + vendorId;
        assertThat(texts(get(byVendor + "&minRating=4").get("items"), "id")).containsExactlyInAnyOrder(five, fourHalf);
        assertThat(texts(get(byVendor + "&minRating=2.5").get("items"), "id")).containsExactlyInAnyOrder(five, fourHalf, three);
        // a minimum of 0 is every item's, the unrated too (it left them out before 2026-12-07; walkthrough)
        assertThat(texts(get(byVendor + "&minRating=0").get("items"), "id")).containsExactlyInAnyOrder(five, fourHalf, three,
                two, unrated);
        assertThat(get("/api/v1/search?brand=" + brand + "&minRating=0").get("total").asLong()).isEqualTo(5);
        JsonNode list = get(byVendor + "&sort=rating");
        assertThat(texts(list.get("items"), "id")).containsExactly(five, fourHalf, three, two, unrated);
        assertThat(ratings(list.get("items"), "/rating/average")).containsExactly(5.0, 4.5, 3.0, 2.0, null);
        assertThat(ratings(list.get("items"), "/rating/count")).containsExactly(1.0, 2.0, 1.0, 1.0, 0.0);

        // a review that moves a product across the threshold moves it in both at once (read-your-writes)
        Buyer cy = shop.buyer("Cy", "Young");
        shop.buy(cy, three);
        shop.reviewed(three, 5, null, cy); // (3 + 5) / 2 = 4
        assertThat(texts(get("/api/v1/search?brand=" + brand + "&minRating=4").get("items"), "id"))
                .containsExactlyInAnyOrder(five, fourHalf, three);
        assertThat(texts(get(byVendor + "&minRating=4").get("items"), "id")).containsExactlyInAnyOrder(five, fourHalf, three);
    }
}
