package dev.stoa.projection.wallet;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface VoucherViewRepository extends JpaRepository<VoucherEntity, String>, JpaSpecificationExecutor<VoucherEntity> {}
