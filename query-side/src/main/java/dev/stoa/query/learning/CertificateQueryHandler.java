package dev.stoa.query.learning;

import dev.stoa.api.learning.CertificateId;
import dev.stoa.api.learning.CertificateView;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.FindCertificate;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.projection.identity.UserEntity;
import dev.stoa.projection.identity.UserViewRepository;
import dev.stoa.projection.learning.CertificateEntity;
import dev.stoa.projection.learning.CertificateViewRepository;
import dev.stoa.projection.learning.CourseEntity;
import dev.stoa.projection.learning.CourseViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a certificate's verification from certificate_view, with the course's title from course_view and the
 * student's and the instructor's names from user_view as they are now: {@code [erased]} for an erased person.
 */
@Component
@Transactional(readOnly = true)
public class CertificateQueryHandler {
    private final CertificateViewRepository certificates;
    private final CourseViewRepository courses;
    private final UserViewRepository users;

    public CertificateQueryHandler(CertificateViewRepository certificates, CourseViewRepository courses,
                                   UserViewRepository users) {
        this.certificates = certificates;
        this.courses = courses;
        this.users = users;
    }

    @QueryHandler
    public CertificateView handle(FindCertificate query) {
        CertificateEntity c = certificates.findById(query.certificateId().value()).orElse(null);
        if (c == null) return null;
        CourseEntity course = courses.findById(c.getCourseId()).orElse(null);
        return new CertificateView(new CertificateId(c.getCertificateId()), fullName(c.getUserId()),
                new CourseId(c.getCourseId()), course == null ? null : course.getTitle(),
                course == null ? null : fullName(course.getInstructorId()), c.getIssuedAt(), c.getQuizAverage(),
                c.getRevokedAt() == null, c.getRevokedAt());
    }

    /** First and last name; {@code [erased]} once erased; null when the profile is unknown or has no name. */
    private String fullName(String userId) {
        UserEntity user = users.findById(userId).orElse(null);
        if (user == null) return null;
        if ("erased".equals(user.getStatus())) return PersonalData.ERASED;
        String name = ((user.getFirstName() == null ? "" : user.getFirstName().strip()) + " "
                + (user.getLastName() == null ? "" : user.getLastName().strip())).strip();
        return name.isEmpty() ? null : name;
    }
}
