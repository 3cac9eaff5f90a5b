package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import org.junit.jupiter.api.Test;

/** OpenAPI, health with every component, and Prometheus metrics are served. */
class OperationsEndpointsIT extends ApiTest {

    @Test
    void openApiDocumentsTheCatalogEndpoints() {
        Api.Response doc = api.get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().get("paths").has("/api/v1/products")).isTrue();
        assertThat(doc.body().at("/paths/~1api~1v1~1products/get/parameters")).extracting(p -> p.get("name").asText())
                .contains("categoryId", "minPrice", "maxPrice", "minRating", "brand", "vendorId", "q", "sort", "limit", "offset");
        assertThat(doc.body().get("paths").has("/api/v1/search")).isTrue();
        assertThat(doc.body().get("paths").has("/api/v1/products/{productId}/inventory")).isTrue();
        assertThat(api.get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(doc.body().at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.body().get("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(doc.body().get("paths").has("/api/v1/admin/dead-letters")).isTrue();
        assertThat(doc.body().get("paths").has("/api/v1/admin/dead-letters/retry")).isTrue();
    }

    /**
     * The one problem with members of its own, enrollment's 402 payment_required, says in the document how to buy the
     * course (before 2026-12-06, fourth session, its response was the plain Problem: a generated client could not read
     * checkoutUrl, cartItem, priceCents and currency).
     */
    @Test
    void thePaymentRequiredProblemsMembersAreInTheDocument() {
        com.fasterxml.jackson.databind.JsonNode doc = api.get("/v3/api-docs").body();
        com.fasterxml.jackson.databind.JsonNode paid = doc.at("/paths/~1api~1v1~1courses~1{courseId}~1enroll/post/responses/402");
        assertThat(paid.at("/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/PaymentRequiredProblem");
        assertThat(paid.at("/content/application~1problem+json/examples/payment_required/value/checkoutUrl").asText())
                .isEqualTo("/api/v1/orders");
        com.fasterxml.jackson.databind.JsonNode schema = doc.at("/components/schemas/PaymentRequiredProblem/allOf");
        assertThat(schema.get(0).get("$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(schema.get(1).get("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("checkoutUrl", "cartItem", "priceCents", "currency");
        assertThat(doc.at("/paths/~1api~1v1~1orders/post/responses/409/content/application~1problem+json/schema/$ref").asText())
                .as("every other problem is the plain one").isEqualTo("#/components/schemas/Problem");
    }

    /** Anyone gets the status; an admin also each component and its details (API.md: "anyone (details: admin)"). */
    /** The release that runs, for whoever asks (it answered {} before 2026-12-07 evening; walkthrough Z28). */
    @Test
    void infoNamesTheRelease() {
        Api.Response info = api.get("/actuator/info");
        assertThat(info.status()).as(info.toString()).isEqualTo(200);
        assertThat(info.body().at("/build/artifact").asText()).isEqualTo("stoa-app");
        assertThat(info.body().at("/build/version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.body().at("/build/time").asText()).isNotBlank();
    }

    @Test
    void healthCoversDatabaseSearchEventStoreAndEachProcessor_itsDetailsForAdminsOnly() {
        for (String someone : new String[] {null, tokenFor("customer"), tokenFor("vendor")}) {
            Api.Response anyone = api.get("/actuator/health", someone);
            assertThat(anyone.status()).isEqualTo(200);
            assertThat(anyone.body().get("status").asText()).isEqualTo("UP");
            assertThat(anyone.body().has("components")).as(anyone.toString()).isFalse();
        }
        Api.Response health = api.get("/actuator/health", tokenFor("admin"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/elasticsearch/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/eventStore/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/projections/details/product-read-model/running").asBoolean()).isTrue();
        assertThat(health.body().at("/components/projections/details/product-search").has("lag")).isTrue();
        assertThat(health.body().at("/components/projections/details/user-read-model").has("deadLetters")).isTrue();
        // the actuator's own JSON-based type is still its answer (the API's answers refuse other +json types)
        String actuatorType = "application/vnd.spring-boot.actuator.v3+json";
        Api.Response typed = api.send("GET", "/actuator/health", null, null, null, java.util.Map.of("Accept", actuatorType));
        assertThat(typed.status()).as(typed.toString()).isEqualTo(200);
        assertThat(typed.contentType()).startsWith(actuatorType);
        assertThat(typed.body().get("status").asText()).isEqualTo("UP");
    }

    /**
     * The metrics show the disk path, each processor's lag and dead letters, request counts by route (erasures among
     * them): an admin's, or a scraper's with the configured token; anyone could read them before.
     */
    @Test
    void prometheusExposesProjectionLagAndDeadLetters_toAdminsAndTheScrapeTokenOnly() {
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").code()).isEqualTo("unauthorized");
        assertThat(api.get("/actuator/prometheus", tokenFor("customer")).status()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus", tokenFor("auditor")).status()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus", "wrong-scrape-token-0123456789abcdefghij").status()).isEqualTo(401);
        String scrapeToken = "test-only-metrics-scrape-token-0123456789";
        assertThat(api.get("/actuator/prometheus", scrapeToken).status()).isEqualTo(200);
        assertThat(api.get("/actuator/metrics", scrapeToken).status()).as("the token opens the scrape alone").isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", scrapeToken).status()).isEqualTo(401);

        Api.Response metrics = api.get("/actuator/prometheus", tokenFor("admin"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("stoa_projection_lag_events{processor=\"product-read-model\"}")
                .contains("stoa_event_store_head")
                .contains("stoa_dead_letters{processor=\"user-read-model\"}");
    }
}
