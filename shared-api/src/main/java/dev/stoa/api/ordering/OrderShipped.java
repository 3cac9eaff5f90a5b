package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Every line the order ships has left: confirmed → shipped. {@code trackingNumbers} of all its shipments. */
@Revision("1")
public record OrderShipped(OrderId orderId, String orderNumber, UserId buyer, List<String> trackingNumbers) {}
