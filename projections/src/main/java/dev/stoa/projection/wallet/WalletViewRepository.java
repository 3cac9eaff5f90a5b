package dev.stoa.projection.wallet;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WalletViewRepository extends JpaRepository<WalletEntity, String> {}
