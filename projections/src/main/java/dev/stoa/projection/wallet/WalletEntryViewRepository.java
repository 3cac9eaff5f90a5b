package dev.stoa.projection.wallet;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WalletEntryViewRepository extends JpaRepository<WalletEntryEntity, String> {
    Page<WalletEntryEntity> findByUserId(String userId, Pageable page);

    /** One buyer's entries for one order (its debit and refunds), through the index on user_id. */
    java.util.List<WalletEntryEntity> findByUserIdAndOrderId(String userId, String orderId);
}
