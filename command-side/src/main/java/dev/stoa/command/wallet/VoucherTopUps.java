package dev.stoa.command.wallet;

import dev.stoa.api.wallet.TopUpWallet;
import dev.stoa.api.wallet.VoucherRedeemed;
import dev.stoa.command.platform.web.Commands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A redeemed voucher always reaches its wallet. The redeem request tops the wallet up itself; if the process dies
 * after the voucher was spent and before that, this handler (its own processing group, so its token and retries are
 * its own) sends the top-up when it meets the {@code VoucherRedeemed}. Top-ups are idempotent per voucher, so the
 * usual case, where the request got there first, and any replay change nothing.
 */
@Component
@ProcessingGroup(VoucherTopUps.NAME)
class VoucherTopUps {
    static final String NAME = "voucher-topup";
    private final Commands commands;

    VoucherTopUps(Commands commands) { this.commands = commands; }

    @EventHandler
    void on(VoucherRedeemed e) {
        commands.send(new TopUpWallet(e.userId(), e.voucherId(), e.amountCents(), e.currency()));
    }
}
