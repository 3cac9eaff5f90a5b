package dev.stoa.query.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.projection.learning.CourseEntity;
import dev.stoa.projection.learning.CourseViewRepository;
import dev.stoa.projection.learning.LessonEntity;
import dev.stoa.projection.learning.LessonViewRepository;
import dev.stoa.query.platform.JpqlList;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers course queries from course_view and lesson_view. Who sees what: a published course and the outline of its
 * published lessons, anyone; drafts, archived courses and whole lessons (quiz answers included), the course's
 * instructor and admins; an archived course's outline, its students too ({@link CourseAccess}). A lesson's content is
 * the command side's (its reading is recorded on the enrollment).
 */
@Component
@Transactional(readOnly = true)
public class CourseQueryHandler {
    private final CourseViewRepository courses;
    private final LessonViewRepository lessons;
    private final CourseAccess access;
    private final dev.stoa.query.catalog.CategorySubtrees subtrees;
    @PersistenceContext
    private EntityManager entityManager;

    public CourseQueryHandler(CourseViewRepository courses, LessonViewRepository lessons, CourseAccess access,
                              dev.stoa.query.catalog.CategorySubtrees subtrees) {
        this.subtrees = subtrees;
        this.courses = courses;
        this.lessons = lessons;
        this.access = access;
    }

    @QueryHandler
    public FindCourses.Result handle(FindCourses query) {
        return page(CourseFilters.of(query, subtrees.of(query.categoryId())), CourseFilters.orderBy(query.sort()),
                query.limit(), query.offset());
    }

    /** An instructor's own courses, drafts and archived ones too: the public list has the published ones only. */
    @QueryHandler
    public FindCourses.Result handle(FindInstructorCourses query) {
        return page(CourseFilters.ofInstructor(query), CourseFilters.ownOrderBy(query.sort()), query.limit(),
                query.offset());
    }

    private FindCourses.Result page(JpqlList list, String orderBy, int limit, int offset) {
        List<CourseView> items = list.page(entityManager, "select c from CourseEntity c", orderBy, CourseEntity.class,
                        offset, limit)
                .stream().map(CourseQueryHandler::view).toList();
        return new FindCourses.Result(items, list.total(entityManager, "select count(c) from CourseEntity c",
                offset, limit, items.size()), limit, offset);
    }

    @QueryHandler
    public CourseView handle(FindCourseById query) {
        return courses.findById(query.courseId().value()).filter(c -> readable(c, query.viewer(), access))
                .map(CourseQueryHandler::view).orElse(null);
    }

    /**
     * Whether {@code viewer} may read the course (its detail, outline and reviews): a published one, anyone; a draft,
     * its instructor and admins; an archived one, them and its students, whose access stays with its lessons' content
     * (its detail and reviews were 404 to them, and its reviews 200 to anyone, before 2026-12-07: found by a
     * walkthrough).
     */
    public static boolean readable(CourseEntity course, Actor viewer, CourseAccess access) {
        return visible(course, viewer) || CourseEntity.ARCHIVED.equals(course.getStatus()) && viewer != null
                && access.canRead(new UserId(viewer.userId()), new CourseId(course.getId()));
    }

    @QueryHandler
    public FindCourseLessons.Result handle(FindCourseLessons query) {
        CourseEntity course = courses.findById(query.courseId().value())
                .filter(c -> readable(c, query.viewer(), access))
                .orElseThrow(() -> DomainException.notFound("course " + query.courseId()));
        boolean full = manages(query.viewer(), course);
        List<LessonView> items = lessons.findByCourseIdOrderByPositionAscSeqAsc(course.getId()).stream()
                .filter(l -> full || l.isPublished())
                .map(l -> full ? whole(l) : LessonView.outline(l.getId(), l.getTitle(), LessonType.of(l.getType()),
                        l.getPosition(), l.getDurationSeconds()))
                .toList();
        return new FindCourseLessons.Result(course.getId(), full, items);
    }

    private static boolean visible(CourseEntity course, Actor viewer) {
        return CourseEntity.PUBLISHED.equals(course.getStatus()) || manages(viewer, course);
    }

    private static boolean manages(Actor viewer, CourseEntity course) { return manages(viewer, course.getInstructorId()); }

    /** The viewer is the course's instructor or an admin: they see a draft and an archived course, and every lesson. */
    static boolean manages(Actor viewer, String instructorId) {
        return viewer != null && (viewer.isAdmin() || viewer.userId().equals(instructorId));
    }

    private static LessonView whole(LessonEntity l) {
        return new LessonView(l.getId(), l.getTitle(), LessonType.of(l.getType()), l.getPosition(),
                l.getDurationSeconds(), l.isPublished(), l.getContentRef(), l.getMediaType(), l.getBody(),
                l.getQuiz().isEmpty() ? null : l.getQuiz());
    }

    static CourseView view(CourseEntity c) {
        return new CourseView(c.getId(), c.getInstructorId(), c.getTitle(), c.getDescription(), c.getPriceCents(),
                c.getCurrency(), c.getCategoryId(), c.getPassingScore(), CourseStatus.valueOf(c.getStatus().toUpperCase(
                java.util.Locale.ROOT)), c.getLessonCount(), c.getTotalDurationSeconds(),
                new CourseView.Rating(c.getRatingAverage(), c.getRatingCount()), c.getCreatedAt(), c.getUpdatedAt(),
                c.getPublishedAt());
    }
}
