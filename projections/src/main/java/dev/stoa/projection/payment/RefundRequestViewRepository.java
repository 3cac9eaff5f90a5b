package dev.stoa.projection.payment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface RefundRequestViewRepository extends JpaRepository<RefundRequestEntity, String>,
        JpaSpecificationExecutor<RefundRequestEntity> {}
