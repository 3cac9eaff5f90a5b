package dev.stoa.projection.catalog.search;

import java.util.function.UnaryOperator;

/**
 * One event's effect on one product document, waiting for the batch's flush.
 *
 * @param position the event's global position: becomes the document's external version
 * @param creates  true for the creation event, whose document does not depend on what the index holds
 * @param apply    the new document from the current one (null only when {@code creates})
 * @param eventId  the identifier of the event that made it (null outside a unit of work)
 */
record PendingChange(String productId, long position, boolean creates, UnaryOperator<ProductDocument> apply,
                     String eventId) {}
