package dev.stoa.command.learning;

import dev.stoa.api.learning.CourseCompleted;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.EnrollmentRevoked;
import dev.stoa.api.learning.RevokeEnrollment;
import dev.stoa.command.ordering.BuyerMails;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A student's mails about their enrollment: a certificate issued ({@code CourseCompleted}), with the address where anyone
 * checks it; the access to a course ended ({@code EnrollmentRevoked} that left no grant), with why and whether its
 * certificate is revoked with it. Before 2026-12-07 neither was told: a refund's mail said the money, not that the course
 * and its certificate were gone, which a third party checking it then saw (walkthrough Z33). As every mail processor:
 * named after the event, never on a replay, not for events older than 48 h ({@link BuyerMails}).
 */
@Component
@ProcessingGroup(LearningMails.NAME)
@DisallowReplay
class LearningMails {
    static final String NAME = "learning-mail";
    private final BuyerMails mails;
    private final CourseCatalog catalog;
    private final EventStore events;
    private final String publicUrl;

    LearningMails(BuyerMails mails, CourseCatalog catalog, EventStore events,
                  @Value("${stoa.public-url:http://localhost:8080}") String publicUrl) {
        this.mails = mails;
        this.catalog = catalog;
        this.events = events;
        this.publicUrl = publicUrl;
    }

    @EventHandler
    void on(CourseCompleted e, EventMessage<?> message) {
        Map<String, Object> model = course(e.courseId());
        model.put("certificateId", e.certificateId().value());
        model.put("certificateUrl", certificateUrl(e.certificateId().value()));
        mails.send("certificate-issued", e.userId().value(), message, model);
    }

    /** Only the revocation that ends the access: another grant of the course (bought again) keeps it, and nothing ended. */
    @EventHandler
    void on(EnrollmentRevoked e, EventMessage<?> message) {
        if (e.accessActive()) return;
        Map<String, Object> model = course(e.courseId());
        model.put("why", RevokeEnrollment.CANCELLED.equals(e.reason()) ? "the order it came with was cancelled"
                : "its payment was refunded");
        String certificate = certificateOf(e).orElse("");
        model.put("certificateId", certificate);
        model.put("certificateUrl", certificate.isEmpty() ? "" : certificateUrl(certificate));
        mails.send("course-access-ended", e.userId().value(), message, model);
    }

    private Optional<String> certificateOf(EnrollmentRevoked e) {
        return events.readEvents(e.enrollmentId().value()).asStream()
                .filter(m -> m.getPayload() instanceof CourseCompleted)
                .map(m -> ((CourseCompleted) m.getPayload()).certificateId().value()).findFirst();
    }

    private Map<String, Object> course(CourseId courseId) {
        Map<String, Object> model = new HashMap<>();
        model.put("courseTitle", catalog.course(courseId).map(CourseCatalog.CourseFacts::title).orElse(courseId.value()));
        model.put("courseUrl", publicUrl + "/courses/" + courseId.value());
        return model;
    }

    private String certificateUrl(String certificateId) { return publicUrl + "/api/v1/certificates/" + certificateId; }
}
