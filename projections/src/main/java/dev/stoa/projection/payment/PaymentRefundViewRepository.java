package dev.stoa.projection.payment;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentRefundViewRepository extends JpaRepository<PaymentRefundEntity, PaymentRefundEntity.Key> {
    List<PaymentRefundEntity> findByPaymentIdInOrderByRequestedAt(Collection<String> paymentIds);
}
