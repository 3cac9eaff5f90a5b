package dev.stoa.command.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.platform.UniqueKeys;
import dev.stoa.command.platform.RequestContext;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.platform.web.RefusalsStayHere;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * Customer refund requests: the buyer asks ({@code items} by item type and id with quantities, none: the whole order),
 * admin or support approve or reject, retry a card refund that failed, and record returned units as they arrive.
 * Reading them is the query side's ({@code GET /api/v1/refunds}).
 */
@RestController
@RequestMapping("/api/v1/refunds")
@Tag(name = "Refunds")
class RefundCommandController {
    private static final Logger log = LoggerFactory.getLogger(RefundCommandController.class);
    private final Commands commands;
    private final UniqueKeys keys;
    private final RefundedGoods goods;
    private final RefundProcess refunds;

    RefundCommandController(Commands commands, UniqueKeys keys, RefundedGoods goods, RefundProcess refunds) {
        this.commands = commands;
        this.keys = keys;
        this.goods = goods;
        this.refunds = refunds;
    }

    record Item(@Pattern(regexp = "product|course", message = "must be product or course") String itemType,
                @NotNull UUID itemId, @NotNull @Min(1) @Max(10_000) Integer quantity) {}

    record RefundRequestBody(@NotNull UUID orderId, @NotBlank @Size(max = 1000) String reason,
                             @Size(min = 1, max = 100, message = "name at least one item, or leave items out for the whole order")
                             List<@Valid @NotNull Item> items) {}

    record DecisionBody(@NotBlank @Size(max = 1000) String reason) {}

    /**
     * A request's answer: {@code items} the units asked for, each named, all that is left of the order when the body
     * named none (before 2026-12-06 that was null here, where the request's own read listed them).
     */
    record Requested(String refundId, String orderId, String status, List<RefundItem> items) {}

    record Decided(String refundId, String orderId, String status, List<RefundLineAmount> lines, long itemsCents,
                   long discountCents, long taxCents, long shippingCents, long totalCents, String currency) {}

    /**
     * A rejection's answer: nothing is paid, so no amounts (before 2026-12-06 it was an approval's shape with no lines
     * and zeros). The reason is not echoed: it is the buyer's personal data, sealed in the event, and an answer may be
     * kept for an Idempotency-Key's retries.
     */
    record RejectedRefund(String refundId, String orderId, String status) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "requestRefund", summary = "Ask for a refund of your confirmed, shipped or delivered order, whole "
            + "or some units of its lines (`items`: itemType, itemId, quantity), within the refund window of its payment")
    ResponseEntity<Requested> request(@Valid @RequestBody RefundRequestBody body, Actor actor) {
        OrderId orderId = new OrderId(body.orderId().toString());
        // the same buyer, order and Idempotency-Key name the same request, so a retry whose first try's answer was lost
        // (the process died) finds it made and is answered it (it was 409 refund_request_open before 2026-12-06, eighth
        // session; found by a walkthrough)
        RefundRequestId id = RequestContext.idempotencyKey()
                .map(key -> new RefundRequestId(dev.stoa.api.platform.Ids.named("refund-request", actor.userId(), orderId.value(), key)))
                .orElseGet(RefundRequestId::random);
        List<RefundItem> items = body.items() == null ? null : body.items().stream()
                .map(i -> new RefundItem(i.itemType() == null ? "product" : i.itemType(), i.itemId().toString(), i.quantity())).toList();
        List<RefundItem> asked = commands.send(new RequestOrderRefund(id, orderId, body.reason(), items, actor));
        return ResponseEntity.created(URI.create("/api/v1/refunds/" + id.value()))
                .body(new Requested(id.value(), orderId.value(), OrderRefunds.REQUESTED, asked));
    }

    @PostMapping("/{refundId}/approve")
    @Operation(operationId = "approveRefund", summary = "Approve an open refund request (admin, support): its amount is computed "
            + "to the cent (lines less their discount share, plus their tax share, plus shipping when the whole order is refunded) "
            + "and paid back to the card or wallet the order was paid with (a wallet's before the answer); product units not shipped yet are taken out of "
            + "the order's shipment (back in stock at once), those shipped already get a return")
    Decided approve(@Parameter(description = "the refund request's id") @PathVariable UUID refundId, Actor actor) {
        RefundRequestId id = new RefundRequestId(refundId.toString());
        RefundApproved e = commands.send(new ApproveRefund(orderOf(id), id, actor, RequestContext.retryOfUnanswered()));
        try {
            goods.settle(e);
        } catch (RuntimeException failed) {
            // approved and paid back regardless: the refund process settles the goods from the approval's event
            log.warn("Refund request {}: its goods are settled by the refund process: {}", id, failed.toString());
        }
        revokeCoursesNow(e); // before the money moves (see RefundProcess.on(RefundApproved))
        payNow(e);
        return new Decided(id.value(), e.orderId().value(), statusNow(e), e.lines(), e.itemsCents(), e.discountCents(),
                e.taxCents(), e.shippingCents(), e.totalCents(), e.currency());
    }

    /**
     * What the request's read says after the payment in the answer: {@code refunded} once a wallet's is paid back (or
     * nothing was to pay), {@code approved} while a card's refund is on its way; it said {@code approved} of every one
     * before 2026-12-07, sixth session (walkthrough Z26: the next read said {@code refunded}). Unanswered, approved.
     */
    @RefusalsStayHere
    private String statusNow(RefundApproved e) {
        try {
            return commands.send(new ReadRefundRequestStatus(e.orderId(), e.refundId()));
        } catch (RuntimeException unanswered) {
            log.warn("Refund request {}: its status after the approval was not read: {}", e.refundId(), unanswered.toString());
            return OrderRefunds.APPROVED;
        }
    }

    /**
     * The refund is paid in the approval's answer: a wallet order's given back (before 2026-12-06, fourth session, only
     * after it, by {@code refund-process}: the buyer's next read of the wallet often did not show it), a card order's
     * asked of the payment (since the fifth session; see {@link RefundProcess#pay}). Should it fail, the process pays
     * it from the approval's event, as before; the approval stands either way.
     */
    @RefusalsStayHere
    private void payNow(RefundApproved e) {
        try {
            refunds.pay(e);
        } catch (RuntimeException failed) {
            log.warn("Refund request {}: its refund is paid by the refund process: {}", e.refundId(), failed.toString());
        }
    }

    /**
     * The refunded courses are taken back in the approval's answer, so the next read of the course's students shows
     * the student gone (before 2026-12-06, fifth session, only {@code course-entitlements} did, after the answer).
     * Should one fail here, that processor revokes it from the approval's event; the approval stands either way.
     */
    @RefusalsStayHere
    private void revokeCoursesNow(RefundApproved e) {
        RefundProcess.revokeCourses(commands, e);
    }

    @PostMapping("/{refundId}/reject")
    @Operation(operationId = "rejectRefund", summary = "Reject an open refund request, saying why (admin, support)")
    RejectedRefund reject(@PathVariable UUID refundId, @Valid @RequestBody DecisionBody body, Actor actor) {
        RefundRequestId id = new RefundRequestId(refundId.toString());
        OrderId orderId = orderOf(id);
        commands.send(new RejectRefund(orderId, id, body.reason(), actor, RequestContext.retryOfUnanswered()));
        return new RejectedRefund(id.value(), orderId.value(), OrderRefunds.REJECTED);
    }

    record ReturnedItem(@Pattern(regexp = "product", message = "must be product") String itemType, @NotNull UUID itemId,
                        @NotNull @Min(1) @Max(10_000) Integer quantity) {}

    record ReturnReceivedBody(@NotEmpty @Size(min = 1, max = 100) List<@Valid @NotNull ReturnedItem> items) {}

    record ReturnReceived(String refundId, String orderId, String receiptId, List<RefundItem> items, boolean complete) {}

    record Retried(String refundId, String orderId, String status, int attempt, long amountCents, String currency) {}

    @PostMapping("/{refundId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "retryRefund", summary = "Try a failed card refund of a refund request again (admin, support): a "
            + "new attempt under a new gateway idempotency key; the request is approved again until the card processor answers. "
            + "Only a failed request is retried (409 otherwise), so at most one attempt is under way")
    Retried retry(@Parameter(description = "the refund request's id") @PathVariable UUID refundId, Actor actor) {
        RefundRequestId id = new RefundRequestId(refundId.toString());
        RefundRetried e = commands.send(new RetryRefund(orderOf(id), id, actor));
        return new Retried(id.value(), e.orderId().value(), OrderRefunds.APPROVED, e.attempt(), e.amountCents(), e.currency());
    }

    @PostMapping("/{refundId}/return-received")
    @Operation(operationId = "receiveReturn", summary = "Record returned units of a refund request that arrived (admin, support): "
            + "`items` by product id and quantity, at most the units its return opened for less those received already; they go "
            + "back on hand in the product's stock. A return may arrive in several parcels; send an Idempotency-Key to retry safely")
    ReturnReceived returnReceived(@Parameter(description = "the refund request's id") @PathVariable UUID refundId,
                                  @Valid @RequestBody ReturnReceivedBody body, Actor actor) {
        RefundRequestId id = new RefundRequestId(refundId.toString());
        List<RefundItem> items = body.items().stream().map(i -> new RefundItem("product", i.itemId().toString(), i.quantity())).toList();
        // each call is a parcel; the same caller, request and Idempotency-Key name the same parcel, so a retry whose first
        // try's answer was lost records nothing twice (before 2026-12-06, eighth session, it recorded the parcel again)
        String receiptId = RequestContext.idempotencyKey()
                .map(key -> dev.stoa.api.platform.Ids.named("return-receipt", actor.userId(), id.value(), key))
                .orElseGet(() -> UUID.randomUUID().toString());
        ProductReturnReceived e = commands.send(new ReceiveReturn(orderOf(id), id, receiptId, items, actor));
        return new ReturnReceived(id.value(), e.orderId().value(), e.receiptId(), e.items(), e.complete());
    }

    private OrderId orderOf(RefundRequestId id) {
        return keys.ownerOf(OrderRefunds.KEY_KIND, id.value()).map(OrderId::new)
                .orElseThrow(() -> DomainException.notFound("refund request " + id));
    }
}
