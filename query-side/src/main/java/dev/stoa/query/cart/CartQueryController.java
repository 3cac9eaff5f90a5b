package dev.stoa.query.cart;

import dev.stoa.api.cart.CartIds;
import dev.stoa.api.cart.CartView;
import dev.stoa.api.cart.FindCoupon;
import dev.stoa.api.cart.FindCart;
import dev.stoa.api.cart.FindCoupons;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Ids;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Cart")
class CartQueryController {
    private final Queries queries;

    CartQueryController(Queries queries) { this.queries = queries; }

    @GetMapping("/cart")
    @Operation(operationId = "getCart", summary = "The caller's cart priced now: subtotal, discount, tax, shipping, total "
            + "(for shippingAddressId, else the default address, else the configured origin)")
    CartView cart(@RequestParam(required = false) @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a UUID")
                  String shippingAddressId, Actor actor) {
        String address = shippingAddressId == null ? null : shippingAddressId.toLowerCase();
        CartView view = queries.ask(new FindCart(new UserId(actor.userId()), address), CartView.class);
        if (view == null) throw DomainException.notFound("address " + shippingAddressId);
        return view;
    }

    @GetMapping("/admin/coupons")
    @Operation(operationId = "listCoupons", summary = "Every coupon, newest first, with its redemption count (admin)")
    FindCoupons.Result coupons(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                               @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return queries.ask(new FindCoupons(limit, offset), FindCoupons.Result.class);
    }

    /** Where POST /admin/coupons points ({@code Location}); it was 405 before 2026-12-06, there being no such GET. */
    @GetMapping("/admin/coupons/{code}")
    @Operation(operationId = "getCoupon", summary = "One coupon by its code (any case), with its redemption count (admin)")
    FindCoupons.CouponView coupon(@PathVariable String code) {
        if (!CartIds.isValidCode(code)) throw DomainException.notFound("coupon " + code);
        FindCoupons.CouponView coupon = queries.ask(new FindCoupon(CartIds.normaliseCode(code)), FindCoupons.CouponView.class);
        if (coupon == null) throw DomainException.notFound("coupon " + code);
        return coupon;
    }
}
