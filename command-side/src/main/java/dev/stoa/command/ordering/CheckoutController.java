package dev.stoa.command.ordering;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.MayBeNull;
import dev.stoa.command.platform.RequestContext;
import dev.stoa.command.platform.web.SecretResponse;
import dev.stoa.command.platform.web.SecretResponseMarker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** Checkout: the caller's cart becomes an order (POST /api/v1/orders). */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
class CheckoutController {
    private final Checkout checkout;

    CheckoutController(Checkout checkout) { this.checkout = checkout; }

    /** Body of POST /api/v1/orders. */
    record CheckoutRequest(UUID shippingAddressId,
                           @NotNull @Pattern(regexp = "card|wallet", message = "must be card or wallet") String paymentMethod,
                           @Size(max = 1000) @dev.stoa.command.platform.web.VisibleWhenGiven String notes) {}

    /**
     * The payment of a new order: for the wallet, the debit (already captured); for a card, the pending payment with
     * the client secret Stripe.js confirms it with (shown in this response only); for an order that cost nothing,
     * method {@code free} (paymentId {@code free-<orderId>}, captured; before 2026-12-06 the method asked for).
     */
    record PaymentSummary(String method, String paymentId, String status, @MayBeNull String clientSecret) {
        @Override
        public String toString() { return "PaymentSummary[" + method + ", " + paymentId + ", " + status + "]"; }
    }

    /** Answer of POST /api/v1/orders. */
    record PlacedOrder(String orderId, String orderNumber, String status, long subtotalCents, long discountCents,
                       long taxCents, long shippingCents, long totalCents, String currency, PaymentSummary payment) {}

    @PostMapping
    @Operation(operationId = "placeOrder", summary = "Check out the cart: stock reserved for every line, the order placed "
            + "with its prices, tax and shipping snapshotted, and (paymentMethod wallet) paid from the wallet and confirmed, or "
            + "(card) left pending with a card payment whose client secret is in this response only. The cart is taken whole "
            + "for the order: a cart changed while the order is placed answers 409 concurrent_modification, one another "
            + "checkout took first 422 cart_empty, and lines added after it was taken stay in the cart; a refused checkout "
            + "puts the cart back. Send an Idempotency-Key: "
            + "a retry answers the same order (for a card order 409 idempotency_response_withheld: read the payment). A retry "
            + "after a 5xx or no answer finds the order its first attempt placed and finishes it (debits the wallet once, "
            + "confirms it) instead of answering 422 cart_empty for the cart that order took; if the first attempt stopped "
            + "before placing its order, the retry puts back what it took and places the order.")
    @ResponseStatus(HttpStatus.CREATED)
    @SecretResponse(always = false) // a card order's client secret: SecretResponseMarker below
    ResponseEntity<PlacedOrder> place(@Valid @RequestBody CheckoutRequest body, Actor actor, HttpServletRequest request,
                                      HttpServletResponse response) {
        Checkout.Placed placed = checkout.place(new UserId(actor.userId()),
                body.shippingAddressId() == null ? null : body.shippingAddressId().toString(), body.paymentMethod(), body.notes(),
                RequestContext.idempotencyKey().orElse(null));
        var a = placed.amounts();
        if (placed.clientSecret() != null) SecretResponseMarker.mark(request, response);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + placed.orderId().value()))
                .body(new PlacedOrder(placed.orderId().value(), placed.orderNumber(), placed.status(), a.subtotalCents(),
                        a.discountCents(), a.taxCents(), a.shippingCents(), a.totalCents(), a.currency(),
                        new PaymentSummary(placed.paymentMethod(), placed.paymentReference(),
                                placed.clientSecret() != null ? "pending" : "captured", placed.clientSecret())));
    }
}
