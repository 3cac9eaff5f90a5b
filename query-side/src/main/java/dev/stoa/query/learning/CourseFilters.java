package dev.stoa.query.learning;

import dev.stoa.api.catalog.ProductSort;
import dev.stoa.api.learning.FindCourses;
import dev.stoa.projection.learning.CourseEntity;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/** The filters and sorts of GET /api/v1/courses as a JPA specification over course_view (published courses only). */
final class CourseFilters {
    private CourseFilters() {}

    static Specification<CourseEntity> of(FindCourses q) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(cb.equal(root.get("status"), CourseEntity.PUBLISHED));
            if (q.categoryId() != null) all.add(cb.equal(root.get("categoryId"), q.categoryId()));
            if (q.instructorId() != null) all.add(cb.equal(root.get("instructorId"), q.instructorId()));
            if (q.minPrice() != null) all.add(cb.ge(root.get("priceCents"), q.minPrice()));
            if (q.maxPrice() != null) all.add(cb.le(root.get("priceCents"), q.maxPrice()));
            if (q.minRating() != null) all.add(cb.ge(root.get("ratingAverage"), q.minRating()));
            if (q.q() != null && !q.q().isBlank()) {
                String like = "%" + q.q().trim().toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                all.add(cb.or(cb.like(cb.lower(root.get("title")), like, '\\'),
                        cb.like(cb.lower(root.get("description")), like, '\\')));
            }
            if (q.sort() == ProductSort.RATING && !Long.class.equals(query.getResultType())) {
                query.orderBy(cb.desc(cb.coalesce(root.get("ratingAverage"), -1.0)), cb.desc(root.get("ratingCount")),
                        cb.asc(root.get("id")));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    /** Every sort ends on the id, so pages are stable when values tie. Newest: by publication. */
    static Sort sort(FindCourses q) {
        Sort primary = switch (q.sort() == null ? ProductSort.NEWEST : q.sort()) {
            case PRICE_ASC -> Sort.by(Sort.Order.asc("priceCents"));
            case PRICE_DESC -> Sort.by(Sort.Order.desc("priceCents"));
            case RATING -> Sort.unsorted();
            case NEWEST -> Sort.by(Sort.Order.desc("publishedAt"));
        };
        return primary.isSorted() ? primary.and(Sort.by("id")) : primary;
    }
}
