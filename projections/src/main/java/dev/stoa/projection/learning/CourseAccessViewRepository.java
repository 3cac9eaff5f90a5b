package dev.stoa.projection.learning;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CourseAccessViewRepository extends JpaRepository<CourseAccessEntity, CourseAccessEntity.Key> {}
