package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AuthRateLimitFilterTest {
    private final AuthRateLimitFilter filter = new AuthRateLimitFilter(new ObjectMapper(), 3, Duration.ofMinutes(1));

    private MockHttpServletResponse post(String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void fourthLoginInAMinuteFromOneAddressIsRateLimited() throws Exception {
        for (int i = 0; i < 3; i++) assertThat(post("/api/v1/auth/login", "10.0.0.1").getStatus()).isEqualTo(200);
        MockHttpServletResponse limited = post("/api/v1/auth/login", "10.0.0.1");
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentType()).isEqualTo("application/problem+json");
        assertThat(limited.getContentAsString()).contains("\"code\":\"rate_limited\"");
        assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 61L);
    }

    @Test
    void addressesAndEndpointsCountSeparately() throws Exception {
        for (int i = 0; i < 3; i++) post("/api/v1/auth/login", "10.0.0.2");
        assertThat(post("/api/v1/auth/login", "10.0.0.3").getStatus()).isEqualTo(200);
        assertThat(post("/api/v1/auth/refresh", "10.0.0.2").getStatus()).isEqualTo(200);
    }

    @Test
    void otherEndpointsAreNotLimitedHere() throws Exception {
        for (int i = 0; i < 10; i++) assertThat(post("/api/v1/products", "10.0.0.4").getStatus()).isEqualTo(200);
    }
}
