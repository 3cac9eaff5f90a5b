package dev.stoa.api.ordering;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Units of lines not shipped yet were refunded by refund request {@code refundId}: the order no longer ships them. A
 * line whose every unit is withdrawn drops out of what the order ships; a line with some left ships the rest. Their
 * units are available again: the order's saga sends {@code RestockReturn} under the receipt {@code withdrawn-<refundId>},
 * and the order's reservation, open until its line ships, holds that many fewer (units committed already, those of a digital product or
 * of an order paid before reservations stayed open, come back on hand).
 * {@code unitsSentBack}: the refund's other units, which the buyer sends back (a return is opened for them): those of
 * lines shipped already. Either list may be empty; the event records the order's answer to the refund once.
 */
@Revision("1")
public record OrderLinesWithdrawn(OrderId orderId, String refundId, List<WithdrawnUnits> units,
                                  List<WithdrawnUnits> unitsSentBack) {}
