package dev.stoa.query.wallet;

import dev.stoa.api.wallet.FindVouchers;
import dev.stoa.api.wallet.VoucherView;
import dev.stoa.projection.wallet.VoucherEntity;
import dev.stoa.projection.wallet.VoucherViewRepository;
import dev.stoa.query.platform.OffsetPage;
import java.time.Instant;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lists vouchers from voucher_view, newest first, by batch and by state (expired: not redeemed and past expiry now). */
@Component
@Transactional(readOnly = true)
public class VoucherQueryHandler {
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("voucherId"));
    private final VoucherViewRepository vouchers;

    public VoucherQueryHandler(VoucherViewRepository vouchers) { this.vouchers = vouchers; }

    @QueryHandler
    public FindVouchers.Result handle(FindVouchers query) {
        Instant now = Instant.now();
        Specification<VoucherEntity> where = (root, q, cb) -> cb.conjunction();
        if (query.batchId() != null) where = where.and((root, q, cb) -> cb.equal(root.get("batchId"), query.batchId()));
        if (query.state() != null) where = where.and(switch (query.state()) {
            case "redeemed" -> (root, q, cb) -> cb.isNotNull(root.get("redeemedAt"));
            case "revoked" -> (root, q, cb) -> cb.and(cb.isNull(root.get("redeemedAt")), cb.isNotNull(root.get("revokedAt")));
            case "active" -> (root, q, cb) -> cb.and(cb.isNull(root.get("redeemedAt")), cb.isNull(root.get("revokedAt")),
                    cb.greaterThan(root.get("expiresAt"), now));
            case "expired" -> (root, q, cb) -> cb.and(cb.isNull(root.get("redeemedAt")), cb.isNull(root.get("revokedAt")),
                    cb.lessThanOrEqualTo(root.get("expiresAt"), now));
            default -> throw new IllegalArgumentException("state " + query.state());
        });
        Page<VoucherEntity> page = vouchers.findAll(where, new OffsetPage(query.offset(), query.limit(), NEWEST_FIRST));
        return new FindVouchers.Result(page.map(v -> new VoucherView(v.getVoucherId(), v.getBatchId(), v.state(now),
                v.getAmountCents(), v.getCurrency(), v.getExpiresAt(), v.getHint(), v.getRedeemedBy(), v.getRedeemedAt(),
                v.getCreatedAt(), v.getRevokedAt())).getContent(), page.getTotalElements(), query.limit(), query.offset());
    }
}
