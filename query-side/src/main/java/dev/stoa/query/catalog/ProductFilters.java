package dev.stoa.query.catalog;

import dev.stoa.api.catalog.FindProducts;
import dev.stoa.api.catalog.FindVendorProducts;
import dev.stoa.api.catalog.ProductSort;
import dev.stoa.query.platform.JpqlList;
import java.util.List;
import java.util.Locale;

/** The filters and sort of GET /api/v1/products as JPQL over product_view ({@code p}, a ProductEntity). */
final class ProductFilters {
    private ProductFilters() {}

    /** {@code categories}: the filter's category and those under it ({@link CategorySubtrees}), or null. */
    static JpqlList of(FindProducts q, List<String> categories) {
        return JpqlList.where("p.active = true")
                .and("p.categoryId in :categories", "categories", categories)
                .and("p.vendorId = :vendorId", "vendorId", q.vendorId())
                .and("p.currency = :currency", "currency", q.currency())
                .and("p.priceCents >= :minPrice", "minPrice", q.minPrice())
                .and("p.priceCents <= :maxPrice", "maxPrice", q.maxPrice())
                .and("p.ratingAverage >= :minRating", "minRating", q.minRating())
                .and("lower(p.brand) = :brand", "brand",
                        q.brand() == null ? null : q.brand().toLowerCase(Locale.ROOT))
                .containing("q", q.q(), "p.name", "p.brand", "p.description");
    }

    /** One seller's products, listed ({@code listed} true), unlisted (false) or both (null). */
    static JpqlList ofVendor(FindVendorProducts q) {
        return JpqlList.where("p.vendorId = :vendorId", "vendorId", q.vendorId())
                .and("p.active = :listed", "listed", q.listed());
    }

    /** Every order ends on the id, so that pages are stable when values tie. */
    static String orderBy(ProductSort sort) {
        return switch (sort == null ? ProductSort.NEWEST : sort) {
            case PRICE_ASC -> "p.priceCents asc, p.id asc";
            case PRICE_DESC -> "p.priceCents desc, p.id asc";
            // best rated first, unrated last
            case RATING -> "coalesce(p.ratingAverage, -1.0) desc, p.ratingCount desc, p.id asc";
            case NEWEST -> "p.createdAt desc, p.id asc";
        };
    }
}
