package dev.stoa.command.learning;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.learning.CourseCatalog.CourseFacts;
import dev.stoa.command.learning.CourseCatalog.LessonFacts;
import dev.stoa.command.platform.SnapshotState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A student's enrollment in one course ({@link EnrollmentId#of}): a set of entitlements and the progress made.
 * Every grant (free, wallet purchase, order line) and every revocation (refund, cancellation) is an event naming its
 * reference, so the history answers why a student has access; access lasts while one grant is unrevoked. Progress
 * (lessons completed, time, quiz scores) counts the course's published lessons as its events say now, and the first
 * opening of each lesson's content is recorded (the refund rule counts it); completion
 * (every published lesson complete and the quiz average at or above the passing score) issues a certificate once.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("1")
@SnapshotState
public class Enrollment {
    static final int MAX_SECONDS_PER_REPORT = 86_400;

    @AggregateIdentifier
    private String enrollmentId;
    private UserId userId;
    private CourseId courseId;
    /** Grant reference → its source; {@code revoked} holds the references taken back. */
    private Map<String, String> grants = new LinkedHashMap<>();
    private Set<String> revoked = new HashSet<>();
    private Set<String> completedLessons = new LinkedHashSet<>();
    /** Lessons whose content the student opened (since 2026-12-06; a snapshot from before holds none, as its events did). */
    private Set<String> openedLessons = new LinkedHashSet<>();
    private long timeSpentSeconds;
    private Map<String, Integer> bestScores = new HashMap<>();
    private String certificateId;

    protected Enrollment() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    EnrollmentId handle(GrantEnrollment cmd, CourseCatalog catalog) {
        if (cmd.userId() == null || cmd.courseId() == null) throw DomainException.badInput("userId and courseId are required");
        String source = cmd.source();
        if (!GrantEnrollment.FREE.equals(source) && !GrantEnrollment.WALLET.equals(source) && !GrantEnrollment.ORDER.equals(source))
            throw DomainException.badInput("source must be free, wallet or order");
        if (cmd.reference() == null || cmd.reference().isBlank() || cmd.reference().length() > 200)
            throw DomainException.badInput("reference is required (at most 200 characters)");
        if (cmd.paidCents() < 0) throw DomainException.badInput("paidCents must not be negative");
        EnrollmentId id = EnrollmentId.of(cmd.userId(), cmd.courseId());
        if (grants.containsKey(cmd.reference())) { // an order's or a wallet purchase's grant again: nothing more
            if (!GrantEnrollment.FREE.equals(source)) return id;
            throw new DomainException(ErrorCode.COURSE_ALREADY_OWNED, "you are enrolled in this course already");
        }
        CourseFacts course = catalog.course(cmd.courseId())
                .orElseThrow(() -> DomainException.notFound("course " + cmd.courseId()));
        if (!GrantEnrollment.ORDER.equals(source)) { // an order was paid: it is honoured whatever the course became since
            if (!course.published()) throw DomainException.notFound("course " + cmd.courseId());
            if (course.archived())
                throw new DomainException(ErrorCode.COURSE_ARCHIVED, "course " + cmd.courseId() + " takes no new students");
            if (hasAccess()) throw new DomainException(ErrorCode.COURSE_ALREADY_OWNED, "you are enrolled in this course already");
            if (GrantEnrollment.FREE.equals(source) && !course.free())
                throw new DomainException(ErrorCode.PAYMENT_REQUIRED, "course " + cmd.courseId() + " is not free");
        }
        apply(new EnrollmentGranted(id, cmd.userId(), cmd.courseId(), source, cmd.reference(), cmd.paidCents(),
                cmd.paidCents() == 0 ? null : cmd.currency()));
        return id;
    }

    @CommandHandler
    void handle(RevokeEnrollment cmd) {
        if (!RevokeEnrollment.REFUNDED.equals(cmd.reason()) && !RevokeEnrollment.CANCELLED.equals(cmd.reason()))
            throw DomainException.badInput("reason must be refunded or cancelled");
        String source = grants.get(cmd.reference());
        if (source == null || revoked.contains(cmd.reference())) return; // granted nothing, or taken back already
        boolean othersRemain = grants.keySet().stream().anyMatch(r -> !r.equals(cmd.reference()) && !revoked.contains(r));
        apply(new EnrollmentRevoked(new EnrollmentId(enrollmentId), userId, courseId, source, cmd.reference(), cmd.reason(),
                othersRemain));
    }

    @CommandHandler
    ProgressSummary handle(RecordProgress cmd, CourseCatalog catalog) {
        if (!hasAccess())
            throw new DomainException(ErrorCode.ENROLLMENT_REVOKED, "your access to this course was revoked");
        if (cmd.lessonId() == null) throw DomainException.badInput("lessonId is required");
        CourseFacts course = catalog.course(courseId).orElseThrow(() -> DomainException.notFound("course " + courseId));
        LessonFacts lesson = course.lessons().get(cmd.lessonId().value());
        if (lesson == null || !lesson.published()) throw DomainException.notFound("lesson " + cmd.lessonId());
        Integer seconds = cmd.secondsSpent();
        if (seconds != null && (seconds < 0 || seconds > MAX_SECONDS_PER_REPORT))
            throw DomainException.badInput("secondsSpent must be 0 to " + MAX_SECONDS_PER_REPORT);
        if (cmd.quizAnswers() != null && !lesson.isQuiz())
            throw DomainException.badInput("quizAnswers are for quiz lessons; lesson " + cmd.lessonId() + " is a " + lesson.type().value());
        if (lesson.isQuiz() && cmd.completed() && cmd.quizAnswers() == null)
            throw DomainException.badInput("quizAnswers are what completes a quiz: send them, not completed");

        String lessonKey = cmd.lessonId().value();
        if (seconds != null && seconds > 0)
            apply(new LessonTimeSpent(new EnrollmentId(enrollmentId), userId, courseId, cmd.lessonId(), seconds,
                    Math.addExact(timeSpentSeconds, seconds)));
        ProgressSummary.QuizResult result = null;
        if (cmd.quizAnswers() != null) {
            int correct = QuizScoring.correct(lesson.quiz(), cmd.quizAnswers());
            int questions = lesson.quiz().size();
            int percent = QuizScoring.percent(correct, questions);
            int best = Math.max(percent, bestScores.getOrDefault(lessonKey, 0));
            apply(new QuizSubmitted(new EnrollmentId(enrollmentId), userId, courseId, cmd.lessonId(), correct, questions,
                    percent, best));
            result = new ProgressSummary.QuizResult(lessonKey, correct, questions, percent, best);
        }
        if ((cmd.completed() || cmd.quizAnswers() != null) && !completedLessons.contains(lessonKey))
            apply(new LessonCompleted(new EnrollmentId(enrollmentId), userId, courseId, cmd.lessonId()));
        completeIfDone(course);
        return summary(course, result);
    }

    /**
     * Completion checked again against the course as it is now (its passing score lowered since the student's last
     * progress): before 2026-12-06 (seventh session) it was checked only when the student next reported progress, and
     * one who had finished stayed short of a certificate they had earned. Nothing without access, or once completed.
     */
    @CommandHandler
    void handle(ReassessCompletion cmd, CourseCatalog catalog) {
        if (!hasAccess() || certificateId != null) return;
        catalog.course(courseId).ifPresent(this::completeIfDone);
    }

    /**
     * The student opens a published lesson's content: refused without access (never enrolled: the caller's 403
     * purchase_required; every grant revoked: enrollment_revoked); the first opening of each lesson is recorded.
     */
    @CommandHandler
    void handle(OpenLesson cmd, CourseCatalog catalog) {
        if (!hasAccess()) throw readingRevoked();
        if (cmd.lessonId() == null) throw DomainException.badInput("lessonId is required");
        LessonFacts lesson = catalog.course(courseId).map(c -> c.lessons().get(cmd.lessonId().value())).orElse(null);
        if (lesson == null || !lesson.published()) throw DomainException.notFound("lesson " + cmd.lessonId());
        if (!openedLessons.contains(cmd.lessonId().value()))
            apply(new LessonOpened(new EnrollmentId(enrollmentId), userId, courseId, cmd.lessonId()));
    }

    /** The refusal of a lesson's content to a student whose every grant was revoked (the content endpoint's too). */
    static DomainException readingRevoked() {
        return new DomainException(ErrorCode.ENROLLMENT_REVOKED, "your access to this course was revoked "
                + "(refunded or cancelled); enroll again to read its lessons");
    }

    /** Completion, once: every published lesson complete and the quiz lessons' average best score at the passing score. */
    private void completeIfDone(CourseFacts course) {
        if (certificateId != null) return;
        List<LessonFacts> published = course.publishedLessons();
        if (published.isEmpty() || !published.stream().allMatch(l -> completedLessons.contains(l.lessonId().value()))) return;
        List<LessonFacts> quizzes = published.stream().filter(LessonFacts::isQuiz).toList();
        Integer average = null;
        if (!quizzes.isEmpty()) {
            int sum = quizzes.stream().mapToInt(q -> bestScores.getOrDefault(q.lessonId().value(), 0)).sum();
            average = sum / quizzes.size();
            if (average < course.passingScore()) return;
        }
        apply(new CourseCompleted(new EnrollmentId(enrollmentId), userId, courseId, CertificateId.random(), average));
    }

    /** The progress as it stands against the course's published lessons now. */
    ProgressSummary summary(CourseFacts course, ProgressSummary.QuizResult quizResult) {
        List<String> done = course.publishedLessons().stream().map(l -> l.lessonId().value())
                .filter(completedLessons::contains).toList();
        return new ProgressSummary(courseId.value(), percent(course), done, timeSpentSeconds, status().value(),
                Map.copyOf(bestScores), certificateId, quizResult);
    }

    /** Percent of the course's published lessons complete, rounded down; 0 when none is published. */
    int percent(CourseFacts course) {
        List<LessonFacts> published = course.publishedLessons();
        if (published.isEmpty()) return 0;
        long done = published.stream().filter(l -> completedLessons.contains(l.lessonId().value())).count();
        return (int) (done * 100 / published.size());
    }

    /**
     * Percent of the course's published lessons the student has had: opened or completed, rounded down; 0 when none is
     * published. What the refund rule counts: a lesson read through is had, whether or not it was marked complete.
     */
    int consumedPercent(CourseFacts course) {
        List<LessonFacts> published = course.publishedLessons();
        if (published.isEmpty()) return 0;
        long had = published.stream().map(l -> l.lessonId().value())
                .filter(id -> completedLessons.contains(id) || openedLessons.contains(id)).count();
        return (int) (had * 100 / published.size());
    }

    /** Whether any lesson was completed (the right to review the course, with access). */
    boolean startedAny() { return !completedLessons.isEmpty(); }

    boolean hasAccess() { return grants.keySet().stream().anyMatch(r -> !revoked.contains(r)); }

    /** Whether the student opened this lesson's content before. */
    boolean opened(LessonId lessonId) { return openedLessons.contains(lessonId.value()); }

    EnrollmentStatus status() {
        if (!hasAccess()) return EnrollmentStatus.REVOKED;
        return certificateId != null ? EnrollmentStatus.COMPLETED : EnrollmentStatus.ACTIVE;
    }

    CourseId courseId() { return courseId; }

    @EventSourcingHandler
    void on(EnrollmentGranted e) {
        enrollmentId = e.enrollmentId().value();
        userId = e.userId();
        courseId = e.courseId();
        grants.put(e.reference(), e.source());
    }

    @EventSourcingHandler
    void on(EnrollmentRevoked e) { revoked.add(e.reference()); }

    @EventSourcingHandler
    void on(LessonCompleted e) { completedLessons.add(e.lessonId().value()); }

    @EventSourcingHandler
    void on(LessonOpened e) { openedLessons.add(e.lessonId().value()); }

    @EventSourcingHandler
    void on(LessonTimeSpent e) { timeSpentSeconds = e.totalSeconds(); }

    @EventSourcingHandler
    void on(QuizSubmitted e) { bestScores.put(e.lessonId().value(), e.bestScorePercent()); }

    @EventSourcingHandler
    void on(CourseCompleted e) { certificateId = e.certificateId().value(); }
}
