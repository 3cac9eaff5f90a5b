package dev.stoa.command.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.api.payment.PaymentStatus;
import dev.stoa.api.payment.RefundOrderPayment;
import dev.stoa.api.payment.RequestRefund;
import dev.stoa.api.platform.Access;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Ids;
import dev.stoa.api.platform.MayBeNull;
import dev.stoa.command.platform.RequestContext;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.platform.web.SecretResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * Card payments over HTTP: (re)starting the payment of a pending order, reading it with its client secret, the
 * sandbox's stand-in for Stripe.js, Stripe's webhook and admin refunds. GET is served here, not by the query side:
 * the client secret comes from the gateway, which only the command side talks to, and is stored nowhere.
 */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments")
class PaymentCommandController {
    private static final String NOT_BY_CARD = "the card payment's id (a UUID); the payment of an order not paid by card "
            + "(wallet-<orderId>, free-<orderId>) answers 409 invalid_transition saying why, or 404 when it is not yours";
    private final CardPayments payments;
    private final StripeWebhooks webhooks;
    private final PaymentGateway gateway;
    private final Commands commands;
    private final PaymentIds ids;

    PaymentCommandController(CardPayments payments, StripeWebhooks webhooks, PaymentGateway gateway, Commands commands,
                             PaymentIds ids) {
        this.ids = ids;
        this.payments = payments;
        this.webhooks = webhooks;
        this.gateway = gateway;
        this.commands = commands;
    }

    record StartPaymentRequest(@NotNull UUID orderId) {}

    /**
     * A payment as its owner sees it, with what was captured and refunded (as the payment list and a wallet order's
     * payment show them; this answer lacked them until 2026-12-06); {@code clientSecret} only for the owner while it
     * can be paid.
     */
    record PaymentBody(String paymentId, String orderId, String status, long amountCents, long capturedCents,
                       long refundedCents, String currency, @MayBeNull String clientSecret) {
        static PaymentBody of(CardPayments.Started s) {
            return new PaymentBody(s.paymentId().value(), s.orderId().value(), s.status(), s.amountCents(), s.capturedCents(),
                    s.refundedCents(), s.currency(), s.clientSecret());
        }

        @Override
        public String toString() { return "PaymentBody[" + paymentId + ", " + status + "]"; }
    }

    record SandboxConfirmRequest(@NotBlank @Pattern(regexp = "pm_card_visa|pm_card_chargeDeclined|pm_card_chargeDeclinedInsufficientFunds",
            message = "must be pm_card_visa, pm_card_chargeDeclined or pm_card_chargeDeclinedInsufficientFunds") String paymentMethod) {}

    record RefundRequest(@NotNull @Min(1) @Max(100_000_000_00L) Long amountCents, @NotBlank @Size(max = 500) String reason) {}

    record RefundAccepted(String paymentId, String refundId, long amountCents, String status) {}

    /** The sandbox's confirmation taken: the payment and the test card it was confirmed with (the outcome follows). */
    record SandboxConfirmation(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String paymentId,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String paymentMethod) {}

    /** A webhook event taken (applied now, or once before). */
    record WebhookReceived(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean received) {}

    /**
     * 201 with {@code Location} when this request started the payment; 200 when the order's payment was open already (the
     * checkout's, or an earlier request's), which it answers as it is: nothing was created (it was 201 too before
     * 2026-12-07; walkthrough Z34).
     */
    @PostMapping
    @SecretResponse
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "startPayment", summary = "The card payment of your pending order (started if the checkout did "
            + "not get to it) with the PaymentIntent's client secret for Stripe.js; one payment and one intent per order",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Started by this request (Location: the payment)",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentBody.class))),
                    @ApiResponse(responseCode = "200", description = "The order's payment was open already: the same payment",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentBody.class)))})
    ResponseEntity<PaymentBody> start(@Valid @RequestBody StartPaymentRequest body, Actor actor) {
        CardPayments.StartedFor started = payments.startFor(new OrderId(body.orderId().toString()), actor);
        PaymentBody answer = PaymentBody.of(started.payment());
        return started.created()
                ? ResponseEntity.created(URI.create("/api/v1/payments/" + started.payment().paymentId().value())).body(answer)
                : ResponseEntity.ok(answer);
    }

    @GetMapping("/{paymentId}")
    @SecretResponse
    @Operation(operationId = "getPayment", summary = "A card payment: status and amounts, and for its owner, while unpaid, "
            + "the client secret (fetched from the gateway, stored nowhere)")
    PaymentBody get(@Parameter(description = "the payment's id") @PathVariable UUID paymentId, Actor actor) {
        return PaymentBody.of(payments.find(new PaymentId(paymentId.toString()), actor));
    }

    @PostMapping("/{paymentId}/sandbox/confirm")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "confirmSandboxPayment", summary = "Sandbox mode only: confirm your payment with one of Stripe's "
            + "test cards, as Stripe.js would; the outcome arrives as Stripe's webhook would (order confirmed, or cancelled)")
    SandboxConfirmation confirmInSandbox(@Parameter(description = NOT_BY_CARD) @PathVariable String paymentId,
                                         @Valid @RequestBody SandboxConfirmRequest body, Actor actor) {
        if (!(gateway instanceof SandboxGateway sandbox)) throw DomainException.notFound("sandbox");
        PaymentRecord payment = payments.record(ids.toConfirm(paymentId, actor));
        Access.requireSelfOr(actor, payment.buyer().value(), "payment " + paymentId);
        if (!PaymentStatus.PENDING.equals(payment.status()))
            throw DomainException.invalidTransition("payment " + paymentId + " is " + payment.shownStatus());
        SandboxGateway.Webhook webhook = sandbox.confirmation(payment.intentId(), payment.paymentId(), payment.orderId(),
                payment.amountCents(), payment.currency(), body.paymentMethod());
        webhooks.receive(webhook.payload(), webhook.signature());
        return new SandboxConfirmation(payment.paymentId().value(), body.paymentMethod());
    }

    @PostMapping(path = "/webhook", consumes = "application/json")
    @Operation(operationId = "receiveStripeWebhook", summary = "Stripe's webhook endpoint: events verified by their "
            + "Stripe-Signature and applied once each, however often and in whatever order they arrive")
    WebhookReceived webhook(@RequestBody String payload,
                                 @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        webhooks.receive(payload, signature);
        return new WebhookReceived(true);
    }

    @PostMapping("/{paymentId}/refund")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "refundPayment", summary = "Refund part or all of a captured payment (admin); the refunds, pending "
            + "ones included, add up to at most what was captured, and the order's approved refund requests whose refunds are "
            + "on their way count too (422 refund_exceeds_captured). The gateway is asked next; the payment shows the outcome")
    RefundAccepted refund(@Parameter(description = NOT_BY_CARD) @PathVariable String paymentId,
                          @Valid @RequestBody RefundRequest body, Actor actor) {
        Access.requireAdmin(actor);
        PaymentId id = ids.toRefund(paymentId);
        // the same admin, payment and Idempotency-Key name the same refund, even past the idempotency record (a retry after
        // an answer that never came): the payment refunds a known refund id once (and Stripe is asked with it as its key)
        String refundId = RequestContext.idempotencyKey()
                .map(key -> Ids.named("payment-refund", actor.userId(), id.value(), key))
                .orElseGet(() -> UUID.randomUUID().toString());
        // an order's payment is refunded through the order's refunds, which take its room one at a time with the approvals
        // of its refund requests (see RefundOrderPayment)
        OrderId orderId = payments.record(id).orderId();
        long amount = orderId == null
                ? commands.<Long>send(new RequestRefund(id, refundId, body.amountCents(), body.reason().trim(), actor.userId()))
                : commands.<Long>send(new RefundOrderPayment(orderId, id, refundId, body.amountCents(), body.reason().trim(),
                        actor.userId()));
        // the refund's status as the payment lists it from now on (it read "pending" here and "requested" there before
        // 2026-12-07 evening; walkthrough Z27)
        return new RefundAccepted(id.value(), refundId, amount, Payment.REQUESTED);
    }
}
