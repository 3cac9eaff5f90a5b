package dev.stoa.query.payment;

import dev.stoa.api.ordering.OrderStatus;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.FindOrderPayment;
import dev.stoa.api.payment.FindPayments;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.api.payment.PaymentStatus;
import dev.stoa.api.platform.Access;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Roles;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Card payments from the read model: a customer's own, or (admin, support) everybody's; and the payment of an order not
 * paid by card, under the id its checkout answered ({@code wallet-<orderId>}, {@code free-<orderId>}). A card payment
 * by its id is the command side's (its client secret comes from the gateway).
 */
@RestController
@RequestMapping("/api/v1/payments")
@Validated
@Tag(name = "Payments")
class PaymentQueryController {
    private static final Set<String> STATUSES = Set.of(PaymentStatus.PENDING, PaymentStatus.CAPTURED, PaymentStatus.FAILED,
            PaymentStatus.CANCELED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED);
    private final Queries queries;

    PaymentQueryController(Queries queries) { this.queries = queries; }

    /**
     * A wallet or free order's payment, in a card payment's shape (no client secret: there is nothing to confirm).
     * {@code refundedCents}: what the wallet got back for the order, by refund requests and its cancellation.
     */
    record OrderPaymentBody(String paymentId, String orderId, String method, String status, long amountCents,
                            long refundedCents, String currency) {}

    @GetMapping("/wallet-{orderId}")
    @Operation(operationId = "getWalletPayment", summary = "The payment of an order paid from the wallet, by the id its "
            + "checkout answered (wallet-<orderId>): the debit's status (captured, partially_refunded, refunded; without "
            + "a debit pending, failed or canceled) and amounts; the buyer, admin and support; others 404")
    OrderPaymentBody wallet(@Parameter(description = "the order's id", schema = @Schema(type = "string", format = "uuid"))
                            @PathVariable("orderId") String orderIdText, Actor actor) {
        UUID orderId = orderOf(orderIdText);
        String paymentId = "wallet-" + orderId; // canonical: an id sent in capitals was answered as sent
        FindOrderPayment.Result order = owned(orderId, paymentId, actor);
        if (!PlaceOrder.WALLET.equals(order.paymentMethod()) || order.totalCents() == 0)
            throw DomainException.notFound("payment " + paymentId);
        return new OrderPaymentBody(paymentId, order.orderId(), PlaceOrder.WALLET, walletStatus(order), order.totalCents(),
                order.refundedCents(), order.currency());
    }

    @GetMapping("/free-{orderId}")
    @Operation(operationId = "getFreeOrderPayment", summary = "The payment of an order that cost nothing, by the id its "
            + "checkout answered (free-<orderId>): captured, 0 cents; the buyer, admin and support; others 404")
    OrderPaymentBody free(@Parameter(description = "the order's id", schema = @Schema(type = "string", format = "uuid"))
                          @PathVariable("orderId") String orderIdText, Actor actor) {
        UUID orderId = orderOf(orderIdText);
        String paymentId = "free-" + orderId; // canonical: an id sent in capitals was answered as sent
        FindOrderPayment.Result order = owned(orderId, paymentId, actor);
        if (order.totalCents() != 0) throw DomainException.notFound("payment " + paymentId);
        return new OrderPaymentBody(paymentId, order.orderId(), "free", PaymentStatus.CAPTURED, 0, 0, order.currency());
    }

    /**
     * The payment is the debit: taken, it is captured, and refunded by what came back to the wallet for the order (a
     * debit that landed after the order ended comes back whole); never taken, it waits for the pending order, or failed
     * (the wallet refused it) or was canceled with the order, as a card payment reads.
     */
    static String walletStatus(FindOrderPayment.Result order) {
        if (order.debitedCents() > 0)
            return order.refundedCents() >= order.debitedCents() ? PaymentStatus.REFUNDED
                    : order.refundedCents() > 0 ? PaymentStatus.PARTIALLY_REFUNDED : PaymentStatus.CAPTURED;
        if (OrderStatus.PENDING.value().equals(order.orderStatus())) return PaymentStatus.PENDING;
        return order.declined() ? PaymentStatus.FAILED : PaymentStatus.CANCELED;
    }

    /**
     * The order's id in a payment id the client sent; one that is none is the payment id's fault, and the problem names
     * {@code paymentId} (it named {@code orderId}, a part of the path the client never wrote as such).
     */
    private static UUID orderOf(String orderId) {
        if (!dev.stoa.api.platform.Ids.isUuid(orderId)) throw DomainException.badInput(PaymentId.MALFORMED);
        return UUID.fromString(orderId);
    }

    private FindOrderPayment.Result owned(UUID orderId, String paymentId, Actor actor) {
        FindOrderPayment.Result order = queries.ask(new FindOrderPayment(orderId.toString()), FindOrderPayment.Result.class);
        if (order == null) throw DomainException.notFound("payment " + paymentId);
        Access.requireSelfOr(actor, order.buyerId(), "payment " + paymentId, Roles.ADMIN, Roles.SUPPORT);
        return order;
    }

    @GetMapping
    @Operation(operationId = "listPayments", summary = "Card payments, newest first, with amounts captured and refunded and "
            + "each refund: your own, or everybody's for admin and support; filters status and orderId")
    FindPayments.Result list(Actor actor,
                             @RequestParam(required = false) String status,
                             @RequestParam(required = false) UUID orderId,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                             @RequestParam(defaultValue = "0") @Min(0) int offset) {
        if (status != null && !STATUSES.contains(status))
            throw DomainException.badInput("status must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        boolean staff = actor.isAdmin() || actor.has(Roles.SUPPORT);
        return queries.ask(new FindPayments(staff ? null : actor.userId(), status, orderId == null ? null : orderId.toString(),
                limit, offset), FindPayments.Result.class);
    }
}
