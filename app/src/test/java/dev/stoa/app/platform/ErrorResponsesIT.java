package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.RawHttp;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Errors raised before Spring MVC (Spring Security's firewall, Tomcat's parser and mapper, the
 * {@code /error} page) are problem+json with a code too, keeping the status the layer chose. Sent over
 * a raw socket: java.net.http would normalise or refuse most of these requests.
 */
class ErrorResponsesIT extends ApiTest {
    @Autowired
    ApplicationContext context;

    static Stream<Arguments> rejectedBeforeMvc() {
        return Stream.of(
                // Spring Security's StrictHttpFirewall
                rejected("double slash", raw -> raw.get("//api/v1/products"), 400, "request_rejected"),
                rejected("path parameter", raw -> raw.get("/api/v1/products;jsessionid=1"), 400, "request_rejected"),
                rejected("encoded dot segment", raw -> raw.get("/api/v1/%2e%2e/actuator/health"), 400, "request_rejected"),
                rejected("unknown method", raw -> raw.send("FOO", "/api/v1/products"), 400, "request_rejected"),
                rejected("control character in a header value", raw -> raw.get("/api/v1/products", "Accept: text/\u0085"),
                        400, "request_rejected"),
                // the firewall checks a header when it is read: here first by Spring MVC, reading the body
                rejected("control character in a header only MVC reads", raw -> raw.sendWithBody("POST",
                        "/api/v1/auth/login", "{}", "Content-Type: application/json", "X-Note: a\u0085"),
                        400, "request_rejected"),
                // Tomcat, before any servlet: URI decoding and normalisation
                rejected("encoded slash", raw -> raw.get("/api/v1/products%2Fx"), 400, "bad_request"),
                rejected("encoded NUL", raw -> raw.get("/api/v1/products/%00"), 400, "bad_request"),
                rejected("encoded backslash", raw -> raw.get("/api/v1/pro%5Cducts"), 400, "bad_request"),
                rejected("broken percent escape", raw -> raw.get("/api/v1/products/%zz"), 400, "bad_request"),
                // Tomcat's request line and header parser
                rejected("illegal character in the target", raw -> raw.get("/api/v1/pro<ducts"), 400, "bad_request"),
                rejected("raw control character in the target", raw -> raw.get("/api/v1/pro\u0001ducts"), 400, "bad_request"),
                rejected("too large header", raw -> raw.get("/api/v1/products", "X-Big: " + "a".repeat(20_000)),
                        400, "bad_request"),
                rejected("bad Host header", raw -> raw.get("/api/v1/products", "Host: bad host!"), 400, "bad_request"),
                rejected("header name with a space", raw -> raw.get("/api/v1/products", "X Bad: 1"), 400, "bad_request"),
                // Tomcat refuses TRACE with sendError(405); the error page then passes the firewall again
                rejected("TRACE", raw -> raw.send("TRACE", "/api/v1/products"), 405, "method_not_allowed"),
                // the error page itself, opened directly
                rejected("GET /error", raw -> raw.get("/error"), 404, "not_found"),
                rejected("POST /error", raw -> raw.send("POST", "/error", "Content-Length: 0"), 404, "not_found"),
                // Spring Security's default logout filter would answer these with a redirect to a login page; the API's
                // own logout is POST /api/v1/auth/logout
                rejected("GET /logout", raw -> raw.get("/logout"), 404, "not_found"),
                rejected("POST /logout", raw -> raw.send("POST", "/logout", "Content-Length: 0"), 404, "not_found"),
                rejected("GET /login", raw -> raw.get("/login"), 404, "not_found"));
    }

    private static Arguments rejected(String name, Function<RawHttp, RawHttp.Response> request, int status, String code) {
        return Arguments.of(name, request, status, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedBeforeMvc")
    void isAProblemWithTheLayersStatus(String name, Function<RawHttp, RawHttp.Response> request, int status, String code) {
        assertProblem(request.apply(new RawHttp(port)), status, code);
    }

    @Test
    void theFirewallIsThePlatformsWithSpringSecuritysRules() {
        FilterChainProxy chain = context.getBean(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME,
                FilterChainProxy.class);
        // Spring Security 6.5 wraps the chain WebSecurity built (which holds the firewall) in a composite of its own
        Object built = ReflectionTestUtils.getField(chain, "springSecurityFilterChain");
        assertThat(built).isInstanceOf(FilterChainProxy.class);
        assertThat(ReflectionTestUtils.getField(built, "firewall")).isSameAs(context.getBean(HttpFirewall.class));
        RawHttp raw = new RawHttp(port);
        assertThat(raw.get("/api/v1/products", "X-Note: a\tb").status()).as("a tab in a header value").isEqualTo(200);
        assertThat(raw.get("/api/v1/products", "X-Note: caf\u00e9").status()).as("a letter beyond ASCII").isEqualTo(200);
    }

    @Test
    void unsupportedHttpVersionKeepsTomcatsStatus() {
        RawHttp.Response r = new RawHttp(port).exchange(
                "GET /api/v1/products HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes());
        assertProblem(r, 505, "http_version_not_supported");
    }

    @Test
    void errorsRaisedInsideMvcLookTheSame() {
        RawHttp raw = new RawHttp(port);
        assertProblem(raw.get("/no-such-page"), 404, "not_found");
        assertProblem(raw.sendWithBody("PATCH", "/api/v1/categories", "{}", "Authorization: Bearer " + tokenFor("admin"),
                "Content-Type: application/json"), 405, "method_not_allowed");
    }

    /**
     * A body sent with a Content-Encoding is refused, 415 with Accept-Encoding: identity, and nothing changes: before
     * 2026-12-07 a gzipped body read "not valid JSON" and a body labelled br but sent plain was taken (walkthrough Z43).
     */
    @Test
    void aCompressedBodyIs415_andChangesNothing() throws Exception {
        String user = tokenFor("customer");
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write("{\"firstName\":\"Gzip\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (java.util.Map.Entry<String, byte[]> sent : java.util.Map.of("gzip", zipped.toByteArray(),
                "br", "{\"firstName\":\"Brotli\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).entrySet()) {
            Api.Response refused = api.send("PATCH", "/api/v1/users/me", "application/json", sent.getValue(), user,
                    java.util.Map.of("Content-Encoding", sent.getKey()));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
            assertThat(refused.code()).isEqualTo("unsupported_media_type");
            assertThat(refused.header("Accept-Encoding")).isEqualTo("identity");
            assertThat(refused.body().get("detail").asText()).contains("Content-Encoding " + sent.getKey());
        }
        Api.Response identity = api.send("PATCH", "/api/v1/users/me", "application/json",
                "{\"firstName\":\"Plain\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), user,
                java.util.Map.of("Content-Encoding", "identity"));
        assertThat(identity.code()).as("identity is no coding: " + identity).isNotIn("unsupported_media_type", "malformed_request");
    }

    /**
     * Without a token, a path no endpoint has is answered as it is with one: 404, or 405 with {@code Allow} for a method
     * the path does not take. Before 2026-12-06 (seventh session) both were 401 (every {@code /api/**} path the access
     * table does not name needs a user): a client with a misspelt path was told to log in. An endpoint's path still
     * needs its user; a token that was sent and refused is still 401 whatever the path.
     */
    @Test
    void withoutAToken_aPathNoEndpointHasIs404_aMethodItDoesNotTakeIs405_anEndpointsPathIs401() {
        RawHttp raw = new RawHttp(port);
        String customer = "Authorization: Bearer " + tokenFor("customer");
        for (String auth : new String[] {null, customer}) {
            String[] headers = auth == null ? new String[0] : new String[] {auth};
            assertProblem(raw.get("/api/v1/no-such-thing", headers), 404, "not_found");
            assertProblem(raw.get("/api/v1/users/me/no-such-thing", headers), 404, "not_found");
            RawHttp.Response wrongMethod = raw.send("DELETE", "/api/v1/wallet", concat(headers, "Content-Length: 0"));
            assertProblem(wrongMethod, 405, "method_not_allowed");
            assertThat(wrongMethod.header("Allow")).as(wrongMethod.toString()).contains("GET");
        }
        // under a rule of roles too (it stayed 401 there until the same session's walkthrough); a user without the
        // role is 403 whatever the path
        assertProblem(raw.get("/api/v1/admin/no-such-thing"), 404, "not_found");
        assertProblem(raw.get("/api/v1/cart/items"), 405, "method_not_allowed");
        assertProblem(raw.get("/api/v1/admin/no-such-thing", customer), 403, "forbidden");
        assertProblem(raw.get("/api/v1/admin/projections"), 401, "unauthorized");
        RawHttp.Response wallet = raw.get("/api/v1/wallet");
        assertProblem(wallet, 401, "unauthorized");
        assertThat(wallet.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(raw.get("/api/v1/users/me/addresses"), 401, "unauthorized");
        assertProblem(raw.sendWithBody("PUT", "/api/v1/users/me", "{}", "Content-Type: application/json"), 401, "unauthorized");
        assertProblem(raw.get("/api/v1/no-such-thing", "Authorization: Bearer not.a.token"), 401, "unauthorized");
    }

    private static String[] concat(String[] headers, String more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 1);
        all[headers.length] = more;
        return all;
    }

    /**
     * A problem written before Spring MVC (401, 403, a bad header, an Idempotency-Key sent with another body) names its
     * request's path in {@code instance}, as those MVC writes do: it had none, so a client logging problems by their
     * instance lost these.
     */
    @Test
    void problemsWrittenBeforeMvc_nameTheirPath_asMvcsDo() {
        RawHttp raw = new RawHttp(port);
        assertThat(raw.get("/no-such-page").body().path("instance").asText()).isEqualTo("/no-such-page");
        RawHttp.Response unauthorized = raw.get("/api/v1/users/me/enrollments?limit=5");
        assertProblem(unauthorized, 401, "unauthorized");
        assertThat(unauthorized.body().path("instance").asText()).as("the path, no query").isEqualTo("/api/v1/users/me/enrollments");
        RawHttp.Response forbidden = raw.get("/api/v1/admin/vouchers", "Authorization: Bearer " + tokenFor("customer"));
        assertProblem(forbidden, 403, "forbidden");
        assertThat(forbidden.body().path("instance").asText()).isEqualTo("/api/v1/admin/vouchers");
        RawHttp.Response badPosition = raw.get("/api/v1/products", "X-Stoa-Min-Position: soon");
        assertProblem(badPosition, 400, "validation_failed");
        assertThat(badPosition.body().path("instance").asText()).isEqualTo("/api/v1/products");
        RawHttp.Response rejected = raw.get("//api/v1/products");
        assertProblem(rejected, 400, "request_rejected");
        assertThat(rejected.body().has("instance")).as("a path the firewall refused is not echoed").isFalse();
    }

    private static void assertProblem(RawHttp.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(r.body().path("status").asInt()).isEqualTo(status);
        assertThat(r.body().path("title").asText()).isNotBlank();
        assertThat(r.body().path("detail").asText()).isNotBlank().doesNotContain("Exception", "\tat ");
        assertThat(r.header("X-Correlation-Id")).as(r.toString()).isNotBlank();
    }
}
