package dev.stoa.api.ordering;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Shipped lines of an order reached the buyer; {@code deliveredBy} is the vendor or admin who recorded it. */
@Revision("1")
public record OrderLinesDelivered(OrderId orderId, List<String> itemIds, String deliveredBy) {}
