package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

/** The answers of the interceptor; the buckets themselves are PostgreSQL's and tested in AuthRateLimitIT. */
class AuthRateLimitInterceptorTest {
    @SuppressWarnings("unchecked")
    private final ProxyManager<String> buckets = mock(ProxyManager.class);
    private final BucketProxy bucket = mock(BucketProxy.class);
    private final AuthRateLimitInterceptor interceptor = new AuthRateLimitInterceptor(buckets,
            BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(3).refillGreedy(3, Duration.ofMinutes(1)).build()).build(),
            new ObjectMapper());
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aRequestWithATokenLeftGoesOn() throws Exception {
        when(buckets.getProxy(anyString(), any())).thenReturn(bucket);
        when(bucket.tryConsumeAndReturnRemaining(1)).thenReturn(ConsumptionProbe.consumed(2, 0));
        assertThat(interceptor.preHandle(login(), response, handler())).isTrue();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void anEmptyBucketIsA429ProblemWithRetryAfter() throws Exception {
        when(buckets.getProxy(anyString(), any())).thenReturn(bucket);
        long wait = TimeUnit.MILLISECONDS.toNanos(19_200);
        when(bucket.tryConsumeAndReturnRemaining(1)).thenReturn(ConsumptionProbe.rejected(0, wait, wait));
        assertThat(interceptor.preHandle(login(), response, handler())).isFalse();
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"rate_limited\"", "/api/v1/auth/login");
        assertThat(response.getHeader("Retry-After")).isEqualTo("20"); // rounded up: retrying at 19 s would fail
    }

    @Test
    void unreachableBucketsLetTheRequestThrough() throws Exception {
        when(buckets.getProxy(anyString(), any())).thenReturn(bucket);
        when(bucket.tryConsumeAndReturnRemaining(1)).thenThrow(new BucketExceptions.BucketExecutionException(
                new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms")));
        assertThat(interceptor.preHandle(login(), response, handler())).isTrue();
        assertThat(interceptor.preHandle(login(), response, handler())).isTrue();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void otherRequestsNeverTouchTheBuckets() throws Exception {
        MockHttpServletRequest products = AuthRateLimitKeyTest.routed("POST", "/api/v1/products", "/api/v1/products", "10.0.0.4");
        assertThat(interceptor.preHandle(products, response, handler())).isTrue();
        verifyNoInteractions(buckets);
    }

    private static MockHttpServletRequest login() {
        return AuthRateLimitKeyTest.routed("POST", "/api/v1/auth/login", "/api/v1/auth/login", "10.0.0.1");
    }

    private static HandlerMethod handler() { return AuthRateLimitKeyTest.HANDLER; }
}
