package dev.stoa.projection.learning;

import dev.stoa.api.learning.*;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code enrollment_view} (each enrollment's access, progress, completion and grants),
 * {@code course_access_view} (who may see a course's content now) and {@code enrollment_course_view} (the course
 * facts the views and the cart view need: title, instructor, price, state, lessons and whether published). Progress percent is not stored: it is
 * counted when read against the lessons published then, so a lesson published later lowers it. Every handler sets
 * state from the event (no increments), so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(EnrollmentProjection.NAME)
public class EnrollmentProjection {
    public static final String NAME = "enrollment-read-model";
    private final EnrollmentViewRepository enrollments;
    private final EnrollmentCourseViewRepository courses;
    private final CourseAccessViewRepository access;

    public EnrollmentProjection(EnrollmentViewRepository enrollments, EnrollmentCourseViewRepository courses,
                                CourseAccessViewRepository access) {
        this.enrollments = enrollments;
        this.courses = courses;
        this.access = access;
    }

    @EventHandler
    void on(CourseCreated e) {
        if (courses.existsById(e.courseId().value())) return;
        courses.save(new EnrollmentCourseEntity(e.courseId().value(), e.instructorId().value(), e.title(), e.priceCents(),
                e.currency()));
    }

    @EventHandler
    void on(CourseUpdated e) {
        courses.findById(e.courseId().value()).ifPresent(c -> courses.save(c.edited(e.title(), e.priceCents(), e.currency())));
    }

    @EventHandler
    void on(CoursePublished e) {
        courses.findById(e.courseId().value()).ifPresent(c -> courses.save(c.published()));
    }

    @EventHandler
    void on(CourseArchived e) {
        courses.findById(e.courseId().value()).ifPresent(c -> courses.save(c.archived()));
    }

    @EventHandler
    void on(LessonAdded e) {
        courses.findById(e.courseId().value()).ifPresent(c -> courses.save(c.lesson(e.lessonId().value(), e.type().value())));
    }

    @EventHandler
    void on(LessonUpdated e) {
        courses.findById(e.courseId().value()).ifPresent(c -> courses.save(c.lesson(e.lessonId().value(), e.type().value())));
    }

    @EventHandler
    void on(LessonPublished e) {
        courses.findById(e.courseId().value()).ifPresent(c -> courses.save(c.publish(e.lessonId().value())));
    }

    @EventHandler
    void on(EnrollmentGranted e, @Timestamp Instant at) {
        EnrollmentEntity row = enrollments.findById(e.enrollmentId().value()).orElseGet(() -> enrollments.save(
                new EnrollmentEntity(e.enrollmentId().value(), e.userId().value(), e.courseId().value(), at)));
        enrollments.save(row.granted(new EnrollmentEntity.Grant(e.source(), e.reference(), e.paidCents(), e.currency(), at,
                null, null), at));
        access(e.userId().value(), e.courseId().value(), true);
    }

    @EventHandler
    void on(EnrollmentRevoked e, @Timestamp Instant at) {
        enrollments.findById(e.enrollmentId().value()).ifPresent(row ->
                enrollments.save(row.revoked(e.reference(), e.reason(), e.accessActive(), at)));
        access(e.userId().value(), e.courseId().value(), e.accessActive());
    }

    @EventHandler
    void on(LessonOpened e, @Timestamp Instant at) {
        enrollments.findById(e.enrollmentId().value()).ifPresent(row -> enrollments.save(row.lessonOpened(e.lessonId().value(), at)));
    }

    @EventHandler
    void on(LessonCompleted e, @Timestamp Instant at) {
        enrollments.findById(e.enrollmentId().value()).ifPresent(row -> enrollments.save(row.lessonCompleted(e.lessonId().value(), at)));
    }

    @EventHandler
    void on(LessonTimeSpent e, @Timestamp Instant at) {
        enrollments.findById(e.enrollmentId().value()).ifPresent(row -> enrollments.save(row.timeSpent(e.totalSeconds(), at)));
    }

    @EventHandler
    void on(QuizSubmitted e, @Timestamp Instant at) {
        enrollments.findById(e.enrollmentId().value()).ifPresent(row ->
                enrollments.save(row.quizScored(e.lessonId().value(), e.bestScorePercent(), at)));
    }

    @EventHandler
    void on(CourseCompleted e, @Timestamp Instant at) {
        enrollments.findById(e.enrollmentId().value()).ifPresent(row ->
                enrollments.save(row.completed(e.certificateId().value(), e.quizAverage(), at)));
    }

    private void access(String userId, String courseId, boolean active) {
        CourseAccessEntity row = access.findById(new CourseAccessEntity.Key(userId, courseId))
                .orElseGet(() -> new CourseAccessEntity(userId, courseId, active));
        row.active(active);
        access.save(row);
    }

    @ResetHandler
    void reset() {
        enrollments.deleteAllInBatch();
        access.deleteAllInBatch();
        courses.deleteAllInBatch();
    }
}
