package dev.stoa.query.wallet;

import dev.stoa.api.wallet.FindVouchers;
import dev.stoa.api.wallet.VoucherBatchId;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** Vouchers for admins: state, amount, expiry, hint, batch, who redeemed them when. Never a code. */
@RestController
@RequestMapping("/api/v1/admin/vouchers")
@Validated
@Tag(name = "Wallet")
class VoucherQueryController {
    private final Queries queries;

    VoucherQueryController(Queries queries) { this.queries = queries; }

    @GetMapping
    @Operation(operationId = "listVouchers", summary = "List vouchers (admin), newest first; filter by batchId and state")
    FindVouchers.Result list(@RequestParam(required = false) VoucherBatchId batchId,
                             @RequestParam(required = false) @Pattern(regexp = "active|redeemed|revoked|expired",
                                     message = "must be active, redeemed, revoked or expired") String state,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                             @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return queries.ask(new FindVouchers(batchId == null ? null : batchId.value(), state, limit, offset),
                FindVouchers.Result.class);
    }
}
