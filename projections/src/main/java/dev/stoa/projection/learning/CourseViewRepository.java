package dev.stoa.projection.learning;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CourseViewRepository extends JpaRepository<CourseEntity, String> {}
