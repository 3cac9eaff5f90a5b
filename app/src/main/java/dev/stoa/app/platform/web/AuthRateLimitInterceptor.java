package dev.stoa.app.platform.web;

import dev.stoa.api.platform.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rate limits on every POST handler under {@code /api/v1/auth/}: one token bucket per client address and
 * endpoint ({@link AuthRateLimitKey}), kept in PostgreSQL so that all instances draw from the same bucket.
 * Past the limit: 429 {@code rate_limited} with Retry-After. It runs after routing and before the body is
 * read, so requests that then fail validation count too. Account lockout (wrong passwords per account) is
 * separate and lives in the events.
 */
class AuthRateLimitInterceptor implements HandlerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(AuthRateLimitInterceptor.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);
    private final ProxyManager<String> buckets;
    private final BucketConfiguration limit;
    private final ObjectMapper mapper;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private final AtomicLong unlimitedSinceWarning = new AtomicLong();

    AuthRateLimitInterceptor(ProxyManager<String> buckets, BucketConfiguration limit, ObjectMapper mapper) {
        this.buckets = buckets;
        this.limit = limit;
        this.mapper = mapper;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        Optional<AuthRateLimitKey> key = AuthRateLimitKey.of(request, handler);
        if (key.isEmpty()) return true;
        ConsumptionProbe probe;
        try {
            probe = buckets.getProxy(key.get().bucketId(), () -> limit).tryConsumeAndReturnRemaining(1);
        } catch (BucketExceptions.BucketExecutionException e) {
            // Fail open rather than 503: the endpoints where guessing pays (password and code login) look the
            // account up by e-mail in this same PostgreSQL, so while the buckets are unreachable those fail as
            // well, and a 503 here would only lock honest users out of a brief hiccup (a refresh, say) that the
            // handler itself would survive. Lockout per account lives in the events, not in these buckets.
            warnUnlimited(e);
            return true;
        }
        if (probe.isConsumed()) return true;
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(request, response, mapper, Problems.of(ErrorCode.RATE_LIMITED_CODE,
                "too many requests to " + key.get().endpoint() + "; retry in " + seconds + " s"));
        return false;
    }

    /** At most one WARN per 30 s: an outage must not turn into a log flood. */
    private void warnUnlimited(RuntimeException e) {
        long unlimited = unlimitedSinceWarning.incrementAndGet();
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last < WARN_EVERY_NANOS || !lastWarning.compareAndSet(last, now)) return;
        unlimitedSinceWarning.addAndGet(-unlimited);
        log.warn("Auth rate limit not enforced: its buckets in PostgreSQL are unreachable ({}); {} request(s) let "
                + "through unlimited since the last warning", e.getCause() == null ? e : e.getCause(), unlimited);
    }
}
