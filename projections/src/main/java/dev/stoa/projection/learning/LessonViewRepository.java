package dev.stoa.projection.learning;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LessonViewRepository extends JpaRepository<LessonEntity, String> {
    List<LessonEntity> findByCourseIdOrderByPositionAscSeqAsc(String courseId);

    long countByCourseId(String courseId);
}
