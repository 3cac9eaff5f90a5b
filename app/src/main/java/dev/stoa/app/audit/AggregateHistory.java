package dev.stoa.app.audit;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.List;

/**
 * The events of one aggregate, a page at a time, each with what caused it; for an order or an enrollment also, with
 * the first page, a readable {@code timeline} that adds the events of other aggregates naming it (payments, refunds,
 * grants, revocations). {@code after}: the request's (null for the first page); {@code next}: the position to pass
 * as {@code after} for the next page, null on the last.
 */
public record AggregateHistory(String aggregateType, String aggregateId, List<Step> events,
                               @MayBeNull List<Moment> timeline, int limit, @MayBeNull Long after,
                               @MayBeNull Long next) {

    /** One event and its cause. */
    public record Step(AuditEntry event, Cause cause) {}

    /**
     * What caused an event: {@code kind} {@code command} (its {@code type}, sent in {@code request}), {@code event} (a
     * saga's or policy's step: the event's {@code type}, {@code position} and aggregate, and the {@code command} the
     * step sent, where it sent one), or {@code request} (published by the request itself); {@code unknown} for events
     * stored before causes were recorded. A step's events stored before 2026-12-05 show its command.
     */
    public record Cause(String kind, @MayBeNull String type, @MayBeNull String id, @MayBeNull Long position,
                        @MayBeNull String aggregateType, @MayBeNull String aggregateId, @MayBeNull String request,
                        @MayBeNull String command) {}

    /**
     * One line of a timeline: {@code kind} is {@code status}, {@code cart} (the cart taken for the order, or put back),
     * {@code stock}, {@code fulfilment}, {@code payment}, {@code refund}, {@code grant}, {@code revocation},
     * {@code progress} or {@code other}; {@code status} the order's or enrollment's
     * status from then on, where the event sets one; amounts in cents (a cancellation's is what the order had been
     * paid, "paid before" in its text: what came back is in the refund's own line); {@code by} who did it, as the event's
     * {@code metadata.userId}: a user's id, {@code anonymous} or {@code system} (the platform's own schedules and
     * processes; since 2026-12-07, before which a reader of the timeline had to open each event for it).
     */
    public record Moment(Instant at, long position, String kind, String event, String text, @MayBeNull String status,
                         @MayBeNull Long amountCents, @MayBeNull String currency, String aggregateType,
                         String aggregateId, @MayBeNull String by) {}
}
