package dev.stoa.command.platform;

/**
 * Told when an operator evicts a parked event for good ({@code DELETE /api/v1/admin/dead-letters/{id}}), in the
 * eviction's transaction: for a processor that keeps a note until it has handled an event, and must let it go when
 * that event will never be handled.
 */
public interface DeadLetterEvictions {
    /** {@code payload}: the evicted event's, deserialized; {@code processor}: the processing group that parked it. */
    void evicted(String processor, Object payload);
}
