package dev.stoa.api.ordering;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Units of lines not shipped yet were refunded by refund request {@code refundId}: the order no longer ships them. A
 * line whose every unit is withdrawn drops out of what the order ships; a line with some left ships the rest. Their
 * committed stock comes back on hand (the order's saga restocks them under the receipt {@code withdrawn-<refundId>}).
 * {@code unitsSentBack}: the refund's other units, which the buyer sends back (a return is opened for them): those of
 * lines shipped already. Either list may be empty; the event records the order's answer to the refund once.
 */
@Revision("1")
public record OrderLinesWithdrawn(OrderId orderId, String refundId, List<WithdrawnUnits> units,
                                  List<WithdrawnUnits> unitsSentBack) {}
