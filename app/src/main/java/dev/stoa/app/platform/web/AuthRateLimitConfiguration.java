package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The auth rate limit: buckets in the {@code rate_limit_bucket} table (migration V9), one row per client address
 * and endpoint, locked with SELECT ... FOR UPDATE while a request draws from it, so every instance on this
 * database counts against the same limit. Their clocks should agree (NTP): each refills by its own.
 */
@Configuration
class AuthRateLimitConfiguration {
    /** A bucket row is kept this long after it would have refilled completely: room for clock skew. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(1);
    /** A database that does not answer in this time counts as unavailable (the request is then let through). */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> authRateLimitBuckets(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                // a row expires only once its bucket is full again: deleting it then frees nobody early
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .requestTimeout(QUERY_TIMEOUT)
                .build();
    }

    @Bean
    AuthRateLimitInterceptor authRateLimitInterceptor(PostgreSQLSelectForUpdateBasedProxyManager<String> authRateLimitBuckets,
                                                      ObjectMapper mapper,
                                                      @Value("${stoa.rate-limit.auth.requests:20}") long requests,
                                                      @Value("${stoa.rate-limit.auth.period:1m}") Duration period) {
        BucketConfiguration limit = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build()).build();
        return new AuthRateLimitInterceptor(authRateLimitBuckets, limit, mapper);
    }

    @Bean
    WebMvcConfigurer authRateLimitRegistration(AuthRateLimitInterceptor authRateLimitInterceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // on every path: the interceptor itself decides by the handler a request was routed to
                registry.addInterceptor(authRateLimitInterceptor);
            }
        };
    }

    @Bean
    GuessingRateLimitInterceptor guessingRateLimitInterceptor(
            PostgreSQLSelectForUpdateBasedProxyManager<String> authRateLimitBuckets, ObjectMapper mapper,
            @Value("${stoa.rate-limit.redeem.user-requests:10}") long userRequests,
            @Value("${stoa.rate-limit.redeem.address-requests:50}") long addressRequests,
            @Value("${stoa.rate-limit.redeem.period:10m}") Duration period,
            @Value("${stoa.rate-limit.redeem.failure-cost:5}") long failureCost) {
        return new GuessingRateLimitInterceptor(authRateLimitBuckets, guessing(userRequests, failureCost, period),
                guessing(addressRequests, failureCost, period), failureCost, mapper);
    }

    @Bean
    WebMvcConfigurer guessingRateLimitRegistration(GuessingRateLimitInterceptor guessingRateLimitInterceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(guessingRateLimitInterceptor);
            }
        };
    }

    /**
     * A guessing limit: an attempt takes what a refused guess costs ({@code failureCost}) at once and gets all but one
     * back when it was none, so the bucket holds {@code failureCost - 1} more than {@code requests}: honest attempts,
     * one token each in the end, still number {@code requests} a period, and refused guesses
     * {@code requests / failureCost}, also when they come at once.
     */
    private static BucketConfiguration guessing(long requests, long failureCost, Duration period) {
        return bucket(requests + Math.max(0, failureCost - 1), requests, period);
    }

    private static BucketConfiguration bucket(long requests, Duration period) { return bucket(requests, requests, period); }

    /** Holds {@code capacity} tokens and refills {@code requests} of them in each {@code period}. */
    private static BucketConfiguration bucket(long capacity, long requests, Duration period) {
        if (requests < 1) throw new IllegalArgumentException("a rate limit needs at least 1 request per period");
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(requests, period).build()).build();
    }

    @Bean
    RateLimitBucketSweeper rateLimitBucketSweeper(PostgreSQLSelectForUpdateBasedProxyManager<String> authRateLimitBuckets,
                                                  @Value("${stoa.rate-limit.cleanup-interval:1m}") Duration interval) {
        return new RateLimitBucketSweeper(authRateLimitBuckets, interval);
    }
}
