package dev.stoa.projection.wallet;

import dev.stoa.api.wallet.VoucherIssued;
import dev.stoa.api.wallet.VoucherRedeemed;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@code voucher_view}: every voucher with its batch, amount, expiry, hint and who redeemed it when. */
@Component
@ProcessingGroup(VoucherProjection.NAME)
public class VoucherProjection {
    public static final String NAME = "voucher-read-model";
    private final VoucherViewRepository vouchers;

    public VoucherProjection(VoucherViewRepository vouchers) { this.vouchers = vouchers; }

    @EventHandler
    void on(VoucherIssued e, @Timestamp Instant at) {
        vouchers.save(new VoucherEntity(e.voucherId().value(), e.batchId().value(), e.amountCents(), e.currency(),
                e.expiresAt(), e.hint(), at));
    }

    @EventHandler
    void on(VoucherRedeemed e, @Timestamp Instant at) {
        vouchers.getReferenceById(e.voucherId().value()).redeemed(e.userId().value(), at);
    }

    @EventHandler
    void on(dev.stoa.api.wallet.VoucherRevoked e, @Timestamp Instant at) {
        vouchers.getReferenceById(e.voucherId().value()).revoked(at);
    }

    @ResetHandler
    void reset() { vouchers.deleteAllInBatch(); }
}
