package dev.stoa.projection.review;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewViewRepository extends JpaRepository<ReviewEntity, String> {
    Page<ReviewEntity> findByProductId(String productId, Pageable page);

    Page<ReviewEntity> findByCourseId(String courseId, Pageable page);

    List<ReviewEntity> findByAuthorId(String authorId);
}
