package dev.stoa.command.cart;

import dev.stoa.api.cart.CartIds;
import dev.stoa.api.cart.CreateCoupon;
import dev.stoa.api.cart.DeactivateCoupon;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** Admins create and withdraw coupon codes (public marketing codes, not secrets). */
@RestController
@RequestMapping("/api/v1/admin/coupons")
@Tag(name = "Cart")
class CouponCommandController {
    private final Commands commands;

    CouponCommandController(Commands commands) { this.commands = commands; }

    /** The new coupon, by its code as stored (upper case). */
    record CreatedCoupon(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code) {}

    @PostMapping
    @Operation(operationId = "createCoupon", summary = "Create a coupon code: percent or fixed amount, window and limits (admin)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedCoupon> create(@Valid @RequestBody CartRequests.NewCoupon body) {
        String code = CartIds.normaliseCode(body.code());
        try {
            commands.send(new CreateCoupon(body.terms()));
        } catch (RuntimeException e) {
            // two creations of one code at once both pass the check, and the coupon's stream takes only the first: the
            // second is a duplicate, not a change to retry (it answered 409 concurrent_modification before 2026-12-06,
            // sixth session; found by a walkthrough)
            if (!Refusals.is(e, ErrorCode.CONCURRENT_MODIFICATION)) throw e;
            throw new DomainException(ErrorCode.DUPLICATE_COUPON, "a coupon with the code " + code + " exists (created by "
                    + "another request at the same moment)");
        }
        return ResponseEntity.created(URI.create("/api/v1/admin/coupons/" + code)).body(new CreatedCoupon(code));
    }

    @DeleteMapping("/{code}")
    @Operation(operationId = "deactivateCoupon", summary = "Withdraw a coupon: it no longer applies; its history stays (admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> deactivate(@PathVariable String code) {
        if (!CartIds.isValidCode(code)) throw dev.stoa.api.platform.DomainException.notFound("coupon " + code);
        commands.send(new DeactivateCoupon(code));
        return ResponseEntity.noContent().build();
    }
}
