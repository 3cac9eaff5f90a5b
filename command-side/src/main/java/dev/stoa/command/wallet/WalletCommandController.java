package dev.stoa.command.wallet;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.wallet.CheckWalletCurrency;
import dev.stoa.api.wallet.RedeemVoucher;
import dev.stoa.api.wallet.TopUpWallet;
import dev.stoa.api.wallet.VoucherRedeemed;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.SecretHasher;
import dev.stoa.command.platform.RequestContext;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.platform.web.GuessingLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.*;

/**
 * Redeeming a voucher: the code is hashed with the platform's key at once and only its hash (the voucher's id) goes
 * further. The voucher is spent first, then the wallet topped up; should this process die in between,
 * {@link VoucherTopUps} completes the top-up from the {@code VoucherRedeemed} event.
 */
@RestController
@RequestMapping("/api/v1/wallet")
@Tag(name = "Wallet")
class WalletCommandController {
    private final Commands commands;
    private final SecretHasher hasher;
    private final WalletSettings settings;

    WalletCommandController(Commands commands, SecretHasher hasher, WalletSettings settings) {
        this.commands = commands;
        this.hasher = hasher;
        this.settings = settings;
    }

    record RedeemRequest(@NotBlank @Size(max = 64) String code) {
        @Override
        public String toString() { return "RedeemRequest[***]"; }
    }

    record Balance(long balanceCents, String currency) {}

    @GuessingLimited
    @PostMapping("/redeem")
    @Operation(operationId = "redeemVoucher", summary = "Redeem a voucher code into your wallet; answers the new balance")
    Balance redeem(@Valid @RequestBody RedeemRequest body, Actor actor, jakarta.servlet.http.HttpServletRequest request) {
        String plain = VoucherCodes.normalize(body.code())
                .orElseThrow(() -> new DomainException(ErrorCode.VOUCHER_NOT_FOUND, "no voucher has this code"));
        UserId me = new UserId(actor.userId());
        // a voucher is in stoa.wallet.currency (the voucher checks); a wallet keeps the currency of its first top-up. Had
        // the setting changed since, the voucher would be spent and the wallet would refuse it: refused before, instead
        try {
            commands.send(new CheckWalletCurrency(me, settings.currency()));
        } catch (RuntimeException e) {
            if (!Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) throw e; // no wallet yet: its first top-up opens it
        }
        VoucherRedeemed redeemed;
        try {
            redeemed = commands.send(new RedeemVoucher(VoucherCodes.id(hasher, plain), me,
                    RequestContext.retryOfUnanswered()));
        } catch (RuntimeException e) {
            if (Refusals.is(e, ErrorCode.VOUCHER_REDEEMED) && Refusals.message(e).filter(Voucher.REDEEMED_BY_YOU::equals)
                    .isPresent()) request.setAttribute(GuessingLimited.NOT_A_GUESS, Boolean.TRUE);
            throw e;
        }
        long balance = commands.<Long>send(new TopUpWallet(me, redeemed.voucherId(), redeemed.amountCents(),
                redeemed.currency()));
        return new Balance(balance, redeemed.currency());
    }
}
