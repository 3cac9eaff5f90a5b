package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.app.platform.axon.ProjectionGate;
import dev.stoa.command.platform.SecretHasher;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A request that waited on the first with its key, which ran nothing and kept no answer (a 429 of a rate limit, a
 * refusal before the handler), runs itself: it was answered 409 {@code idempotency_retry}, "the first request failed;
 * retry", without the 429's {@code Retry-After}, before 2026-12-07 (found by a walkthrough). The race is set up with a
 * store whose answers are scripted: the key is taken, then its record is gone.
 */
class IdempotencyFilterTest {
    private final IdempotencyStore store = mock(IdempotencyStore.class);
    private final IdempotencyFilter filter;

    IdempotencyFilterTest() {
        SecretHasher hasher = mock(SecretHasher.class);
        when(hasher.hash(anyString(), anyString())).thenReturn("0".repeat(64));
        filter = new IdempotencyFilter(store, new ObjectMapper(), hasher, mock(ProjectionGate.class),
                Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    private static MockHttpServletRequest redeem() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/wallet/redeem");
        request.addHeader(IdempotencyFilter.HEADER, "rl-k");
        request.setContentType("application/json");
        request.setContent("{\"code\":\"ABCD-EFGH\"}".getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void aRequestWhoseFirstRanNothing_runsItself_andGetsItsOwnAnswer() throws Exception {
        // five times another waiter claimed it first (and ran nothing): the sixth of six sent at once still runs (with
        // a count of three rounds it was told idempotency_retry; walkthrough Z18)
        when(store.begin(anyString(), anyString(), anyString(), any())).thenReturn(IdempotencyStore.Claim.TAKEN,
                IdempotencyStore.Claim.TAKEN, IdempotencyStore.Claim.TAKEN, IdempotencyStore.Claim.TAKEN,
                IdempotencyStore.Claim.TAKEN, IdempotencyStore.Claim.FIRST);
        when(store.find(anyString(), anyString())).thenReturn(Optional.empty());
        AtomicInteger ran = new AtomicInteger();
        FilterChain rateLimited = (req, res) -> {
            ran.incrementAndGet();
            MockHttpServletResponse answer = (MockHttpServletResponse) unwrap(res);
            answer.setStatus(429);
            answer.setHeader("Retry-After", "60");
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(redeem(), response, rateLimited);
        assertThat(ran).as("it ran itself").hasValue(1);
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("60");
    }

    @Test
    void aKeyWhoseFirstsKeepRunningNothing_isToldToRetry_onceTheWaitIsOver() throws Exception {
        when(store.begin(anyString(), anyString(), anyString(), any())).thenReturn(IdempotencyStore.Claim.TAKEN);
        when(store.find(anyString(), anyString())).thenReturn(Optional.empty());
        AtomicInteger ran = new AtomicInteger();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(redeem(), response, (req, res) -> ran.incrementAndGet());
        assertThat(ran).hasValue(0);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("idempotency_retry");
    }

    private static jakarta.servlet.ServletResponse unwrap(jakarta.servlet.ServletResponse response) {
        while (response instanceof jakarta.servlet.ServletResponseWrapper wrapper) response = wrapper.getResponse();
        return response;
    }
}
