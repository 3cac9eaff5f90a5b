package dev.stoa.app.audit;

import java.time.Instant;
import java.util.List;

/**
 * Every event of one aggregate, each with what caused it; for an order or an enrollment also a readable
 * {@code timeline} that adds the events of other aggregates naming it (payments, refunds, grants, revocations).
 */
public record AggregateHistory(String aggregateType, String aggregateId, List<Step> events, List<Moment> timeline) {

    /** One event and its cause. */
    public record Step(AuditEntry event, Cause cause) {}

    /**
     * What caused an event: {@code kind} {@code command} (its {@code type}, sent in {@code request}), {@code event} (a
     * saga's or policy's step: the event's {@code type}, {@code position} and aggregate, and the {@code command} the
     * step sent, where it sent one), or {@code request} (published by the request itself); {@code unknown} for events
     * stored before causes were recorded. A step's events stored before 2026-12-05 show its command.
     */
    public record Cause(String kind, String type, String id, Long position, String aggregateType, String aggregateId,
                        String request, String command) {}

    /**
     * One line of a timeline: {@code kind} is {@code status}, {@code cart} (the cart taken for the order, or put back),
     * {@code stock}, {@code fulfilment}, {@code payment}, {@code refund}, {@code grant}, {@code revocation},
     * {@code progress} or {@code other}; {@code status} the order's or enrollment's
     * status from then on, where the event sets one; amounts in cents.
     */
    public record Moment(Instant at, long position, String kind, String event, String text, String status,
                         Long amountCents, String currency, String aggregateType, String aggregateId) {}
}
