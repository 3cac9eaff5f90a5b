package dev.stoa.projection.learning;

import dev.stoa.api.learning.CourseCompleted;
import dev.stoa.api.learning.EnrollmentGranted;
import dev.stoa.api.learning.EnrollmentRevoked;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code certificate_view} from {@link CourseCompleted}: one row per certificate, keyed by its id, so handling
 * the event twice writes it once. Issued at the event's own time, which a replay keeps. Revoked when its enrollment's
 * last grant is revoked (a refund or cancellation), valid again when access is granted again; the enrollment's events
 * come in order (one aggregate), so the last word stands.
 */
@Component
@ProcessingGroup(CertificateProjection.NAME)
public class CertificateProjection {
    public static final String NAME = "certificate-read-model";
    private final CertificateViewRepository certificates;

    public CertificateProjection(CertificateViewRepository certificates) { this.certificates = certificates; }

    @EventHandler
    void on(CourseCompleted e, @Timestamp Instant at) {
        if (certificates.existsById(e.certificateId().value())) return;
        certificates.save(new CertificateEntity(e.certificateId().value(), e.enrollmentId().value(), e.userId().value(),
                e.courseId().value(), e.quizAverage(), at));
    }

    /** The enrollment's last access was taken back (refunded, cancelled): its certificate is revoked. */
    @EventHandler
    void on(EnrollmentRevoked e, @Timestamp Instant at) {
        if (e.accessActive()) return;
        certificates.findByEnrollmentId(e.enrollmentId().value()).forEach(c -> certificates.save(c.revoked(at)));
    }

    /** Access granted again (the course bought again): the certificate earned on this enrollment holds again. */
    @EventHandler
    void on(EnrollmentGranted e) {
        certificates.findByEnrollmentId(e.enrollmentId().value()).stream().filter(c -> c.getRevokedAt() != null)
                .forEach(c -> certificates.save(c.restored()));
    }

    @ResetHandler
    void reset() { certificates.deleteAllInBatch(); }
}
