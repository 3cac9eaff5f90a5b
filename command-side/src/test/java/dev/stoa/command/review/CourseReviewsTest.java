package dev.stoa.command.review;

import static dev.stoa.command.review.ProductReviewsTest.domainError;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.ErrorKind;
import dev.stoa.api.review.*;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CourseReviews aggregate: students who completed a lesson, one review each, the rating exact in every event. */
class CourseReviewsTest {
    private final CourseId course = CourseId.random();
    private final UserId ada = UserId.random();
    private final UserId bob = UserId.random();
    private final ReviewId adasReview = ReviewId.random();
    private final ReviewId bobsReview = ReviewId.random();
    private final Actor adaActs = new Actor(ada.value(), Set.of("customer"));
    private final Actor bobActs = new Actor(bob.value(), Set.of("customer"));
    private final Actor admin = new Actor(UserId.random().value(), Set.of("admin"));
    private final FakeStudents students = new FakeStudents();
    private FixtureConfiguration<CourseReviews> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CourseReviews.class);
        fixture.registerInjectableResource(students);
        fixture.registerInjectableResource(new ProductReviewsTest.ClearPersonalData());
        students.courses.put(course.value(), new HashMap<>(Map.of(ada.value(), CourseStudents.Standing.STARTED,
                bob.value(), CourseStudents.Standing.STARTED)));
    }

    private CourseReviewPosted adaPosted(int rating) {
        return new CourseReviewPosted(course, adasReview, ada, rating, "sealed:" + ada.value() + ":Clear and deep",
                new RatingSummary(1, rating));
    }

    /**
     * The course's instructor, enrolled in it and past a lesson, still does not rate it: 403, as a vendor its own
     * product (before 2026-12-06, seventh session, it was 201 and counted in the course's rating).
     */
    @Test
    void givenTheInstructorStudiesTheirOwnCourse_whenTheyReviewIt_thenForbidden() {
        students.instructors.put(course.value(), ada.value());
        fixture.givenNoPriorActivity()
                .when(new PostCourseReview(course, adasReview, 5, "self", adaActs))
                .expectNoEvents().expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
    }

    /** A student whose access ended has their review withdrawn from the rating; nothing for one who wrote none. */
    @Test
    void givenReviewed_whenTheAuthorsAccessEnds_thenWithdrawn_andNothingForNoReview() {
        CourseReviewPosted bobs = new CourseReviewPosted(course, bobsReview, bob, 3, null, new RatingSummary(2, 8));
        CourseReviewWithdrawn withdrawn = new CourseReviewWithdrawn(course, adasReview, ada, "order-1", new RatingSummary(1, 3));
        fixture.given(adaPosted(5), bobs)
                .when(new WithdrawCourseReviewOfRevokedAccess(course, ada, "order-1"))
                .expectEvents(withdrawn);
        fixture.given(adaPosted(5), bobs, withdrawn)
                .when(new WithdrawCourseReviewOfRevokedAccess(course, ada, "order-1"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(bobs)
                .when(new WithdrawCourseReviewOfRevokedAccess(course, ada, "order-1"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenNoReviews_whenAStudentWhoCompletedALessonPosts_thenPostedWithTheCommentSealed() {
        fixture.givenNoPriorActivity()
                .when(new PostCourseReview(course, adasReview, 5, " Clear and deep ", adaActs))
                .expectEvents(adaPosted(5))
                .expectResultMessagePayload(adasReview);
    }

    @Test
    void whenAnEnrolledStudentWithoutACompletedLessonPosts_thenCourseNotStarted() {
        students.courses.get(course.value()).put(ada.value(), CourseStudents.Standing.ENROLLED);
        fixture.givenNoPriorActivity()
                .when(new PostCourseReview(course, adasReview, 5, null, adaActs))
                .expectException(domainError(ErrorKind.FORBIDDEN, "course_not_started"))
                .expectNoEvents();
    }

    @Test
    void whenSomebodyNotEnrolledPosts_thenPurchaseRequired() {
        students.courses.get(course.value()).remove(ada.value());
        fixture.givenNoPriorActivity()
                .when(new PostCourseReview(course, adasReview, 5, null, adaActs))
                .expectException(domainError(ErrorKind.FORBIDDEN, "purchase_required"));
    }

    @Test
    void whenTheCourseDoesNotExist_thenNotFound() {
        students.courses.clear();
        fixture.givenNoPriorActivity()
                .when(new PostCourseReview(course, adasReview, 5, null, adaActs))
                .expectException(domainError(ErrorKind.NOT_FOUND, "not_found"));
    }

    @Test
    void givenAdaReviewed_whenAdaPostsAgain_thenAlreadyReviewed() {
        fixture.given(adaPosted(5))
                .when(new PostCourseReview(course, ReviewId.random(), 1, null, adaActs))
                .expectException(domainError(ErrorKind.CONFLICT, "already_reviewed"));
    }

    @Test
    void givenAdaReviewed_whenBobPostsAndAdaEditsAndDeletes_thenTheRatingFollowsExactly() {
        fixture.given(adaPosted(5),
                        new CourseReviewPosted(course, bobsReview, bob, 2, null, new RatingSummary(2, 7)),
                        new CourseReviewEdited(course, adasReview, ada, 4, null, new RatingSummary(2, 6)))
                .when(new DeleteCourseReview(course, adasReview, adaActs))
                .expectEvents(new CourseReviewDeleted(course, adasReview, ada, new RatingSummary(1, 2)));
    }

    @Test
    void givenAdaReviewed_whenHerAccessEnds_thenSheMayNoLongerEditIt_butMayDeleteIt() {
        students.courses.get(course.value()).put(ada.value(), CourseStudents.Standing.NOT_A_STUDENT); // refunded
        fixture.given(adaPosted(5))
                .when(new EditCourseReview(course, adasReview, 1, "refunded, and now one star", adaActs))
                .expectNoEvents().expectException(domainError(ErrorKind.FORBIDDEN, "purchase_required"));
        fixture.given(adaPosted(5))
                .when(new DeleteCourseReview(course, adasReview, adaActs))
                .expectEvents(new CourseReviewDeleted(course, adasReview, ada, RatingSummary.NONE));
        // enrolled again (bought again), not started again: still a student
        students.courses.get(course.value()).put(ada.value(), CourseStudents.Standing.ENROLLED);
        fixture.given(adaPosted(5))
                .when(new EditCourseReview(course, adasReview, 4, null, adaActs))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenAdaReviewed_whenBobEditsIt_thenForbidden_andWhenAnAdminDeletesIt_thenRemovedForGood() {
        fixture.given(adaPosted(5))
                .when(new EditCourseReview(course, adasReview, 1, null, bobActs))
                .expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
        fixture.given(adaPosted(5))
                .when(new DeleteCourseReview(course, adasReview, admin))
                .expectEvents(new CourseReviewRemoved(course, adasReview, ada, admin.userId(), RatingSummary.NONE));
        fixture.given(adaPosted(5), new CourseReviewRemoved(course, adasReview, ada, admin.userId(), RatingSummary.NONE))
                .when(new PostCourseReview(course, ReviewId.random(), 5, null, adaActs))
                .expectException(domainError(ErrorKind.CONFLICT, "already_reviewed"));
    }

    @Test
    void whenTheRatingIsOutOfRange_thenValidationFailed() {
        fixture.givenNoPriorActivity()
                .when(new PostCourseReview(course, adasReview, 6, null, adaActs))
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    /** Standings by course and user; a course is known when it has an entry. */
    static final class FakeStudents implements CourseStudents {
        final Map<String, Map<String, Standing>> courses = new HashMap<>();

        @Override
        public Standing standing(String userId, CourseId courseId) {
            return courses.getOrDefault(courseId.value(), Map.of()).getOrDefault(userId, Standing.NOT_A_STUDENT);
        }

        final Map<String, String> instructors = new HashMap<>();

        @Override
        public boolean courseExists(CourseId courseId) { return courses.containsKey(courseId.value()); }

        @Override
        public boolean teaches(String userId, CourseId courseId) { return userId.equals(instructors.get(courseId.value())); }
    }
}
