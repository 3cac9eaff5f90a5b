package dev.stoa.api.ordering;

import dev.stoa.api.platform.CompletesItsWrite;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Units an approved refund request ({@code refundId}) paid back, of products and courses: those of lines the order still
 * has to ship, and every unit of a line nothing ships (a digital product, a course), are taken out of the order
 * ({@link OrderLinesWithdrawn}), so the buyer does not get both the money and the goods. The answer is that event (a
 * typed record, as results travel through Axon Server too); its {@code unitsSentBack} are the units it did not
 * withdraw, which the buyer sends back instead: those of physical lines shipped already. An order left with nothing
 * is closed ({@link OrderClosedByRefunds}). Units of a cancelled order's unshipped lines are neither:
 * the cancellation put them back on hand. No caller of its own (the refund's approval sends it, and its process again
 * after a crash); a repeat for the same {@code refundId} answers as the first did and changes nothing.
 */
public record WithdrawRefundedUnits(@TargetAggregateIdentifier OrderId orderId, String refundId, List<WithdrawnUnits> units)
        implements CompletesItsWrite {}
