package dev.stoa.projection.learning;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CertificateViewRepository extends JpaRepository<CertificateEntity, String> {
    java.util.List<CertificateEntity> findByEnrollmentId(String enrollmentId);
}
