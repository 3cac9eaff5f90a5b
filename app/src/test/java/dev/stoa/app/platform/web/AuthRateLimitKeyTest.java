package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** The bucket follows the handler a request was routed to and the TCP peer, never the spelling or a header. */
class AuthRateLimitKeyTest {
    /** Any handler method: what matters is the pattern its mapping left on the request. */
    static final HandlerMethod HANDLER = handler();

    static MockHttpServletRequest routed(String method, String rawUri, String pattern, String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, rawUri);
        request.setRemoteAddr(peer);
        if (pattern != null) request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
        return request;
    }

    @Test
    void aPostRoutedToAnAuthHandlerIsKeyedByItsPatternAndTheClientAddress() {
        Optional<AuthRateLimitKey> key = AuthRateLimitKey.of(routed("POST", "/api/v1/auth/login", "/api/v1/auth/login",
                "203.0.113.7"), HANDLER);
        assertThat(key).contains(new AuthRateLimitKey("203.0.113.7", "/api/v1/auth/login"));
        assertThat(key.get().bucketId()).isEqualTo("auth /api/v1/auth/login 203.0.113.7");
    }

    @Test
    void everySpellingThatReachesTheHandlerSharesOneBucket() {
        String plain = key("/api/v1/auth/login");
        assertThat(key("/api/v1/%61uth/login")).isEqualTo(plain);
        assertThat(key("/api/v1/auth/%6cogin")).isEqualTo(plain);
        assertThat(key("/api/v1/auth//login")).isEqualTo(plain);
    }

    @Test
    void endpointsAndAddressesCountSeparately() {
        AuthRateLimitKey login = AuthRateLimitKey.of(routed("POST", "/x", "/api/v1/auth/login", "10.0.0.1"), HANDLER).orElseThrow();
        AuthRateLimitKey refresh = AuthRateLimitKey.of(routed("POST", "/x", "/api/v1/auth/refresh", "10.0.0.1"), HANDLER).orElseThrow();
        AuthRateLimitKey elsewhere = AuthRateLimitKey.of(routed("POST", "/x", "/api/v1/auth/login", "10.0.0.2"), HANDLER).orElseThrow();
        assertThat(login.bucketId()).isNotEqualTo(refresh.bucketId()).isNotEqualTo(elsewhere.bucketId());
    }

    @Test
    void onlyPostsRoutedToAuthHandlersAreLimited() {
        assertThat(AuthRateLimitKey.of(routed("POST", "/api/v1/products", "/api/v1/products", "10.0.0.1"), HANDLER)).isEmpty();
        assertThat(AuthRateLimitKey.of(routed("GET", "/api/v1/auth/jwks", "/api/v1/auth/jwks", "10.0.0.1"), HANDLER)).isEmpty();
        // no handler chosen (404, 405): nothing to protect, and no pattern to key on
        assertThat(AuthRateLimitKey.of(routed("POST", "/api/v1/auth/nope", null, "10.0.0.1"), HANDLER)).isEmpty();
        assertThat(AuthRateLimitKey.of(routed("POST", "/api/v1/auth/login", "/api/v1/auth/login", "10.0.0.1"), new Object())).isEmpty();
    }

    @Test
    void aReDispatchIsNotCountedAgain() {
        MockHttpServletRequest request = routed("POST", "/api/v1/auth/login", "/api/v1/auth/login", "10.0.0.1");
        request.setDispatcherType(DispatcherType.ASYNC);
        assertThat(AuthRateLimitKey.of(request, HANDLER)).isEmpty();
        request.setDispatcherType(DispatcherType.ERROR);
        assertThat(AuthRateLimitKey.of(request, HANDLER)).isEmpty();
    }

    /** The pattern is what the handler mapping sets for whatever spelling it routed to the login handler. */
    private static String key(String rawUri) {
        return AuthRateLimitKey.of(routed("POST", rawUri, "/api/v1/auth/login", "10.0.0.9"), HANDLER).orElseThrow().bucketId();
    }

    private static HandlerMethod handler() {
        try {
            return new HandlerMethod(new Object(), Object.class.getMethod("toString"));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
