package dev.stoa.command.cart;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import java.util.Optional;

/**
 * What the cart and the checkout need to know about a product: for sale, name, SKU, vendor, price, currency, weight
 * (from the product's events), and the stock available now (from its inventory); for courses, price and state (from the
 * course's events) and whether the user owns it (the enrollment). Read from the aggregates and their events,
 * never from read models.
 */
public interface ItemCatalog {
    Optional<ProductFacts> product(ProductId productId);

    /** Units available to sell now; 0 for a product without an inventory. Call inside a command's unit of work. */
    int available(ProductId productId);

    /** A course as its events left it, for sale when {@code open}; null when it is no course or is not published. */
    Optional<CourseOffer> course(CourseId courseId);

    /** Whether the user has access to the course now (the enrollment aggregate's answer). Call inside a unit of work. */
    boolean owns(UserId userId, CourseId courseId);

    /** A published course: title, instructor (the line's vendor), price; {@code open} unless archived. */
    record CourseOffer(String title, UserId instructorId, long unitPriceCents, String currency, boolean open) {}

    /** A product as its events left it. */
    record ProductFacts(String name, String sku, UserId vendorId, long unitPriceCents, String currency, Integer weightGrams,
                        boolean active) {}
}
