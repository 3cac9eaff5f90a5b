package dev.stoa.projection.cart;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CouponViewRepository extends JpaRepository<CouponEntity, String> {
    Page<CouponEntity> findAllByOrderByCreatedAtDescCodeAsc(Pageable page);
}
