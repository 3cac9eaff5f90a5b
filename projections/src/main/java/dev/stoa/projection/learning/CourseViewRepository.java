package dev.stoa.projection.learning;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface CourseViewRepository extends JpaRepository<CourseEntity, String>, JpaSpecificationExecutor<CourseEntity> {}
