package dev.stoa.query.catalog;

import dev.stoa.api.catalog.FindProducts;
import dev.stoa.projection.catalog.ProductEntity;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/** The filters and sorts of GET /api/v1/products as a JPA specification over product_view. */
final class ProductFilters {
    private ProductFilters() {}

    static Specification<ProductEntity> of(FindProducts q) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(cb.isTrue(root.get("active")));
            if (q.categoryId() != null) all.add(cb.equal(root.get("categoryId"), q.categoryId()));
            if (q.vendorId() != null) all.add(cb.equal(root.get("vendorId"), q.vendorId()));
            if (q.minPrice() != null) all.add(cb.ge(root.get("priceCents"), q.minPrice()));
            if (q.maxPrice() != null) all.add(cb.le(root.get("priceCents"), q.maxPrice()));
            if (q.minRating() != null) all.add(cb.ge(root.get("ratingAverage"), q.minRating()));
            if (q.brand() != null) all.add(cb.equal(cb.lower(root.get("brand")), q.brand().toLowerCase(Locale.ROOT)));
            if (q.q() != null && !q.q().isBlank()) {
                String like = "%" + q.q().trim().toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                all.add(cb.or(cb.like(cb.lower(root.get("name")), like, '\\'),
                        cb.like(cb.lower(root.get("brand")), like, '\\'),
                        cb.like(cb.lower(root.get("description")), like, '\\')));
            }
            if (q.sort() == dev.stoa.api.catalog.ProductSort.RATING && !Long.class.equals(query.getResultType())) {
                // best rated first, unrated last (Criteria cannot say NULLS LAST)
                query.orderBy(cb.desc(cb.coalesce(root.get("ratingAverage"), -1.0)), cb.desc(root.get("ratingCount")),
                        cb.asc(root.get("id")));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    /** Every sort ends on the id, so pages are stable when values tie. */
    static Sort sort(FindProducts q) {
        Sort primary = switch (q.sort() == null ? dev.stoa.api.catalog.ProductSort.NEWEST : q.sort()) {
            case PRICE_ASC -> Sort.by(Sort.Order.asc("priceCents"));
            case PRICE_DESC -> Sort.by(Sort.Order.desc("priceCents"));
            case RATING -> Sort.unsorted(); // ordered by the specification
            case NEWEST -> Sort.by(Sort.Order.desc("createdAt"));
        };
        return primary.isSorted() ? primary.and(Sort.by("id")) : primary;
    }
}
