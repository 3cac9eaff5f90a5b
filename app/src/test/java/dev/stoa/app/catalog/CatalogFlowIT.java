package dev.stoa.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.InventoryIds;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalog end to end through HTTP: category tree, products, every list filter and sort, search
 * with a typo, suggest, stock changes and the events they raise; each read right after its write.
 */
class CatalogFlowIT extends ApiTest {
    @Autowired
    EventStore eventStore;

    @Test
    void categoryTreeProductsFiltersSearchSuggestAndStock() {
        Catalog catalog = new Catalog(api);
        String admin = tokenFor("admin");
        String vendorId = UUID.randomUUID().toString();
        String vendor = tokenAs(vendorId, "vendor");
        String tag = unique("x").substring(2);

        // category tree: audio > headphones, audio > speakers
        String audio = catalog.category(admin, "Audio " + tag, "audio-" + tag, null);
        String headphones = catalog.category(admin, "Headphones " + tag, "headphones-" + tag, audio);
        String speakers = catalog.category(admin, "Speakers " + tag, "speakers-" + tag, audio);
        JsonNode tree = api.get("/api/v1/categories").body();
        JsonNode audioNode = find(tree, audio);
        assertThat(audioNode.get("slug").asText()).isEqualTo("audio-" + tag);
        assertThat(audioNode.get("children")).extracting(n -> n.get("id").asText()).containsExactlyInAnyOrder(headphones, speakers);

        // products of one vendor, two brands, three prices
        String brandA = "Sonora" + tag;
        String brandB = "Vibe" + tag;
        String wireless = catalog.create(vendor, Catalog.product("WH-" + tag, "Wireless Headphones " + tag, 19_999, headphones, brandA));
        String studio = catalog.create(vendor, Catalog.product("ST-" + tag, "Studio Monitor Headphones " + tag, 34_950, headphones, brandB));
        String boom = catalog.create(vendor, Catalog.product("BX-" + tag, "Boombox Speaker " + tag, 8_999, speakers, brandA));

        // read-your-writes: the detail is there right after the 201
        Api.Response detail = api.get("/api/v1/products/" + wireless);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().get("priceCents").asLong()).isEqualTo(19_999);
        assertThat(detail.body().get("currency").asText()).isEqualTo("USD");
        assertThat(detail.body().get("vendorId").asText()).isEqualTo(vendorId);
        assertThat(detail.body().get("sku").asText()).isEqualTo("WH-" + tag);
        assertThat(detail.body().get("active").asBoolean()).isTrue();
        assertThat(detail.body().at("/stock/available").asInt()).isZero();
        assertThat(detail.body().at("/rating/count").asInt()).isZero();

        String byVendor = "/api/v1/products?vendorId=" + vendorId;
        assertThat(ids(api.get(byVendor))).containsExactlyInAnyOrder(wireless, studio, boom);
        assertThat(api.get(byVendor).body().get("total").asInt()).isEqualTo(3);
        assertThat(ids(api.get(byVendor + "&categoryId=" + headphones))).containsExactlyInAnyOrder(wireless, studio);
        // a category covers those under it: audio, with no product of its own, lists its headphones and speakers
        // (before 2026-12-06, eighth session, a parent listed its own products only, here none; found by a walkthrough)
        assertThat(ids(api.get(byVendor + "&categoryId=" + audio))).containsExactlyInAnyOrder(wireless, studio, boom);
        assertThat(ids(api.get("/api/v1/search?q=" + tag + "&categoryId=" + audio))).containsExactlyInAnyOrder(wireless, studio, boom);
        assertThat(ids(api.get("/api/v1/search?q=" + tag + "&categoryId=" + speakers))).containsExactly(boom);
        // a brand whatever its case, in the list and in search alike (search matched the exact case only)
        assertThat(ids(api.get(byVendor + "&brand=" + brandA.toUpperCase()))).containsExactlyInAnyOrder(wireless, boom);
        assertThat(ids(api.get("/api/v1/search?q=" + tag + "&brand=" + brandA.toLowerCase()))).containsExactlyInAnyOrder(wireless, boom);
        assertThat(ids(api.get(byVendor + "&brand=" + brandA))).containsExactlyInAnyOrder(wireless, boom);
        assertThat(ids(api.get(byVendor + "&minPrice=9000&maxPrice=20000"))).containsExactly(wireless);
        assertThat(ids(api.get(byVendor + "&minPrice=19999"))).containsExactlyInAnyOrder(wireless, studio);
        assertThat(ids(api.get(byVendor + "&q=boombox"))).containsExactly(boom);
        assertThat(ids(api.get(byVendor + "&minRating=1"))).isEmpty(); // no reviews yet
        assertThat(ids(api.get(byVendor + "&sort=price"))).containsExactly(boom, wireless, studio);
        assertThat(ids(api.get(byVendor + "&sort=-price"))).containsExactly(studio, wireless, boom);
        assertThat(ids(api.get(byVendor + "&sort=newest"))).containsExactly(boom, studio, wireless);
        assertThat(ids(api.get(byVendor + "&sort=rating"))).hasSize(3);
        Api.Response page = api.get(byVendor + "&sort=price&limit=2&offset=1");
        assertThat(ids(page)).containsExactly(wireless, studio);
        assertThat(page.body().get("total").asInt()).isEqualTo(3);
        assertThat(page.body().get("limit").asInt()).isEqualTo(2);
        assertThat(page.body().get("offset").asInt()).isEqualTo(1);
        Api.Response first = api.get(byVendor + "&sort=price&limit=2");
        assertThat(ids(first)).containsExactly(boom, wireless);
        assertThat(first.body().get("total").asInt()).as("a full page: counted").isEqualTo(3);
        Api.Response past = api.get(byVendor + "&offset=5");
        assertThat(ids(past)).isEmpty();
        assertThat(past.body().get("total").asInt()).as("past the end: still the whole list's").isEqualTo(3);
        assertThat(ids(api.get(byVendor + "&q=100%25"))).as("% is a character, not a wildcard").isEmpty();
        assertThat(ids(api.get(byVendor + "&q=_"))).as("_ is a character, not a wildcard").isEmpty();

        // search: a misspelled word still finds it, with facets
        Api.Response search = api.get("/api/v1/search?q=wireles%20hedphones%20" + tag);
        assertThat(search.status()).isEqualTo(200);
        assertThat(ids(search)).first().isEqualTo(wireless);
        Api.Response facets = api.get("/api/v1/search?q=" + tag + "&brand=" + brandA);
        assertThat(ids(facets)).containsExactlyInAnyOrder(wireless, boom);
        assertThat(facets.body().at("/facets/category")).extracting(b -> b.get("key").asText()).contains(headphones, speakers);
        // a category's bucket counts what its filter finds, those of the categories under it too (before 2026-12-07
        // audio, with no product of its own, had no bucket, and a parent counted its own products only; walkthrough Z45)
        JsonNode byCategory = api.get("/api/v1/search?q=" + tag).body().at("/facets/category");
        assertThat(byCategory).extracting(b -> b.get("key").asText() + "=" + b.get("count").asLong())
                .containsExactly(audio + "=3", headphones + "=2", speakers + "=1");
        for (JsonNode bucket : byCategory)
            assertThat(api.get("/api/v1/search?q=" + tag + "&categoryId=" + bucket.get("key").asText()).body().get("total").asLong())
                    .as("the filter of bucket " + bucket).isEqualTo(bucket.get("count").asLong());
        assertThat(facets.body().at("/facets/price")).isNotEmpty();
        assertThat(facets.body().at("/facets/price/1/from").isIntegralNumber()).as("cents, not 1000.0").isTrue();
        assertThat(facets.body().at("/facets/price/1/from").asLong()).isEqualTo(1_000);
        Api.Response cheap = api.get("/api/v1/search?q=" + tag + "&maxPrice=10000");
        assertThat(ids(cheap)).containsExactly(boom);

        // suggest by prefix
        Api.Response suggest = api.get("/api/v1/suggest?prefix=Boombox");
        assertThat(suggest.body().get("suggestions")).extracting(s -> s.get("id").asText()).contains(boom);

        // stock: adjust with a threshold, sell down past it and to zero, restock
        assertThat(api.put("/api/v1/products/" + boom + "/inventory",
                Map.of("onHand", 10, "reorderThreshold", 3, "warehouseLocation", "A-01"), vendor).status()).isEqualTo(204);
        JsonNode inventory = api.get("/api/v1/products/" + boom + "/inventory").body();
        assertThat(inventory.get("onHand").asInt()).isEqualTo(10);
        assertThat(inventory.get("reserved").asInt()).isZero();
        assertThat(inventory.get("available").asInt()).isEqualTo(10);
        assertThat(inventory.has("warehouseLocation")).as("the vendor's settings are not for everyone: " + inventory).isFalse();
        assertThat(inventory.has("reorderThreshold")).isFalse();
        assertThat(api.get("/api/v1/products/" + boom + "/inventory", tokenFor("customer")).body().has("warehouseLocation")).isFalse();
        assertThat(api.get("/api/v1/products/" + boom + "/inventory", tokenFor("vendor")).body().has("warehouseLocation"))
                .as("another vendor").isFalse();
        JsonNode own = api.get("/api/v1/products/" + boom + "/inventory", vendor).body();
        assertThat(own.get("warehouseLocation").asText()).isEqualTo("A-01");
        assertThat(own.get("reorderThreshold").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/products/" + boom + "/inventory", tokenFor("admin")).body().get("warehouseLocation").asText())
                .isEqualTo("A-01");
        assertThat(api.get("/api/v1/products/" + boom).body().at("/stock/available").asInt()).isEqualTo(10);

        assertThat(api.put("/api/v1/products/" + boom + "/inventory", Map.of("onHand", 2, "reorderThreshold", 3), vendor).status()).isEqualTo(204);
        assertThat(api.put("/api/v1/products/" + boom + "/inventory", Map.of("onHand", 0, "reorderThreshold", 3), vendor).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/products/" + boom + "/inventory").body().get("available").asInt()).isZero();
        assertThat(api.post("/api/v1/products/" + boom + "/inventory/restock", Map.of("quantity", 25), vendor).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/products/" + boom + "/inventory").body().get("onHand").asInt()).isEqualTo(25);
        JsonNode listed = api.get(byVendor + "&sort=price").body().get("items");
        assertThat(listed).extracting(i -> i.at("/stock/available").asInt()).as("the list's stock").containsExactly(25, 0, 0);

        assertThat(eventTypes(boom)).containsExactly("ProductCreated");
        assertThat(eventTypes(InventoryIds.of(new ProductId(boom)))).containsExactly("InventoryOpened", "StockAdjusted",
                "StockAdjusted", "StockReachedReorderThreshold", "StockAdjusted", "StockDepleted", "ProductRestocked");

        // update and unlist: gone from lists and search, still readable as inactive
        Map<String, Object> changed = Catalog.product("BX-" + tag, "Boombox Speaker XL " + tag, 9_499, speakers, brandA);
        assertThat(api.put("/api/v1/products/" + boom, changed, vendor).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/products/" + boom).body().get("priceCents").asLong()).isEqualTo(9_499);
        assertThat(api.delete("/api/v1/products/" + boom, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/products/" + boom).body().get("active").asBoolean()).isFalse();
        assertThat(ids(api.get(byVendor))).containsExactlyInAnyOrder(wireless, studio);
        assertThat(ids(api.get("/api/v1/search?q=boombox%20" + tag))).doesNotContain(boom);
    }

    private List<String> eventTypes(String aggregateId) {
        List<String> types = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(e -> types.add(e.getPayloadType().getSimpleName()));
        return types;
    }

    static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode nodes, String id) {
        for (JsonNode n : nodes) {
            if (n.get("id").asText().equals(id)) return n;
            JsonNode inChildren = find(n.get("children"), id);
            if (inChildren != null) return inChildren;
        }
        return null;
    }
}
