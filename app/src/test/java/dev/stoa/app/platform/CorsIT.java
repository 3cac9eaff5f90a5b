package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Browsers on an allowed origin ({@code stoa.cors.allowed-origins}, here {@code https://shop.example.test}) may call the
 * API: preflights answered, the headers clients need exposed; other origins are refused; every answer says it varies
 * by origin, so no shared cache hands one origin's answer to another.
 */
class CorsIT extends ApiTest {
    private static final String SHOP = "https://shop.example.test";

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithWhatItMaySend() {
        RawHttp.Response r = new RawHttp(port).send("OPTIONS", "/api/v1/cart/items", "Origin: " + SHOP,
                "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: authorization, content-type, idempotency-key");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(r.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(r.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization", "content-type",
                "idempotency-key");
        assertThat(r.header("Access-Control-Max-Age")).isEqualTo("3600");
    }

    /**
     * A read that sends back the position its write answered (read-your-writes across processes), revalidating with its
     * ETag: the browser may send both. Before, the preflight refused X-Stoa-Min-Position, so a browser app could not.
     */
    @Test
    void aPreflightForAReadWithItsWritesPositionAndETagIsAnswered() {
        RawHttp.Response r = new RawHttp(port).send("OPTIONS", "/api/v1/orders/x", "Origin: " + SHOP,
                "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: authorization, x-stoa-min-position, if-none-match");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Headers").toLowerCase()).contains("x-stoa-min-position", "if-none-match");
    }

    /** Not a preflight (no Origin): which methods the path has, with no token needed and no handler run. */
    @Test
    void anOptionsRequestWithoutOrigin_answersTheAllowedMethods() {
        RawHttp.Response r = new RawHttp(port).send("OPTIONS", "/api/v1/cart/items");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Allow")).contains("POST");
        assertThat(new RawHttp(port).send("OPTIONS", "/api/v1/no-such-thing").status()).isEqualTo(404);
    }

    @Test
    void aPreflightFromAnotherOriginOrForAnotherHeaderIsRefused() {
        RawHttp raw = new RawHttp(port);
        RawHttp.Response evil = raw.send("OPTIONS", "/api/v1/cart/items", "Origin: https://evil.example.test",
                "Access-Control-Request-Method: POST");
        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.code()).as(evil.toString()).isEqualTo("forbidden");
        assertThat(raw.send("OPTIONS", "/api/v1/cart/items", "Origin: " + SHOP, "Access-Control-Request-Method: POST",
                "Access-Control-Request-Headers: x-unknown").status()).isEqualTo(403);
    }

    @Test
    void aReadFromAnAllowedOriginExposesTheHeadersClientsNeedAndEveryAnswerVariesByOrigin() {
        RawHttp raw = new RawHttp(port);
        RawHttp.Response fromShop = raw.get("/api/v1/products", "Origin: " + SHOP);
        assertThat(fromShop.status()).isEqualTo(200);
        assertThat(fromShop.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(fromShop.header("Access-Control-Expose-Headers")).contains("X-Correlation-Id", "X-Stoa-Position",
                "X-Stoa-Consistency", "Idempotent-Replayed", "Retry-After", "Location", "ETag");

        RawHttp.Response fromElsewhere = raw.get("/api/v1/products", "Origin: https://evil.example.test");
        assertThat(fromElsewhere.status()).isEqualTo(403);
        assertThat(fromElsewhere.header("Access-Control-Allow-Origin")).isNull();
        // a problem as every error (it was the plain text "Invalid CORS request", with no content type)
        assertThat(fromElsewhere.contentType()).as(fromElsewhere.toString()).startsWith("application/problem+json");
        assertThat(fromElsewhere.code()).isEqualTo("forbidden");
        assertThat(fromElsewhere.body().get("detail").asText()).contains("stoa.cors.allowed-origins");

        RawHttp.Response noOrigin = raw.get("/api/v1/products");
        assertThat(noOrigin.status()).isEqualTo(200);
        assertThat(noOrigin.header("Access-Control-Allow-Origin")).isNull();
        assertThat(noOrigin.header("Vary")).contains("Origin");
    }
}
