package dev.stoa.projection.wallet;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WalletEntryViewRepository extends JpaRepository<WalletEntryEntity, String> {
    Page<WalletEntryEntity> findByUserId(String userId, Pageable page);
}
