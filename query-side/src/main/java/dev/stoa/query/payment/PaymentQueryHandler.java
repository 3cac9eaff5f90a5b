package dev.stoa.query.payment;

import dev.stoa.api.payment.FindPayments;
import dev.stoa.api.payment.PaymentView;
import dev.stoa.projection.payment.PaymentEntity;
import dev.stoa.projection.payment.PaymentRefundEntity;
import dev.stoa.projection.payment.PaymentRefundViewRepository;
import dev.stoa.projection.payment.PaymentViewRepository;
import dev.stoa.query.platform.OffsetPage;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers payment lists from payment_view and payment_refund_view, newest first. */
@Component
@Transactional(readOnly = true)
public class PaymentQueryHandler {
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("paymentId"));
    private final PaymentViewRepository payments;
    private final PaymentRefundViewRepository refunds;

    public PaymentQueryHandler(PaymentViewRepository payments, PaymentRefundViewRepository refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @QueryHandler
    public FindPayments.Result handle(FindPayments query) {
        Specification<PaymentEntity> filter = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.buyerId() != null) where.add(cb.equal(root.get("buyerId"), query.buyerId()));
            if (query.status() != null) where.add(cb.equal(root.get("status"), query.status()));
            if (query.orderId() != null) where.add(cb.equal(root.get("orderId"), query.orderId()));
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<PaymentEntity> page = payments.findAll(filter, new OffsetPage(query.offset(), query.limit(), NEWEST_FIRST));
        Map<String, List<PaymentRefundEntity>> byPayment = refunds.findByPaymentIdInOrderByRequestedAt(
                page.getContent().stream().map(PaymentEntity::getPaymentId).toList()).stream()
                .collect(Collectors.groupingBy(PaymentRefundEntity::getPaymentId));
        return new FindPayments.Result(page.getContent().stream().map(p -> view(p, byPayment.getOrDefault(p.getPaymentId(), List.of())))
                .toList(), page.getTotalElements(), query.limit(), query.offset());
    }

    private static PaymentView view(PaymentEntity p, List<PaymentRefundEntity> refunds) {
        return new PaymentView(p.getPaymentId(), p.getOrderId(), p.getBuyerId(), p.getStatus(), p.getAmountCents(),
                p.getCapturedCents(), p.getRefundedCents(), p.getCurrency(), p.getGateway(), p.getFailureCode(),
                p.getFailureMessage(), p.getCreatedAt(), p.getUpdatedAt(), refunds.stream().map(r -> new PaymentView.RefundView(
                        r.getRefundId(), r.getAmountCents(), r.getStatus(), r.getReason(), r.getRequestedAt(), r.getUpdatedAt(),
                        r.getFailureReason()))
                        .toList());
    }
}
