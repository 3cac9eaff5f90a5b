package dev.stoa.query.payment;

import dev.stoa.api.payment.FindRefundRequests;
import dev.stoa.projection.payment.RefundRequestEntity;
import dev.stoa.projection.payment.RefundRequestViewRepository;
import dev.stoa.query.platform.OffsetPage;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers refund request lists from refund_request_view, newest first. */
@Component
@Transactional(readOnly = true)
public class RefundQueryHandler {
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.asc("refundId"));
    private final RefundRequestViewRepository requests;

    public RefundQueryHandler(RefundRequestViewRepository requests) { this.requests = requests; }

    @QueryHandler
    public FindRefundRequests.Result handle(FindRefundRequests query) {
        Specification<RefundRequestEntity> filter = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.refundId() != null) where.add(cb.equal(root.get("refundId"), query.refundId()));
            if (query.buyerId() != null) where.add(cb.equal(root.get("buyerId"), query.buyerId()));
            if (query.status() != null) where.add(cb.equal(root.get("status"), query.status()));
            if (query.orderId() != null) where.add(cb.equal(root.get("orderId"), query.orderId()));
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<RefundRequestEntity> page = requests.findAll(filter, new OffsetPage(query.offset(), query.limit(), NEWEST_FIRST));
        return new FindRefundRequests.Result(page.getContent().stream().map(RefundRequestEntity::view).toList(),
                page.getTotalElements(), query.limit(), query.offset());
    }
}
