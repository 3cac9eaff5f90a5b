package dev.stoa.projection.learning;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EnrollmentViewRepository extends JpaRepository<EnrollmentEntity, String> {
    Page<EnrollmentEntity> findByUserId(String userId, Pageable page);

    Page<EnrollmentEntity> findByCourseId(String courseId, Pageable page);

    Optional<EnrollmentEntity> findByUserIdAndCourseId(String userId, String courseId);

    long countByCourseIdAndStatus(String courseId, String status);

    long countByCourseId(String courseId);
}
