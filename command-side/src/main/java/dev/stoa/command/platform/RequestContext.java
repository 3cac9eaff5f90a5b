package dev.stoa.command.platform;

import java.util.Optional;
import org.slf4j.MDC;

/**
 * What the HTTP layer knows about the request being served, read by the message interceptors. The web
 * filter puts it in the logging MDC, which is thread-bound like the request, so log lines carry it too.
 */
public final class RequestContext {
    public static final String CORRELATION_ID = "correlationId";
    /** The X-Correlation-Id the client sent, where sane; never the platform's correlation id. */
    public static final String CLIENT_CORRELATION_ID = "clientCorrelationId";
    public static final String USER_ID = "userId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** Set when the request is a retry, under its Idempotency-Key, of the same request that ended without an answer. */
    public static final String IDEMPOTENCY_RETRY = "idempotencyRetry";
    /** Request attribute prefix of the request's client labels as sealed for its user (see the dispatch interceptor). */
    public static final String SEALED_LABEL = "sealedLabel.";
    /** Method and path of the request (no query string: it may carry a token). */
    public static final String REQUEST = "request";

    private RequestContext() {}

    public static Optional<String> correlationId() { return Optional.ofNullable(MDC.get(CORRELATION_ID)); }

    public static Optional<String> clientCorrelationId() { return Optional.ofNullable(MDC.get(CLIENT_CORRELATION_ID)); }

    public static Optional<String> userId() { return Optional.ofNullable(MDC.get(USER_ID)); }

    public static Optional<String> idempotencyKey() { return Optional.ofNullable(MDC.get(IDEMPOTENCY_KEY)); }

    /**
     * Whether this request retries, under its Idempotency-Key, the same request that ended without an answer (the
     * process died, or it failed with a 5xx): what that one did may have happened, so a handler whose command refuses
     * a state this caller's own earlier try leaves (a voucher redeemed by them, a request they approved) answers it as
     * done, as the first try would have.
     */
    public static boolean retryOfUnanswered() { return "true".equals(MDC.get(IDEMPOTENCY_RETRY)); }

    public static Optional<String> request() { return Optional.ofNullable(MDC.get(REQUEST)); }
}
