package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A 201's {@code Location} is somewhere to read what was created: a category, a lesson and an address pointed at
 * routes that did not exist (404) or answered only PUT (405) before 2026-12-06 (sixth session; found by a
 * walkthrough). Read there, by whoever may read it; the wrong id or another user's address: 404.
 */
class CreatedLocationsIT extends ApiTest {

    private Api.Response created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Location")).as(r.toString()).isNotBlank();
        return r;
    }

    private Api.Response read(String location, String token) { return api.send("GET", location, null, null, token, Map.of()); }

    @Test
    void aCategoryItsSubcategoryALessonAndAnAddress_areReadWhereTheirLocationSays() {
        String admin = tokenFor("admin");
        Api.Response parent = created(api.post("/api/v1/categories", Map.of("name", "Lighting", "slug", unique("lighting")), admin));
        String parentId = parent.header("Location").substring(parent.header("Location").lastIndexOf('/') + 1);
        Api.Response child = created(api.post("/api/v1/categories", Map.of("name", "Desk lamps", "slug", unique("desk-lamps"),
                "parentId", parentId), admin));
        Api.Response readChild = read(child.header("Location"), null);
        assertThat(readChild.status()).as(readChild.toString()).isEqualTo(200);
        assertThat(readChild.body().get("name").asText()).isEqualTo("Desk lamps");
        assertThat(readChild.body().get("parentId").asText()).isEqualTo(parentId);
        Api.Response readParent = read(parent.header("Location"), null);
        assertThat(readParent.body().at("/children/0/name").asText()).isEqualTo("Desk lamps");
        assertThat(read("/api/v1/categories/" + UUID.randomUUID(), null).status()).isEqualTo(404);

        String instructor = tokenFor("instructor");
        Api.Response course = created(api.post("/api/v1/courses", Map.of("title", "Wiring", "description", "Lamps, safely",
                "priceCents", 0, "currency", "USD"), instructor));
        String courseId = course.header("Location").substring(course.header("Location").lastIndexOf('/') + 1);
        Api.Response lesson = created(api.post("/api/v1/courses/" + courseId + "/lessons", Map.of("title", "Cables",
                "type", "reading", "position", 1, "body", "Red, blue, green."), instructor));
        Api.Response readLesson = read(lesson.header("Location"), instructor);
        assertThat(readLesson.status()).as(readLesson.toString()).isEqualTo(200);
        assertThat(readLesson.body().get("title").asText()).isEqualTo("Cables");
        assertThat(readLesson.body().get("body").asText()).as("its instructor reads it whole").isEqualTo("Red, blue, green.");
        assertThat(read(lesson.header("Location"), null).status()).as("a draft course: not the public's").isEqualTo(404);
        assertThat(read("/api/v1/courses/" + courseId + "/lessons/" + UUID.randomUUID(), instructor).status()).isEqualTo(404);

        String user = registered("customer");
        String customer = tokenAs(user, "customer");
        Api.Response address = created(api.post("/api/v1/users/" + user + "/addresses", Map.of("label", "home",
                "streetLine1", "1 Market St", "city", "San Francisco", "state", "CA", "postalCode", "94105",
                "countryCode", "US", "isDefault", true), customer));
        Api.Response readAddress = read(address.header("Location"), customer);
        assertThat(readAddress.status()).as(readAddress.toString()).isEqualTo(200);
        assertThat(readAddress.body().get("city").asText()).isEqualTo("San Francisco");
        assertThat(readAddress.body().get("isDefault").asBoolean()).isTrue();
        assertThat(read(address.header("Location"), tokenFor("customer")).status()).as("another user's: as if none")
                .isEqualTo(404);
        assertThat(read(address.header("Location"), admin).status()).isEqualTo(200);
        assertThat(read("/api/v1/users/" + user + "/addresses/" + UUID.randomUUID(), customer).status()).isEqualTo(404);
    }
}
