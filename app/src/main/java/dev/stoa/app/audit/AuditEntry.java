package dev.stoa.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;

/**
 * One stored event as auditors read it: its place in the log, its aggregate, its payload (personal fields opened,
 * {@code [erased]} once their owner was erased) and who caused it, in which request and by which message. An event of
 * no aggregate (an operator's act: {@code DeadLetterEvicted}, {@code ProjectionRebuildStarted}) has no
 * {@code aggregateType}, and its own id as {@code aggregateId}.
 */
public record AuditEntry(long position, String eventId, @MayBeNull String aggregateType, String aggregateId, long sequence,
                         String type, String revision, Instant at, JsonNode payload, Metadata metadata) {

    /**
     * {@code userId}: who; {@code correlationId}: the request that started the chain, by the id the platform gave it
     * (its response's X-Correlation-Id); {@code clientCorrelationId}: the X-Correlation-Id the client sent with it, its
     * own label, not checked for uniqueness (events since 2026-12-06; before, that was the correlation id itself);
     * {@code causationId} and
     * {@code causationType}: the message that directly caused the event (a command, or an event for a saga's step);
     * {@code request}: method and path of that request; {@code idempotencyKey}: the client's key, where it sent one;
     * {@code triggerEventId}: for a saga's or policy's step, the event it reacted to (events since 2026-12-05).
     */
    public record Metadata(String userId, @MayBeNull String correlationId, @MayBeNull String causationId,
                           @MayBeNull String causationType, @MayBeNull String request, @MayBeNull String idempotencyKey,
                           @MayBeNull String triggerEventId, @MayBeNull String clientCorrelationId) {}
}
