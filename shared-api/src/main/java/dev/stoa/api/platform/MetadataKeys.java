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
    /** The HTTP request that started the chain: method and path, never its query or body ({@code POST /api/v1/orders}). */
    public static final String REQUEST = "request";
    /** The payload type (simple name) of the message that directly caused this one: a command, or an event for a saga's step. */
    public static final String CAUSATION_TYPE = "causationType";
    /**
     * The event a saga or policy reacted to: set on the commands an event handler sends, and carried to those commands'
     * events, so that such an event names the event behind its command (since 2026-12-05).
     */
    public static final String TRIGGER_EVENT_ID = "triggerEventId";

    private MetadataKeys() {}
}
