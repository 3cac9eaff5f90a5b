package dev.stoa.api.platform;

/** Keys of the metadata every command and event carries. */
public final class MetadataKeys {
    /** Who caused the message: the authenticated user's id, or "system"/"anonymous". */
    public static final String USER_ID = "userId";
    /** The id of the HTTP request (X-Correlation-Id) that started the chain. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one (for the first command: the correlation id). */
    public static final String CAUSATION_ID = "causationId";
    /** The client's Idempotency-Key header, where it sent one. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private MetadataKeys() {}
}
