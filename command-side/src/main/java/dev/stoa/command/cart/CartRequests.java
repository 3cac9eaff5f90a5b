package dev.stoa.command.cart;

import dev.stoa.api.cart.CouponTerms;
import jakarta.validation.constraints.*;
import java.time.Instant;

/** Bodies of the cart and coupon endpoints. */
final class CartRequests {
    private CartRequests() {}

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** POST /api/v1/cart/items. */
    record AddItem(@NotNull @Pattern(regexp = "product|course", message = "must be product or course") String itemType,
                   @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String itemId,
                   @NotNull @Min(1) @Max(Cart.MAX_QUANTITY) Integer quantity) {}

    /** PATCH /api/v1/cart/items/{itemId}. */
    record ChangeQuantity(@NotNull @Min(1) @Max(Cart.MAX_QUANTITY) Integer quantity) {}

    /** POST /api/v1/cart/coupon. */
    record Code(@NotBlank @Size(max = 64) String code) {}

    /** POST /api/v1/admin/coupons. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "A coupon: exactly one of percentOff and amountOffCents; "
            + "validUntil in the future, and after validFrom when both are given; both limits at least 1 when given")
    record NewCoupon(
            @NotBlank @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9_-]{2,31}\\s*",
                    message = "3 to 32 letters, digits, '-' or '_'") String code,
            @Min(1) @Max(100) Integer percentOff,
            @Min(1) @Max(10_000_000_000L) Long amountOffCents,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
            @PositiveOrZero @Max(10_000_000_000L) Long minSubtotalCents,
            Instant validFrom,
            @jakarta.validation.constraints.Future(message = "must be in the future") Instant validUntil,
            @Min(1) Integer maxRedemptions,
            @Min(1) Integer maxRedemptionsPerUser) {

        @AssertTrue(message = "percentOff or amountOffCents: give exactly one of them")
        boolean isOneKindOfDiscount() { return (percentOff == null) != (amountOffCents == null); }

        @AssertTrue(message = "validUntil must be after validFrom")
        boolean isWindowOrdered() { return validFrom == null || validUntil == null || validUntil.isAfter(validFrom); }

        CouponTerms terms() {
            return new CouponTerms(code, percentOff, amountOffCents, currency, minSubtotalCents, validFrom, validUntil,
                    maxRedemptions, maxRedemptionsPerUser);
        }
    }
}
