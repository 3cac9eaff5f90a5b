package dev.stoa.command.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.learning.CourseCatalog.CourseFacts;
import dev.stoa.command.learning.CourseCatalog.LessonFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrollmentTest {
    private final UserId student = UserId.random();
    private final UserId instructor = UserId.random();
    private final CourseId courseId = CourseId.random();
    private final EnrollmentId id = EnrollmentId.of(student, courseId);
    private final LessonId video = LessonId.random();
    private final LessonId quiz = LessonId.random();
    private final LessonId draft = LessonId.random();
    private final Map<String, LessonFacts> lessons = new LinkedHashMap<>();
    private CourseFacts course;
    private FixtureConfiguration<Enrollment> fixture;

    @BeforeEach
    void setUp() {
        lessons.put(video.value(), new LessonFacts(video, LessonType.VIDEO, 1, true, List.of()));
        lessons.put(quiz.value(), new LessonFacts(quiz, LessonType.QUIZ, 2, true, List.of(
                new QuizQuestion("2+2?", List.of("3", "4"), Set.of(1)),
                new QuizQuestion("Primes?", List.of("2", "4", "5"), Set.of(0, 2)))));
        lessons.put(draft.value(), new LessonFacts(draft, LessonType.READING, 3, false, List.of()));
        course = new CourseFacts(courseId, instructor, "Sourdough", 0, "USD", 70, true, false, lessons);
        fixture = new AggregateTestFixture<>(Enrollment.class);
        fixture.registerInjectableResource(new CourseCatalog(null) {
            @Override
            public Optional<CourseFacts> course(CourseId c) { return c.equals(courseId) ? Optional.of(course) : Optional.empty(); }
        });
    }

    private EnrollmentGranted granted(String source, String reference) {
        return new EnrollmentGranted(id, student, courseId, source, reference, 0, null);
    }

    private EnrollmentGranted orderGrant(String orderId) {
        return new EnrollmentGranted(id, student, courseId, GrantEnrollment.ORDER, orderId, 4_900, "USD");
    }

    /**
     * The passing score lowered after the student finished (every lesson, quiz average 50): the reassessment completes
     * them; nothing for one still short of it, one completed, or one without access.
     */
    @Test
    void aReassessment_completesWhatTheCourseNowPasses_andNothingElse() {
        LessonCompleted videoDone = new LessonCompleted(id, student, courseId, video);
        QuizSubmitted fifty = new QuizSubmitted(id, student, courseId, quiz, 1, 2, 50, 50);
        LessonCompleted quizDone = new LessonCompleted(id, student, courseId, quiz);
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE), videoDone, fifty, quizDone)
                .when(new ReassessCompletion(student, courseId))
                .expectSuccessfulHandlerExecution().expectNoEvents(); // 50 is short of 70
        course = new CourseFacts(courseId, instructor, "Sourdough", 0, "USD", 50, true, false, lessons);
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE), videoDone, fifty, quizDone)
                .when(new ReassessCompletion(student, courseId))
                .expectState(e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(EnrollmentStatus.COMPLETED));
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE), fifty, quizDone)
                .when(new ReassessCompletion(student, courseId))
                .expectSuccessfulHandlerExecution().expectNoEvents(); // the video is not complete
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE), videoDone, fifty, quizDone,
                        new CourseCompleted(id, student, courseId, CertificateId.random(), 50))
                .when(new ReassessCompletion(student, courseId))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(orderGrant("order-1"), videoDone, fifty, quizDone,
                        new EnrollmentRevoked(id, student, courseId, GrantEnrollment.ORDER, "order-1", RevokeEnrollment.REFUNDED, false))
                .when(new ReassessCompletion(student, courseId))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenNothing_whenGrantFree_thenEnrolled() {
        fixture.givenNoPriorActivity()
                .when(new GrantEnrollment(student, courseId, GrantEnrollment.FREE, GrantEnrollment.FREE, 0, null))
                .expectEvents(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .expectResultMessagePayload(id);
    }

    @Test
    void givenAccess_whenGrantFreeOrWalletAgain_thenAlreadyOwned() {
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new GrantEnrollment(student, courseId, GrantEnrollment.FREE, GrantEnrollment.FREE, 0, null))
                .expectException(hasCode("course_already_owned"));
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new GrantEnrollment(student, courseId, GrantEnrollment.WALLET, "w-1", 4_900, "USD"))
                .expectException(hasCode("course_already_owned")).expectNoEvents();
    }

    @Test
    void givenWalletGrant_whenSamePurchaseAgain_thenNothing() {
        EnrollmentGranted wallet = new EnrollmentGranted(id, student, courseId, GrantEnrollment.WALLET, "w-1", 4_900, "USD");
        fixture.given(wallet)
                .when(new GrantEnrollment(student, courseId, GrantEnrollment.WALLET, "w-1", 4_900, "USD"))
                .expectNoEvents().expectSuccessfulHandlerExecution().expectResultMessagePayload(id);
    }

    @Test
    void whenGrantFreeOnAPaidUnpublishedOrArchivedCourse_thenRefused() {
        course = new CourseFacts(courseId, instructor, "Paid", 4_900, "USD", 70, true, false, lessons);
        fixture.givenNoPriorActivity()
                .when(new GrantEnrollment(student, courseId, GrantEnrollment.FREE, GrantEnrollment.FREE, 0, null))
                .expectException(hasCode("payment_required"));
        course = new CourseFacts(courseId, instructor, "Draft", 0, "USD", 70, false, false, lessons);
        fixture.givenNoPriorActivity()
                .when(new GrantEnrollment(student, courseId, GrantEnrollment.FREE, GrantEnrollment.FREE, 0, null))
                .expectException(hasCode("not_found"));
        course = new CourseFacts(courseId, instructor, "Old", 0, "USD", 70, true, true, lessons);
        fixture.givenNoPriorActivity()
                .when(new GrantEnrollment(student, courseId, GrantEnrollment.FREE, GrantEnrollment.FREE, 0, null))
                .expectException(hasCode("course_archived"));
        fixture.givenNoPriorActivity() // a paid order is honoured, archived or not
                .when(new GrantEnrollment(student, courseId, GrantEnrollment.ORDER, "order-1", 4_900, "USD"))
                .expectEvents(orderGrant("order-1"));
    }

    @Test
    void givenOrderGrant_whenSameOrderAgain_thenNothing_andSecondOrderAddsAGrant() {
        fixture.given(orderGrant("order-1"))
                .when(new GrantEnrollment(student, courseId, GrantEnrollment.ORDER, "order-1", 4_900, "USD"))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        fixture.given(orderGrant("order-1"))
                .when(new GrantEnrollment(student, courseId, GrantEnrollment.ORDER, "order-2", 4_900, "USD"))
                .expectEvents(orderGrant("order-2"));
    }

    @Test
    void givenTwoOrderGrants_whenFirstRefunded_thenAccessKept_andWhenBoth_thenRevoked() {
        fixture.given(orderGrant("order-1"), orderGrant("order-2"))
                .when(new RevokeEnrollment(student, courseId, "order-1", RevokeEnrollment.REFUNDED))
                .expectEvents(new EnrollmentRevoked(id, student, courseId, GrantEnrollment.ORDER, "order-1",
                        RevokeEnrollment.REFUNDED, true));
        fixture.given(orderGrant("order-1"), orderGrant("order-2"),
                        new EnrollmentRevoked(id, student, courseId, GrantEnrollment.ORDER, "order-1", RevokeEnrollment.REFUNDED, true))
                .when(new RevokeEnrollment(student, courseId, "order-2", RevokeEnrollment.CANCELLED))
                .expectEvents(new EnrollmentRevoked(id, student, courseId, GrantEnrollment.ORDER, "order-2",
                        RevokeEnrollment.CANCELLED, false));
    }

    @Test
    void givenGrant_whenRevokeUnknownOrRevokedReference_thenNothing() {
        fixture.given(orderGrant("order-1"))
                .when(new RevokeEnrollment(student, courseId, "order-9", RevokeEnrollment.CANCELLED))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        fixture.given(orderGrant("order-1"),
                        new EnrollmentRevoked(id, student, courseId, GrantEnrollment.ORDER, "order-1", RevokeEnrollment.REFUNDED, false))
                .when(new RevokeEnrollment(student, courseId, "order-1", RevokeEnrollment.REFUNDED))
                .expectNoEvents();
    }

    @Test
    void givenRevokedEnrollment_whenRecordProgress_thenEnrollmentRevoked_untilAnotherGrant() {
        EnrollmentRevoked revoked = new EnrollmentRevoked(id, student, courseId, GrantEnrollment.ORDER, "order-1",
                RevokeEnrollment.REFUNDED, false);
        fixture.given(orderGrant("order-1"), revoked)
                .when(new RecordProgress(student, courseId, video, true, null, null))
                .expectException(hasCode("enrollment_revoked"));
        fixture.given(orderGrant("order-1"), revoked, orderGrant("order-2"))
                .when(new RecordProgress(student, courseId, video, true, null, null))
                .expectEvents(new LessonCompleted(id, student, courseId, video));
    }

    @Test
    void whenCompleteUnknownOrUnpublishedLesson_thenNotFound() {
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new RecordProgress(student, courseId, draft, true, null, null))
                .expectException(hasCode("not_found"));
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new RecordProgress(student, courseId, LessonId.random(), true, null, null))
                .expectException(hasCode("not_found"));
    }

    @Test
    void whenLessonCompletedWithTime_thenBothRecorded_andHalfTheCourseDone() {
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new RecordProgress(student, courseId, video, true, 300, null))
                .expectEvents(new LessonTimeSpent(id, student, courseId, video, 300, 300),
                        new LessonCompleted(id, student, courseId, video))
                .expectResultMessagePayloadMatching(Matchers.matches(p -> p instanceof ProgressSummary s
                        && s.progressPercent() == 50 && s.completedLessons().equals(List.of(video.value()))
                        && s.timeSpentSeconds() == 300 && s.status().equals("active")));
    }

    @Test
    void whenQuizAnswersBad_thenValidationFailed() {
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new RecordProgress(student, courseId, quiz, false, null, List.of(List.of(1))))
                .expectException(hasCode("validation_failed")); // one answer for two questions
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new RecordProgress(student, courseId, quiz, false, null, List.of(List.of(1), List.of(7))))
                .expectException(hasCode("validation_failed")); // no choice 7
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new RecordProgress(student, courseId, video, false, null, List.of()))
                .expectException(hasCode("validation_failed")); // not a quiz
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new RecordProgress(student, courseId, quiz, true, null, null))
                .expectException(hasCode("validation_failed")); // a quiz completes by its answers
    }

    @Test
    void givenVideoDone_whenQuizFailed_thenScoredNotCompleted_andWhenPassed_thenCourseCompletedOnce() {
        LessonCompleted videoDone = new LessonCompleted(id, student, courseId, video);
        // one of two right: 50 % < 70 %
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE), videoDone)
                .when(new RecordProgress(student, courseId, quiz, false, null, List.of(List.of(1), List.of(0))))
                .expectEvents(new QuizSubmitted(id, student, courseId, quiz, 1, 2, 50, 50),
                        new LessonCompleted(id, student, courseId, quiz));
        QuizSubmitted failed = new QuizSubmitted(id, student, courseId, quiz, 1, 2, 50, 50);
        LessonCompleted quizDone = new LessonCompleted(id, student, courseId, quiz);
        // both right (choices in any order): 100 %, the course is complete with a certificate
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE), videoDone, failed, quizDone)
                .when(new RecordProgress(student, courseId, quiz, false, null, List.of(List.of(1), List.of(2, 0))))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.<Object>equalTo(new QuizSubmitted(id, student, courseId, quiz, 2, 2, 100, 100)),
                        Matchers.<Object>matches(e -> e instanceof CourseCompleted c && c.enrollmentId().equals(id)
                                && c.quizAverage() == 100 && c.certificateId() != null),
                        Matchers.andNoMore())));
        CourseCompleted completed = new CourseCompleted(id, student, courseId, CertificateId.random(), 100);
        // a worse retake keeps the best score and completes nothing again
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE), videoDone, failed, quizDone,
                        new QuizSubmitted(id, student, courseId, quiz, 2, 2, 100, 100), completed)
                .when(new RecordProgress(student, courseId, quiz, false, null, List.of(List.of(0), List.of(0))))
                .expectEvents(new QuizSubmitted(id, student, courseId, quiz, 0, 2, 0, 100))
                .expectResultMessagePayloadMatching(Matchers.matches(p -> p instanceof ProgressSummary s
                        && s.status().equals("completed") && s.quizScores().get(quiz.value()) == 100
                        && s.certificateId().equals(completed.certificateId().value())));
    }

    @Test
    void givenCompletedCourse_whenALessonIsPublishedLater_thenPercentFalls_butCompletionStays() {
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE), new LessonCompleted(id, student, courseId, video))
                .when(new RecordProgress(student, courseId, video, false, 60, null))
                .expectResultMessagePayloadMatching(Matchers.matches(p -> ((ProgressSummary) p).progressPercent() == 50));
        lessons.put(draft.value(), new LessonFacts(draft, LessonType.READING, 3, true, List.of()));
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE), new LessonCompleted(id, student, courseId, video))
                .when(new RecordProgress(student, courseId, video, false, 60, null))
                .expectResultMessagePayloadMatching(Matchers.matches(p -> ((ProgressSummary) p).progressPercent() == 33));
    }

    @Test
    void givenAccess_whenOpenPublishedLesson_thenOpenedOnce_andCountedForRefunds() {
        LessonOpened opened = new LessonOpened(id, student, courseId, video);
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new OpenLesson(student, courseId, video))
                .expectEvents(opened)
                .expectState(e -> {
                    assertThat(e.consumedPercent(course)).as("one of two published lessons had").isEqualTo(50);
                    assertThat(e.percent(course)).as("progress counts completions only").isZero();
                });
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE), opened)
                .when(new OpenLesson(student, courseId, video))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        // a lesson opened and completed counts once
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE), opened,
                        new LessonCompleted(id, student, courseId, video))
                .when(new OpenLesson(student, courseId, quiz))
                .expectEvents(new LessonOpened(id, student, courseId, quiz))
                .expectState(e -> assertThat(e.consumedPercent(course)).isEqualTo(100));
    }

    @Test
    void whenOpenUnpublishedOrUnknownLesson_thenNotFound_andWhenRevoked_thenEnrollmentRevoked() {
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new OpenLesson(student, courseId, draft))
                .expectException(hasCode("not_found")).expectNoEvents();
        fixture.given(granted(GrantEnrollment.FREE, GrantEnrollment.FREE))
                .when(new OpenLesson(student, courseId, LessonId.random()))
                .expectException(hasCode("not_found")).expectNoEvents();
        fixture.given(orderGrant("order-1"), new EnrollmentRevoked(id, student, courseId, GrantEnrollment.ORDER, "order-1",
                        RevokeEnrollment.REFUNDED, false))
                .when(new OpenLesson(student, courseId, video))
                .expectException(hasCode("enrollment_revoked")).expectNoEvents();
    }

    @Test
    void quizScoring_countsExactSetsOnly() {
        List<QuizQuestion> questions = List.of(new QuizQuestion("q", List.of("a", "b", "c"), Set.of(0, 1)));
        assertThat(QuizScoring.correct(questions, List.of(List.of(1, 0)))).isEqualTo(1);
        assertThat(QuizScoring.correct(questions, List.of(List.of(0)))).isZero();
        assertThat(QuizScoring.correct(questions, List.of(List.of(0, 1, 2)))).isZero();
        assertThatThrownBy(() -> QuizScoring.correct(questions, List.of(List.of(1, 1, 0))))
                .hasMessage("quizAnswers[0] names a choice twice");
        assertThat(QuizScoring.percent(2, 3)).isEqualTo(66);
    }

    private static Matcher<Throwable> hasCode(String code) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object item) { return item instanceof DomainException e && code.equals(e.code()); }

            @Override
            public void describeTo(Description d) { d.appendText("a DomainException with code " + code); }
        };
    }
}
