package dev.stoa.projection.payment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface RefundRequestViewRepository extends JpaRepository<RefundRequestEntity, String>,
        JpaSpecificationExecutor<RefundRequestEntity> {
    List<RefundRequestEntity> findByBuyerId(String buyerId);
}
