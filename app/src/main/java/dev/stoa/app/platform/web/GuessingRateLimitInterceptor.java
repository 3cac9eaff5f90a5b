package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.web.GuessingLimited;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Rate limits on {@link GuessingLimited} endpoints (voucher redemption): two token buckets, one per user and one per
 * client address, in the same PostgreSQL table as the auth limits, so every instance counts against them. Each
 * request takes {@code failureCost} tokens from both before it runs, in one step each (a row locked in PostgreSQL); a
 * refused guess (404, 409, 410 or 422: the code looked up and found wanting) keeps them, so guessing runs dry
 * {@code failureCost} times faster than honest redeeming, also when the guesses come at once (before 2026-12-07 one
 * token was taken before and the rest after, so 50 guesses at once all passed, and five were answered where the limit
 * means two; walkthrough Z23); any other answer gives all but one back: not a refusal the endpoint marks as no guess ({@link GuessingLimited#NOT_A_GUESS}: the
 * caller's own voucher again), nor one that never looked a code up: a body that is not JSON, a code missing, blank or
 * not a string (400), an account that may not redeem (401, 403). Before 2026-12-07 every 4xx was charged, so a client
 * that sent an empty field twice left its user's next, valid, code 429 (walkthrough Z8).
 * Past either limit: 429 {@code rate_limited} with Retry-After.
 */
class GuessingRateLimitInterceptor implements HandlerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(GuessingRateLimitInterceptor.class);
    private static final String BUCKETS = GuessingRateLimitInterceptor.class.getName() + ".buckets";
    /** The statuses of a code looked up and refused: not found, spent, gone, expired or of another currency. */
    private static final java.util.Set<Integer> GUESSES_REFUSED = java.util.Set.of(404, 409, 410, 422);
    private final ProxyManager<String> buckets;
    private final BucketConfiguration perUser;
    private final BucketConfiguration perAddress;
    private final long failureCost;
    private final ObjectMapper mapper;

    GuessingRateLimitInterceptor(ProxyManager<String> buckets, BucketConfiguration perUser, BucketConfiguration perAddress,
                                 long failureCost, ObjectMapper mapper) {
        this.buckets = buckets;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.failureCost = failureCost;
        this.mapper = mapper;
    }

    private record Bucket(String id, BucketConfiguration limit) {}

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)
                || !method.hasMethodAnnotation(GuessingLimited.class)) return true;
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Principal user = request.getUserPrincipal();
        // "guesses": buckets of their own since the cost is taken up front (those of "guess " held one token less each
        // attempt than they do now, and are swept once idle)
        String endpoint = "guesses " + pattern;
        List<Bucket> mine = user == null ? List.of(new Bucket(endpoint + " address " + request.getRemoteAddr(), perAddress))
                : List.of(new Bucket(endpoint + " user " + user.getName(), perUser),
                          new Bucket(endpoint + " address " + request.getRemoteAddr(), perAddress));
        long waitNanos = 0;
        long cost = Math.max(1, failureCost);
        List<Bucket> taken = new java.util.ArrayList<>();
        try {
            for (Bucket bucket : mine) {
                ConsumptionProbe probe = buckets.getProxy(bucket.id(), bucket::limit).tryConsumeAndReturnRemaining(cost);
                if (probe.isConsumed()) taken.add(bucket);
                else waitNanos = Math.max(waitNanos, probe.getNanosToWaitForRefill());
            }
            // refused by one limit: nothing runs, so the other gives back what it took
            if (waitNanos > 0) for (Bucket bucket : taken) buckets.getProxy(bucket.id(), bucket::limit).addTokens(cost);
        } catch (BucketExceptions.BucketExecutionException e) {
            // as the auth limit does: the handler needs the same PostgreSQL, so it fails on its own while this does
            log.warn("Guessing rate limit not enforced: its buckets in PostgreSQL are unreachable ({})", e.toString());
            return true;
        }
        if (waitNanos == 0) {
            request.setAttribute(BUCKETS, mine);
            return true;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(request, response, mapper, Problems.of(ErrorCode.RATE_LIMITED_CODE,
                "too many attempts at " + pattern + "; retry in " + seconds + " s"));
        return false;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(request.getAttribute(BUCKETS) instanceof List<?> mine) || failureCost <= 1) return;
        boolean guessRefused = ex == null && GUESSES_REFUSED.contains(response.getStatus())
                && !Boolean.TRUE.equals(request.getAttribute(GuessingLimited.NOT_A_GUESS)); // not the caller's own voucher
        if (guessRefused) return; // it keeps what was reserved for it
        try {
            for (Object o : mine) {
                Bucket bucket = (Bucket) o;
                buckets.getProxy(bucket.id(), bucket::limit).addTokens(failureCost - 1);
            }
        } catch (BucketExceptions.BucketExecutionException e) {
            log.warn("Guessing rate limit: an attempt's reserved cost was not given back ({})", e.toString());
        }
    }
}
