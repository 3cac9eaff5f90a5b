package dev.stoa.query.learning;

import dev.stoa.api.learning.FindCourseEnrollments;
import dev.stoa.api.learning.FindEnrollmentProgress;
import dev.stoa.api.learning.FindMyEnrollments;
import dev.stoa.api.platform.Access;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.Roles;
import dev.stoa.projection.learning.EnrollmentCourseEntity;
import dev.stoa.projection.learning.EnrollmentCourseViewRepository;
import dev.stoa.projection.learning.EnrollmentEntity;
import dev.stoa.projection.learning.EnrollmentViewRepository;
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
 * Answers enrollments from {@code enrollment_view}; progress percent is counted here against the course's lessons
 * published now ({@code enrollment_course_view}), so a lesson published later lowers it for everybody at once.
 */
@Component
@Transactional(readOnly = true)
public class EnrollmentQueryHandler {
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("enrolledAt"), Sort.Order.asc("enrollmentId"));
    private final EnrollmentViewRepository enrollments;
    private final EnrollmentCourseViewRepository courses;

    public EnrollmentQueryHandler(EnrollmentViewRepository enrollments, EnrollmentCourseViewRepository courses) {
        this.enrollments = enrollments;
        this.courses = courses;
    }

    @QueryHandler
    public FindMyEnrollments.Result handle(FindMyEnrollments query) {
        Page<EnrollmentEntity> page = enrollments.findByUserId(query.userId(),
                new OffsetPage(query.offset(), query.limit(), NEWEST_FIRST));
        Map<String, EnrollmentCourseEntity> byId = courses.findAllById(page.map(EnrollmentEntity::getCourseId).getContent())
                .stream().collect(Collectors.toMap(EnrollmentCourseEntity::getCourseId, Function.identity()));
        List<FindMyEnrollments.Item> items = page.getContent().stream().map(e -> {
            EnrollmentCourseEntity course = byId.get(e.getCourseId());
            return new FindMyEnrollments.Item(e.getCourseId(), course == null ? null : course.getTitle(), percent(e, course),
                    e.getStatus(), e.getCertificateId(), e.getEnrolledAt(), e.getCompletedAt());
        }).toList();
        return new FindMyEnrollments.Result(items, page.getTotalElements(), query.limit(), query.offset());
    }

    /**
     * Who is not enrolled in a course that students can see is told to enroll (403 {@code purchase_required}); a course
     * that does not exist for students (unknown, a draft, archived: 404 to all but its students) is 404, as the course
     * answers it (it was 403 before 2026-12-06, fifth session; an archived one's until 2026-12-07, walkthrough Z33).
     */
    private DomainException notEnrolled(FindEnrollmentProgress query) {
        String courseId = query.courseId();
        // its instructor and admins see a draft or an archived course: told to enroll, not that it does not exist (Z37, Z39)
        if (courses.findById(courseId).filter(c -> c.isOpen() || CourseQueryHandler.manages(query.viewer(),
                c.getInstructorId())).isEmpty())
            return DomainException.notFound("course " + courseId);
        return new DomainException(ErrorCode.PURCHASE_REQUIRED, "you are not enrolled in course " + courseId);
    }

    @QueryHandler
    public FindEnrollmentProgress.Result handle(FindEnrollmentProgress query) {
        EnrollmentEntity e = enrollments.findByUserIdAndCourseId(query.userId(), query.courseId()).orElseThrow(() ->
                notEnrolled(query));
        EnrollmentCourseEntity course = courses.findById(e.getCourseId()).orElse(null);
        List<String> published = course == null ? List.of() : course.publishedLessonIds();
        return new FindEnrollmentProgress.Result(e.getCourseId(), course == null ? null : course.getTitle(), percent(e, course),
                published.stream().filter(e.getCompletedLessons()::contains).toList(),
                published.stream().filter(e.getOpenedLessons()::contains).toList(), e.getTimeSpentSeconds(), e.getStatus(),
                Map.copyOf(e.getQuizScores()), e.getCertificateId(),
                e.getGrants().stream().map(g -> new FindEnrollmentProgress.Grant(g.source(), g.reference(), g.grantedAt(),
                        g.revokedAt(), g.revokedReason())).toList());
    }

    @QueryHandler
    public FindCourseEnrollments.Result handle(FindCourseEnrollments query) {
        EnrollmentCourseEntity course = courses.findById(query.courseId())
                .orElseThrow(() -> DomainException.notFound("course " + query.courseId()));
        Access.requireSelfOr(query.actor(), course.getInstructorId(), "course " + query.courseId(), Roles.ADMIN);
        Page<EnrollmentEntity> page = enrollments.findByCourseId(query.courseId(),
                new OffsetPage(query.offset(), query.limit(), NEWEST_FIRST));
        long all = enrollments.countByCourseId(query.courseId());
        long completed = enrollments.countByCourseIdAndStatus(query.courseId(), EnrollmentEntity.COMPLETED);
        long revoked = enrollments.countByCourseIdAndStatus(query.courseId(), EnrollmentEntity.REVOKED);
        long withAccess = all - revoked;
        int rate = withAccess == 0 ? 0 : (int) (completed * 100 / withAccess);
        List<FindCourseEnrollments.Student> students = page.getContent().stream().map(e -> new FindCourseEnrollments.Student(
                e.getUserId(), e.getStatus(), percent(e, course), e.getTimeSpentSeconds(), e.getEnrolledAt(),
                e.getCompletedAt())).toList();
        return new FindCourseEnrollments.Result(query.courseId(), all, completed, revoked, rate, students,
                page.getTotalElements(), query.limit(), query.offset());
    }

    /** Percent of the course's published lessons the student completed, rounded down; 0 when none is published. */
    private static int percent(EnrollmentEntity e, EnrollmentCourseEntity course) {
        if (course == null) return 0;
        List<String> published = course.publishedLessonIds();
        if (published.isEmpty()) return 0;
        long done = published.stream().filter(e.getCompletedLessons()::contains).count();
        return (int) (done * 100 / published.size());
    }
}
