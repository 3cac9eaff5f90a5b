package dev.stoa.api.platform;

/** The kind of a refused request; the HTTP layer maps each to one status code. */
public enum ErrorKind {
    BAD_REQUEST(400), UNAUTHENTICATED(401), PAYMENT_REQUIRED(402), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), GONE(410), UNPROCESSABLE(422),
    RATE_LIMITED(429), UNAVAILABLE(503);

    private final int status;

    ErrorKind(int status) { this.status = status; }

    public int status() { return status; }
}
