package dev.stoa.api.platform;

/**
 * A business rule refused a command or a query. Carries the stable machine {@link ErrorCode} of API.md and the kind
 * of failure, which the HTTP layer maps to a status. Never a 500. Every refusal names its {@link ErrorCode} constant
 * where it is raised, so the OpenAPI document can list, per operation, the codes its code can reach.
 */
public class DomainException extends RuntimeException {
    private final ErrorKind kind;
    private final String code;
    private final Long retryAfterSeconds;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public DomainException(ErrorCode code, String message) { this(code, message, null); }

    public DomainException(ErrorCode code, String message, Long retryAfterSeconds) {
        this(code.kind(), code.code(), message, retryAfterSeconds);
        if (code.kind() == null) throw new IllegalArgumentException(code + " is raised by the HTTP layer only");
    }

    /** As it crossed a process boundary ({@link ErrorDetails}). */
    DomainException(ErrorKind kind, String code, String message, Long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * Adds a member to the problem the HTTP layer answers (RFC 9457 extension, such as {@code checkoutUrl} of a
     * {@code payment_required}); only for refusals raised in the HTTP API itself (it does not cross a message bus).
     */
    public DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The extension members added with {@link #with}. */
    public java.util.Map<String, Object> properties() { return java.util.Collections.unmodifiableMap(properties); }

    /** For 429s: when the client may try again (the Retry-After header), or null. */
    public Long retryAfterSeconds() { return retryAfterSeconds; }

    public ErrorKind kind() { return kind; }

    public String code() { return code; }

    /** What crosses a process boundary (Axon Server) in place of the exception itself. */
    public ErrorDetails details() { return new ErrorDetails(kind, code, getMessage(), retryAfterSeconds); }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorCode.NOT_FOUND_CODE, what + " not found");
    }

    public static DomainException forbidden(String message) {
        return new DomainException(ErrorCode.FORBIDDEN_CODE, message);
    }

    public static DomainException invalidTransition(String message) {
        return new DomainException(ErrorCode.INVALID_TRANSITION, message);
    }

    public static DomainException badInput(String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, message);
    }

    /**
     * 400 {@code validation_failed} naming the one field or parameter at fault in {@code errors[0]} ({@code field},
     * {@code message}), {@code detail} saying it for people.
     */
    public static DomainException invalidField(String field, String detail, String message) {
        return badInput(detail).with("errors", java.util.List.of(java.util.Map.of("field", field, "message", message)));
    }

    /** {@link #invalidField} of a query parameter: its detail reads "parameter {@code name}: {@code message}". */
    public static DomainException invalidParameter(String name, String message) {
        return invalidField(name, "parameter " + name + ": " + message, message);
    }

    public static DomainException rateLimited(ErrorCode code, String message, long retryAfterSeconds) {
        return new DomainException(code, message, Math.max(1, retryAfterSeconds));
    }
}
