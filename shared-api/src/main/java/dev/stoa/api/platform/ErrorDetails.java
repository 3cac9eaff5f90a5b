package dev.stoa.api.platform;

/** Serializable form of a {@link DomainException}, carried as the details of a command failure. */
public record ErrorDetails(ErrorKind kind, String code, String message) {
    public DomainException toException() {
        return new DomainException(kind, code, message);
    }
}
