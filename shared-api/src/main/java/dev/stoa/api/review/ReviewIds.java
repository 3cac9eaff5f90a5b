package dev.stoa.api.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.learning.CourseId;

/**
 * The identifier of a product's {@code ProductReviews} and a course's {@code CourseReviews} aggregate. It must differ
 * from the item's own: both streams live in one event store whose key is (aggregate identifier, sequence number).
 */
public final class ReviewIds {
    public static final String PREFIX = "reviews-";

    private ReviewIds() {}

    public static final String COURSE_PREFIX = "course-reviews-";

    public static String of(ProductId productId) { return PREFIX + productId.value(); }

    public static String of(CourseId courseId) { return COURSE_PREFIX + courseId.value(); }
}
