package dev.stoa.projection.learning;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EnrollmentCourseViewRepository extends JpaRepository<EnrollmentCourseEntity, String> {}
