package dev.stoa.api.ordering;

/**
 * An event after which the order is {@code cancelled} for good: {@link OrderCancelled}, or {@link OrderClosedByRefunds}
 * (refunds took every unit back before anything shipped). For the readers of an order's own events that only ask
 * whether it ended so; what each one undoes or refunds differs, and is handled per event.
 */
public interface OrderEndedCancelled {
    OrderId orderId();
}
