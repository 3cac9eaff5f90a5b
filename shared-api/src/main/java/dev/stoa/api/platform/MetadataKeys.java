package dev.stoa.api.platform;

/** Keys of the metadata every command and event carries. */
public final class MetadataKeys {
    /** Who caused the message: the authenticated user's id, or "system"/"anonymous". */
    public static final String USER_ID = "userId";
    /**
     * The id the platform gave the HTTP request that started the chain (its response's X-Correlation-Id). Always the
     * platform's own since 2026-12-06: before, a client's X-Correlation-Id was taken, so anyone could put their
     * requests' events in another's chain.
     */
    public static final String CORRELATION_ID = "correlationId";
    /**
     * The X-Correlation-Id the client sent with the request that started the chain, where it sent a sane one: its own
     * label, kept beside the platform's {@link #CORRELATION_ID}, which it never replaces (since 2026-12-06).
     */
    public static final String CLIENT_CORRELATION_ID = "clientCorrelationId";
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
