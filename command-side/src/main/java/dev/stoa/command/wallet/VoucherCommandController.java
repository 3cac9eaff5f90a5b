package dev.stoa.command.wallet;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.wallet.CreateVoucherBatch;
import dev.stoa.api.wallet.IssuedVoucher;
import dev.stoa.api.wallet.RevokeVoucher;
import dev.stoa.api.wallet.VoucherBatchId;
import dev.stoa.api.wallet.VoucherId;
import dev.stoa.command.platform.SecretHasher;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.platform.web.SecretResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * Admins create voucher batches. The codes are made here, shown in this one response and then forgotten: the command
 * carries only their keyed hashes (the vouchers' ids) and hints, and the response is never stored (no-store, and no
 * copy in the idempotency store: {@link SecretResponse}).
 */
@RestController
@RequestMapping("/api/v1/admin/vouchers")
@Tag(name = "Wallet")
class VoucherCommandController {
    private final Commands commands;
    private final SecretHasher hasher;
    private final WalletSettings wallets;

    VoucherCommandController(Commands commands, SecretHasher hasher, WalletSettings wallets) {
        this.commands = commands;
        this.hasher = hasher;
        this.wallets = wallets;
    }

    record BatchRequest(@NotNull @Min(1) @Max(VoucherBatch.MAX_AMOUNT_CENTS) Long amountCents,
                        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
                        @NotNull @Min(1) @Max(VoucherBatch.MAX_COUNT) Integer count,
                        @NotNull Instant expiresAt) {}

    /** The batch and its codes, shown this once. */
    record Batch(String batchId, long amountCents, String currency, Instant expiresAt, int count, List<String> codes) {}

    @SecretResponse
    @PostMapping
    @Operation(operationId = "createVoucherBatch", summary = "Create a batch of voucher codes (admin); the codes are shown "
            + "in this response only")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Batch> create(@Valid @RequestBody BatchRequest body, Actor actor) {
        // every redemption of a voucher in another currency is refused (voucher_currency_mismatch): none is made; a
        // code that is no currency at all stays the bad input it is
        if (!dev.stoa.api.platform.Money.isCurrency(body.currency()))
            throw DomainException.badInput("currency must be " + dev.stoa.api.platform.Money.CURRENCY_RULE);
        if (!wallets.currency().equals(body.currency()))
            throw new DomainException(ErrorCode.VOUCHER_CURRENCY_MISMATCH, "wallets keep " + wallets.currency()
                    + " (stoa.wallet.currency); a voucher in " + body.currency() + " could never be redeemed");
        VoucherBatchId batchId = VoucherBatchId.random();
        List<String> codes = new ArrayList<>(body.count());
        List<IssuedVoucher> vouchers = new ArrayList<>(body.count());
        for (int i = 0; i < body.count(); i++) {
            String code = VoucherCodes.generate();
            String plain = VoucherCodes.normalize(code).orElseThrow();
            codes.add(code);
            vouchers.add(new IssuedVoucher(VoucherCodes.id(hasher, plain), VoucherCodes.hint(plain)));
        }
        commands.send(new CreateVoucherBatch(batchId, body.amountCents(), body.currency(), body.expiresAt(), vouchers, actor));
        return ResponseEntity.created(URI.create("/api/v1/admin/vouchers?batchId=" + batchId))
                .body(new Batch(batchId.value(), body.amountCents(), body.currency(), body.expiresAt(), codes.size(), codes));
    }

    @DeleteMapping("/{voucherId}")
    @Operation(operationId = "revokeVoucher", summary = "Withdraw a voucher nobody redeemed (admin), by its id as the voucher "
            + "list shows it: it redeems no more (422 voucher_revoked) and lists as revoked; a redeemed one is 409; again, "
            + "nothing more")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@PathVariable @Pattern(regexp = "voucher-[0-9a-f]{64}", message = "must be a voucher id as the "
            + "voucher list shows it") String voucherId, Actor actor) {
        commands.send(new RevokeVoucher(new VoucherId(voucherId), actor));
        return ResponseEntity.noContent().build();
    }
}
