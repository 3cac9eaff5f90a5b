package dev.stoa.api.platform;

/** Serializable form of a {@link DomainException}, carried as the details of a command failure. */
public record ErrorDetails(ErrorKind kind, String code, String message, Long retryAfterSeconds) {
    public ErrorDetails(ErrorKind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public DomainException toException() {
        return new DomainException(kind, code, message, retryAfterSeconds);
    }
}
