package dev.stoa.projection.review;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewViewRepository extends JpaRepository<ReviewEntity, String> {
    /** A product's reviews in one state ({@link ReviewEntity#LIVE} for every public read). */
    Page<ReviewEntity> findByProductIdAndState(String productId, String state, Pageable page);

    /** A course's reviews in one state ({@link ReviewEntity#LIVE} for every public read). */
    Page<ReviewEntity> findByCourseIdAndState(String courseId, String state, Pageable page);

    /** Every review of one author, live or ended (their export, their erasure). */
    List<ReviewEntity> findByAuthorId(String authorId);
}
