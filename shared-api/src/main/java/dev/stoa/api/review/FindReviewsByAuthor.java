package dev.stoa.api.review;

import java.util.List;

/** Every review one user wrote, of products and of courses, newest first (for that user's GDPR export). */
public record FindReviewsByAuthor(String authorId) {
    public record Result(List<ReviewView> productReviews, List<CourseReviewView> courseReviews) {}
}
