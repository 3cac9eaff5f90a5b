package dev.stoa.query.review;

import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.review.FindCourseReview;
import dev.stoa.api.review.FindReview;
import dev.stoa.api.review.FindReviews;
import dev.stoa.api.review.FindReviewsByAuthor;
import dev.stoa.api.review.ReviewView;
import dev.stoa.projection.catalog.ProductViewRepository;
import dev.stoa.projection.identity.UserEntity;
import dev.stoa.projection.identity.UserViewRepository;
import dev.stoa.api.review.CourseReviewView;
import dev.stoa.api.review.FindCourseReviews;
import dev.stoa.projection.learning.CourseEntity;
import dev.stoa.projection.learning.CourseViewRepository;
import dev.stoa.projection.review.ReviewEntity;
import dev.stoa.projection.review.ReviewViewRepository;
import dev.stoa.query.learning.CourseAccess;
import dev.stoa.query.learning.CourseQueryHandler;
import dev.stoa.query.platform.OffsetPage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a product's reviews from review_view, newest first. The author's name comes from the profile as it is now
 * (user_view): first name and the initial of the last, {@code [erased]} for an erased author.
 */
@Component
@Transactional(readOnly = true)
public class ReviewQueryHandler {
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    private final ReviewViewRepository reviews;
    private final ProductViewRepository products;
    private final CourseViewRepository courses;
    private final UserViewRepository users;
    private final CourseAccess access;

    public ReviewQueryHandler(ReviewViewRepository reviews, ProductViewRepository products, CourseViewRepository courses,
                              UserViewRepository users, CourseAccess access) {
        this.access = access;
        this.reviews = reviews;
        this.products = products;
        this.courses = courses;
        this.users = users;
    }

    @QueryHandler
    public FindReviews.Result handle(FindReviews query) {
        if (!products.existsById(query.productId().value())) return null;
        Page<ReviewEntity> page = reviews.findByProductIdAndState(query.productId().value(), ReviewEntity.LIVE,
                new OffsetPage(query.offset(), query.limit(), NEWEST_FIRST));
        Map<String, UserEntity> authors = authors(page);
        return new FindReviews.Result(page.map(r -> productView(r, name(authors.get(r.getAuthorId())))).getContent(),
                page.getTotalElements(), query.limit(), query.offset());
    }

    /**
     * A course's reviews for those who may read the course ({@link CourseQueryHandler#readable}); null (not found) for
     * the others and for an unknown course.
     */
    @QueryHandler
    public FindCourseReviews.Result handle(FindCourseReviews query) {
        CourseEntity course = courses.findById(query.courseId().value()).orElse(null);
        if (course == null || !CourseQueryHandler.readable(course, query.viewer(), access)) return null;
        Page<ReviewEntity> page = reviews.findByCourseIdAndState(query.courseId().value(), ReviewEntity.LIVE,
                new OffsetPage(query.offset(), query.limit(), NEWEST_FIRST));
        Map<String, UserEntity> authors = authors(page);
        return new FindCourseReviews.Result(page.map(r -> courseView(r, name(authors.get(r.getAuthorId())))).getContent(),
                page.getTotalElements(), query.limit(), query.offset());
    }

    /** One review of the product, as its list shows it (the 201's {@code Location} was 405 before 2026-12-07, Z41). */
    @QueryHandler
    public ReviewView handle(FindReview query) {
        return reviews.findById(query.reviewId()).filter(r -> r.isLive() && query.productId().value().equals(r.getProductId()))
                .map(r -> productView(r, name(users.findById(r.getAuthorId()).orElse(null)))).orElse(null);
    }

    /** One review of the course, to those who may read the course, as its list shows it (Z41, as above). */
    @QueryHandler
    public CourseReviewView handle(FindCourseReview query) {
        CourseEntity course = courses.findById(query.courseId().value()).orElse(null);
        if (course == null || !CourseQueryHandler.readable(course, query.viewer(), access)) return null;
        return reviews.findById(query.reviewId()).filter(r -> r.isLive() && query.courseId().value().equals(r.getCourseId()))
                .map(r -> courseView(r, name(users.findById(r.getAuthorId()).orElse(null)))).orElse(null);
    }

    /**
     * Everything one user wrote, whatever became of the product or course since, and reviews that no longer show with
     * their state (for their export; ended ones were left out before 2026-12-07, Z41).
     */
    @QueryHandler
    public FindReviewsByAuthor.Result handle(FindReviewsByAuthor query) {
        List<ReviewEntity> written = reviews.findByAuthorId(query.authorId()).stream()
                .sorted(java.util.Comparator.comparing(ReviewEntity::getCreatedAt).reversed()).toList();
        String name = name(users.findById(query.authorId()).orElse(null));
        return new FindReviewsByAuthor.Result(
                written.stream().filter(r -> r.getProductId() != null).map(r -> new FindReviewsByAuthor.ProductReview(
                        r.getId(), r.getProductId(), r.getRating(), r.getComment(), name, true, r.getState(),
                        r.getCreatedAt(), r.getUpdatedAt(), r.getEndedAt())).toList(),
                written.stream().filter(r -> r.getCourseId() != null).map(r -> new FindReviewsByAuthor.CourseReview(
                        r.getId(), r.getCourseId(), r.getRating(), r.getComment(), name, r.getState(),
                        r.getCreatedAt(), r.getUpdatedAt(), r.getEndedAt())).toList());
    }

    private static ReviewView productView(ReviewEntity r, String author) {
        return new ReviewView(r.getId(), r.getProductId(), r.getRating(), r.getComment(), author, true, r.getCreatedAt(),
                r.getUpdatedAt());
    }

    private static CourseReviewView courseView(ReviewEntity r, String author) {
        return new CourseReviewView(r.getId(), r.getCourseId(), r.getRating(), r.getComment(), author, r.getCreatedAt(),
                r.getUpdatedAt());
    }

    private Map<String, UserEntity> authors(Page<ReviewEntity> page) {
        return users.findAllById(page.map(ReviewEntity::getAuthorId).toSet()).stream()
                .collect(Collectors.toMap(UserEntity::getId, Function.identity()));
    }

    /** "Ada L."; {@code [erased]} once erased; null when the profile is unknown. */
    static String name(UserEntity user) {
        if (user == null) return null;
        if ("erased".equals(user.getStatus())) return PersonalData.ERASED;
        String first = user.getFirstName() == null ? "" : user.getFirstName().strip();
        String last = user.getLastName() == null ? "" : user.getLastName().strip();
        String name = last.isEmpty() ? first : (first + " " + last.codePoints().limit(1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + ".").strip();
        return name.isEmpty() ? null : name;
    }
}
