package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on every {@code /api/v1/auth/**} POST: a token bucket per client address and endpoint
 * ({@code stoa.rate-limit.auth.requests} per {@code .period}); past it, 429 {@code rate_limited} with
 * Retry-After. Buckets live in this process: behind a load balancer each instance counts its own share.
 * Account lockout (wrong passwords per account) is separate and survives restarts (it is in the events).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class AuthRateLimitFilter extends OncePerRequestFilter {
    private static final int MAX_TRACKED = 100_000;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;
    private final long requests;
    private final Duration period;

    public AuthRateLimitFilter(ObjectMapper mapper, @Value("${stoa.rate-limit.auth.requests:20}") long requests,
                               @Value("${stoa.rate-limit.auth.period:1m}") Duration period) {
        this.mapper = mapper;
        this.requests = requests;
        this.period = period;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_TRACKED) buckets.clear(); // bounded memory under an address-spraying flood
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr() + " " + request.getRequestURI(), k -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(response, mapper, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "too many requests to " + request.getRequestURI() + "; retry in " + seconds + " s"));
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build()).build();
    }
}
