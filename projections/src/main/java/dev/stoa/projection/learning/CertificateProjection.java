package dev.stoa.projection.learning;

import dev.stoa.api.learning.CourseCompleted;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code certificate_view} from {@link CourseCompleted}: one row per certificate, keyed by its id, so handling
 * the event twice writes it once. Issued at the event's own time, which a replay keeps.
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

    @ResetHandler
    void reset() { certificates.deleteAllInBatch(); }
}
