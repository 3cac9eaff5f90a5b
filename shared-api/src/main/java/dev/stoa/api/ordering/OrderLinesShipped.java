package dev.stoa.api.ordering;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Lines of an order left with a carrier under {@code trackingNumber}; {@code shippedBy} is the vendor or admin. */
@Revision("1")
public record OrderLinesShipped(OrderId orderId, List<String> itemIds, String trackingNumber, String shippedBy) {}
