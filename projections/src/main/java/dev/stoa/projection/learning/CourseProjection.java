package dev.stoa.projection.learning;

import dev.stoa.api.review.CourseReviewDeleted;
import dev.stoa.api.review.CourseReviewEdited;
import dev.stoa.api.review.CourseReviewPosted;
import dev.stoa.api.review.CourseReviewRemoved;
import dev.stoa.api.review.CourseReviewWithdrawn;
import dev.stoa.api.review.RatingSummary;
import dev.stoa.api.learning.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code course_view} and {@code lesson_view} from the Course aggregate's events. Both in one processing
 * group: a course's published-lesson count and duration are summed from its lesson rows in the same transaction.
 */
@Component
@ProcessingGroup(CourseProjection.NAME)
public class CourseProjection {
    public static final String NAME = "course-read-model";
    private final CourseViewRepository courses;
    private final LessonViewRepository lessons;

    public CourseProjection(CourseViewRepository courses, LessonViewRepository lessons) {
        this.courses = courses;
        this.lessons = lessons;
    }

    @EventHandler
    void on(CourseCreated e, @Timestamp Instant at) {
        CourseEntity c = new CourseEntity(e.courseId().value(), e.instructorId().value(), at);
        c.details(e.title(), e.description(), e.priceCents(), e.currency(), id(e.categoryId()), e.passingScore(), at);
        courses.save(c);
    }

    @EventHandler
    void on(CourseUpdated e, @Timestamp Instant at) {
        courses.getReferenceById(e.courseId().value()).details(e.title(), e.description(), e.priceCents(),
                e.currency(), id(e.categoryId()), e.passingScore(), at);
    }

    @EventHandler
    void on(CoursePublished e, @Timestamp Instant at) { courses.getReferenceById(e.courseId().value()).published(at); }

    @EventHandler
    void on(CourseArchived e, @Timestamp Instant at) { courses.getReferenceById(e.courseId().value()).archived(at); }

    @EventHandler
    void on(LessonAdded e, @Timestamp Instant at) {
        String courseId = e.courseId().value();
        LessonEntity l = new LessonEntity(e.lessonId().value(), courseId, (int) lessons.countByCourseId(courseId) + 1, at);
        l.details(e.title(), e.type().value(), e.position(), e.durationSeconds(), e.contentRef(), e.mediaType(), e.body(),
                e.quiz(), at);
        lessons.save(l);
    }

    @EventHandler
    void on(LessonUpdated e, @Timestamp Instant at) {
        lessons.getReferenceById(e.lessonId().value()).details(e.title(), e.type().value(), e.position(),
                e.durationSeconds(), e.contentRef(), e.mediaType(), e.body(), e.quiz(), at);
        summarise(e.courseId(), at);
    }

    @EventHandler
    void on(LessonMediaAttached e, @Timestamp Instant at) {
        lessons.getReferenceById(e.lessonId().value()).media(e.contentRef(), e.mediaType(), at);
    }

    @EventHandler
    void on(LessonMediaDetached e, @Timestamp Instant at) {
        lessons.getReferenceById(e.lessonId().value()).media(null, null, at);
    }

    @EventHandler
    void on(LessonPublished e, @Timestamp Instant at) {
        lessons.getReferenceById(e.lessonId().value()).published(at);
        summarise(e.courseId(), at);
    }

    @EventHandler
    void on(CourseReviewPosted e) { rated(e.courseId(), e.courseRating()); }

    @EventHandler
    void on(CourseReviewEdited e) { rated(e.courseId(), e.courseRating()); }

    @EventHandler
    void on(CourseReviewDeleted e) { rated(e.courseId(), e.courseRating()); }

    @EventHandler
    void on(CourseReviewRemoved e) { rated(e.courseId(), e.courseRating()); }

    @EventHandler
    void on(CourseReviewWithdrawn e) { rated(e.courseId(), e.courseRating()); }

    /** Review events live in the course's reviews aggregate: one segment keeps them after their course. */
    private void rated(CourseId courseId, RatingSummary summary) {
        courses.getReferenceById(courseId.value()).rated(summary.average(), summary.count());
    }

    /** The course's lesson count and total duration: its published lessons, as they now are. */
    private void summarise(CourseId courseId, Instant at) {
        lessons.flush();
        List<LessonEntity> published = lessons.findByCourseIdOrderByPositionAscSeqAsc(courseId.value()).stream()
                .filter(LessonEntity::isPublished).toList();
        long duration = published.stream().mapToLong(l -> l.getDurationSeconds() == null ? 0 : l.getDurationSeconds()).sum();
        courses.getReferenceById(courseId.value()).lessons(published.size(), duration, at);
    }

    @ResetHandler
    void reset() {
        lessons.deleteAllInBatch();
        courses.deleteAllInBatch();
    }

    private static String id(Object id) { return id == null ? null : id.toString(); }
}
