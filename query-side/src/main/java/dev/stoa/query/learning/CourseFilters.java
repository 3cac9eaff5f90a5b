package dev.stoa.query.learning;

import dev.stoa.api.catalog.ProductSort;
import dev.stoa.api.learning.FindCourses;
import dev.stoa.api.learning.FindInstructorCourses;
import dev.stoa.projection.learning.CourseEntity;
import dev.stoa.query.platform.JpqlList;

/** The filters and sorts of GET /api/v1/courses as JPQL over course_view ({@code c}, a CourseEntity): published only. */
final class CourseFilters {
    private CourseFilters() {}

    /** {@code categories}: the filter's category and those under it, or null. */
    static JpqlList of(FindCourses q, java.util.List<String> categories) {
        return JpqlList.where("c.status = '" + CourseEntity.PUBLISHED + "'")
                .and("c.categoryId in :categories", "categories", categories)
                .and("c.instructorId = :instructorId", "instructorId", q.instructorId())
                .and("c.currency = :currency", "currency", q.currency())
                .and("c.priceCents >= :minPrice", "minPrice", q.minPrice())
                .and("c.priceCents <= :maxPrice", "maxPrice", q.maxPrice())
                .and("c.ratingAverage >= :minRating", "minRating", q.minRating())
                .containing("q", q.q(), "c.title", "c.description");
    }

    /** One instructor's courses, in one state (draft, published, archived) or in all (null). */
    static JpqlList ofInstructor(FindInstructorCourses q) {
        return JpqlList.where("c.instructorId = :instructorId", "instructorId", q.instructorId())
                .and("c.status = :status", "status", q.status());
    }

    /** As {@link #orderBy}, but newest by creation: a draft was never published. */
    static String ownOrderBy(ProductSort sort) {
        return sort == null || sort == ProductSort.NEWEST ? "c.createdAt desc, c.id asc" : orderBy(sort);
    }

    /** Every order ends on the id, so that pages are stable when values tie. Newest: by publication. */
    static String orderBy(ProductSort sort) {
        return switch (sort == null ? ProductSort.NEWEST : sort) {
            case PRICE_ASC -> "c.priceCents asc, c.id asc";
            case PRICE_DESC -> "c.priceCents desc, c.id asc";
            // best rated first, unrated last
            case RATING -> "coalesce(c.ratingAverage, -1.0) desc, c.ratingCount desc, c.id asc";
            case NEWEST -> "c.publishedAt desc, c.id asc";
        };
    }
}
