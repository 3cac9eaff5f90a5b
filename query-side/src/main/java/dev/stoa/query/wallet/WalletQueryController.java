package dev.stoa.query.wallet;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.wallet.FindWallet;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** The caller's own wallet; there is no path to anybody else's. */
@RestController
@RequestMapping("/api/v1/wallet")
@Validated
@Tag(name = "Wallet")
class WalletQueryController {
    private final Queries queries;

    WalletQueryController(Queries queries) { this.queries = queries; }

    @GetMapping
    @Operation(operationId = "getMyWallet", summary = "Your wallet: balance and ledger (top-ups, debits, refunds), newest first")
    FindWallet.Result mine(Actor actor,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                           @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return queries.ask(new FindWallet(actor.userId(), limit, offset), FindWallet.Result.class);
    }
}
