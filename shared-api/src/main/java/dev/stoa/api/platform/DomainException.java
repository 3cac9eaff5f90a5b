package dev.stoa.api.platform;

/**
 * A business rule refused a command or a query. Carries the stable machine {@code code} of API.md
 * and the kind of failure, which the HTTP layer maps to a status. Never a 500.
 */
public class DomainException extends RuntimeException {
    private final ErrorKind kind;
    private final String code;
    private final Long retryAfterSeconds;

    public DomainException(ErrorKind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public DomainException(ErrorKind kind, String code, String message, Long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** For 429s: when the client may try again (the Retry-After header), or null. */
    public Long retryAfterSeconds() { return retryAfterSeconds; }

    public ErrorKind kind() { return kind; }

    public String code() { return code; }

    /** What crosses a process boundary (Axon Server) in place of the exception itself. */
    public ErrorDetails details() { return new ErrorDetails(kind, code, getMessage(), retryAfterSeconds); }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorKind.NOT_FOUND, "not_found", what + " not found");
    }

    public static DomainException forbidden(String message) {
        return new DomainException(ErrorKind.FORBIDDEN, "forbidden", message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(ErrorKind.CONFLICT, code, message);
    }

    public static DomainException invalidTransition(String message) {
        return new DomainException(ErrorKind.CONFLICT, "invalid_transition", message);
    }

    public static DomainException refused(String code, String message) {
        return new DomainException(ErrorKind.UNPROCESSABLE, code, message);
    }

    public static DomainException unauthenticated(String code, String message) {
        return new DomainException(ErrorKind.UNAUTHENTICATED, code, message);
    }

    public static DomainException rateLimited(String code, String message, long retryAfterSeconds) {
        return new DomainException(ErrorKind.RATE_LIMITED, code, message, Math.max(1, retryAfterSeconds));
    }

    public static DomainException badInput(String message) {
        return new DomainException(ErrorKind.BAD_REQUEST, "validation_failed", message);
    }
}
