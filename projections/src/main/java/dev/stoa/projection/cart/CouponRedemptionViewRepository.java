package dev.stoa.projection.cart;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CouponRedemptionViewRepository extends JpaRepository<CouponRedemptionEntity, String> {
    int countByCodeAndUserId(String code, String userId);
}
