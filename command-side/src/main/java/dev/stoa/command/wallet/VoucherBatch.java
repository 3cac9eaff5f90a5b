package dev.stoa.command.wallet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Access;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Money;
import dev.stoa.api.wallet.*;
import java.util.HashSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A batch of vouchers an admin created at once. It creates its vouchers in its own unit of work (one transaction with
 * the JPA event store), so a batch whose codes were handed out exists whole, and one that failed left no voucher
 * behind whose code nobody knows.
 */
@Aggregate
@Revision("1")
public class VoucherBatch {
    static final int MAX_COUNT = 1000;
    static final long MAX_AMOUNT_CENTS = 100_000_000L;
    @AggregateIdentifier
    private VoucherBatchId batchId;

    protected VoucherBatch() {}

    @CommandHandler
    public VoucherBatch(CreateVoucherBatch cmd) {
        Access.requireAdmin(cmd.actor());
        if (cmd.amountCents() <= 0 || cmd.amountCents() > MAX_AMOUNT_CENTS)
            throw DomainException.badInput("amountCents must be 1.." + MAX_AMOUNT_CENTS);
        if (!Money.isCurrency(cmd.currency())) throw DomainException.badInput("currency must be " + Money.CURRENCY_RULE);
        if (cmd.expiresAt() == null || !cmd.expiresAt().isAfter(GenericEventMessage.clock.instant()))
            throw DomainException.badInput("expiresAt must be in the future");
        int count = cmd.vouchers().size();
        if (count < 1 || count > MAX_COUNT) throw DomainException.badInput("count must be 1.." + MAX_COUNT);
        if (new HashSet<>(cmd.vouchers().stream().map(IssuedVoucher::voucherId).toList()).size() != count)
            throw DomainException.badInput("the vouchers of a batch must be distinct");
        apply(new VoucherBatchCreated(cmd.batchId(), cmd.amountCents(), cmd.currency(), cmd.expiresAt(), count,
                new UserId(cmd.actor().userId())));
        for (IssuedVoucher voucher : cmd.vouchers()) {
            try {
                createNew(Voucher.class, () -> new Voucher(voucher, cmd.batchId(), cmd.amountCents(), cmd.currency(),
                        cmd.expiresAt()));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("voucher " + voucher.voucherId() + " could not be created", e);
            }
        }
    }

    @EventSourcingHandler
    void on(VoucherBatchCreated e) { batchId = e.batchId(); }
}
