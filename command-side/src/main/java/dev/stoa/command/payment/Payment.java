package dev.stoa.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.PersonalData;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A card payment of one order: pending → captured | failed | canceled; a captured payment is refunded in parts
 * (partially_refunded) or whole (refunded). The gateway's word arrives as commands named after its events: each
 * gateway event is applied at most once (its id is remembered), and each transition is idempotent besides, so a
 * webhook delivered twice, late or out of order changes nothing more. Every cent is accounted for: refunds, the
 * pending ones included, never add up to more than was captured. A refund's reason is personal data (staff's words about
 * the buyer): sealed with the buyer's key in the events, unreadable once the buyer is erased.
 */
@Aggregate(cache = "aggregateCache")
public class Payment {
    private static final Logger log = LoggerFactory.getLogger(Payment.class);
    static final String REQUESTED = "requested";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    @AggregateIdentifier
    private PaymentId paymentId;
    private OrderId orderId;
    private UserId buyer;
    private long amountCents;
    private String currency;
    private String intentId;
    private String status;
    private long capturedCents;
    private long refundedCents;
    private Set<String> gatewayEvents = new HashSet<>();
    private Map<String, Long> refundAmounts = new HashMap<>();
    private Map<String, String> refundStates = new HashMap<>();
    private Map<String, String> refundReasons = new HashMap<>();

    protected Payment() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartPayment cmd) {
        if (paymentId != null) {
            if (!orderId.equals(cmd.orderId()) || !intentId.equals(cmd.intentId()))
                throw DomainException.invalidTransition("payment " + cmd.paymentId() + " belongs to another order or intent");
            return;
        }
        if (cmd.amountCents() <= 0) throw DomainException.badInput("amountCents must be positive");
        if (cmd.currency() == null || !cmd.currency().matches("[A-Z]{3}")) throw DomainException.badInput("currency must be an ISO code");
        if (cmd.intentId() == null || cmd.intentId().isBlank()) throw DomainException.badInput("intentId is required");
        apply(new PaymentStarted(cmd.paymentId(), cmd.orderId(), cmd.buyer(), cmd.amountCents(), cmd.currency(), cmd.gateway(),
                cmd.intentId()));
    }

    @CommandHandler
    void handle(CapturePayment cmd, GatewayEvents seen) {
        if (applied(cmd.gatewayEventId()) || capturedCents > 0) return;
        if (foreign(cmd.intentId(), "a success")) return; // Stoa never made that intent: it pays nothing of this order
        if (cmd.amountCents() <= 0) throw DomainException.badInput("amountCents must be positive");
        if (cmd.currency() == null || !cmd.currency().matches("[A-Za-z]{3}")) throw DomainException.badInput("currency must be an ISO code");
        // recorded as Stripe took it: in another currency than the order's (the intent changed at Stripe), it pays
        // nothing, and PaymentProcess refunds it as it does another amount (refused here, the money stayed taken: the
        // webhook answered 400 to every retry)
        seen.record(cmd.gatewayEventId(), paymentId);
        apply(new PaymentCaptured(paymentId, orderId, buyer, cmd.amountCents(), cmd.currency().toUpperCase(Locale.ROOT),
                intentId, cmd.gatewayEventId()));
    }

    @CommandHandler
    void handle(FailPayment cmd, GatewayEvents seen) {
        if (applied(cmd.gatewayEventId()) || !PaymentStatus.PENDING.equals(status) || foreign(cmd.intentId(), "a failure")) return;
        seen.record(cmd.gatewayEventId(), paymentId);
        apply(new PaymentFailed(paymentId, orderId, buyer, amountCents, currency, clip(cmd.failureCode(), 100),
                clip(cmd.failureMessage(), 500), cmd.gatewayEventId()));
    }

    @CommandHandler
    void handle(CancelPayment cmd, GatewayEvents seen) {
        if (applied(cmd.gatewayEventId()) || foreign(cmd.intentId(), "a cancellation")) return;
        if (!PaymentStatus.PENDING.equals(status) && !PaymentStatus.FAILED.equals(status)) return;
        seen.record(cmd.gatewayEventId(), paymentId);
        apply(new PaymentCanceled(paymentId, orderId, buyer, clip(cmd.reason(), 100), cmd.gatewayEventId()));
    }

    @CommandHandler
    long handle(RequestRefund cmd, PersonalData personal) {
        if (cmd.refundId() == null || cmd.refundId().isBlank() || cmd.refundId().length() > 200)
            throw DomainException.badInput("refundId is required (at most 200 characters)");
        if (refundAmounts.containsKey(cmd.refundId())) return refundAmounts.get(cmd.refundId());
        if (capturedCents == 0)
            throw DomainException.invalidTransition("payment " + paymentId + " is " + status + ": nothing was captured to refund");
        long open = refundable();
        long amount = cmd.amountCents() == null ? open : cmd.amountCents();
        if (cmd.amountCents() == null && amount == 0) return 0;
        if (amount <= 0) throw DomainException.badInput("amountCents must be positive");
        if (amount > open)
            throw new DomainException(ErrorCode.REFUND_EXCEEDS_CAPTURED, "payment " + paymentId + ": " + capturedCents
                    + " cents captured, " + (capturedCents - open) + " refunded or being refunded; " + amount + " more is too much");
        String reason = clip(cmd.reason(), 500);
        String sealed = personal.isErased(buyer.value()) ? PersonalData.ERASED : personal.seal(buyer.value(), reason);
        apply(new PaymentRefundRequested(paymentId, orderId, cmd.refundId(), amount, currency, sealed, cmd.requestedBy()));
        return amount;
    }

    @CommandHandler
    void handle(RecordRefund cmd, GatewayEvents seen) {
        if (applied(cmd.gatewayEventId()) || foreign(cmd.intentId(), "a refund")) return;
        String state = refundStates.get(cmd.refundId());
        if (SUCCEEDED.equals(state) && ("failed".equals(cmd.status()) || "canceled".equals(cmd.status()))) {
            // succeeded, then failed after all (the card's bank refused it later): the money never went back
            if (cmd.gatewayEventId() != null) seen.record(cmd.gatewayEventId(), paymentId);
            long amount = refundAmounts.get(cmd.refundId());
            long total = refundedCents - amount;
            apply(new PaymentRefundReversed(paymentId, orderId, buyer, cmd.refundId(), amount, currency, total, capturedCents,
                    total > 0 ? PaymentStatus.PARTIALLY_REFUNDED : PaymentStatus.CAPTURED, clip(why(cmd), 500)));
            return;
        }
        if (SUCCEEDED.equals(state) || FAILED.equals(state)) return; // decided already (a failure is final)
        boolean ours = REQUESTED.equals(state);
        long amount = ours ? refundAmounts.get(cmd.refundId()) : cmd.amountCents();
        switch (cmd.status() == null ? "" : cmd.status()) {
            case SUCCEEDED -> {
                if (!ours && amount > refundable())
                    throw new DomainException(ErrorCode.REFUND_EXCEEDS_CAPTURED, "payment " + paymentId + ": the gateway's refund "
                            + cmd.refundId() + " of " + amount + " cents exceeds what is left to refund");
                if (amount <= 0) throw DomainException.badInput("amountCents must be positive");
                if (cmd.gatewayEventId() != null) seen.record(cmd.gatewayEventId(), paymentId);
                long total = refundedCents + amount;
                apply(new PaymentRefunded(paymentId, orderId, buyer, cmd.refundId(), cmd.gatewayRefundId(), amount, currency,
                        total, capturedCents, total >= capturedCents ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED,
                        ours ? refundReasons.get(cmd.refundId()) : "refunded at the card processor"));
            }
            case "failed", "canceled" -> {
                // ours: the amount set aside is free again. Not ours (made in Stripe's dashboard, never counted): nothing
                // to give back, but its failure is remembered, since a failure is final and a success Stripe reported
                // before it may still arrive after it (a retried delivery) and must not be counted then
                if (cmd.gatewayEventId() != null) seen.record(cmd.gatewayEventId(), paymentId);
                apply(new PaymentRefundFailed(paymentId, orderId, cmd.refundId(), amount, clip(why(cmd), 500)));
            }
            default -> { } // pending, requires_action: wait for the gateway's next word
        }
    }

    private static String why(RecordRefund cmd) {
        return "the gateway reports it " + cmd.status()
                + (cmd.failureReason() == null || cmd.failureReason().isBlank() ? "" : ": " + cmd.failureReason());
    }

    /** What may still be refunded: captured, less refunds that succeeded or are under way. */
    private long refundable() {
        long underWay = refundStates.entrySet().stream().filter(e -> REQUESTED.equals(e.getValue()))
                .mapToLong(e -> refundAmounts.get(e.getKey())).sum();
        return capturedCents - refundedCents - underWay;
    }

    /**
     * News of another intent than this payment's own, whose metadata names this payment (another integration on the
     * same account): like a success of it, it changes nothing here. Null: the sender did not say (not a webhook).
     */
    private boolean foreign(String newsIntentId, String what) {
        if (newsIntentId == null || newsIntentId.equals(intentId)) return false;
        log.warn("Payment {}: {} of intent {}, not of its own {}; ignored", paymentId, what, newsIntentId, intentId);
        return true;
    }

    private boolean applied(String gatewayEventId) { return gatewayEventId != null && gatewayEvents.contains(gatewayEventId); }

    private static String clip(String text, int max) {
        if (text == null) return null;
        return text.length() <= max ? text : text.substring(0, max);
    }

    private void seen(String gatewayEventId) { if (gatewayEventId != null) gatewayEvents.add(gatewayEventId); }

    @EventSourcingHandler
    void on(PaymentStarted e) {
        paymentId = e.paymentId();
        orderId = e.orderId();
        buyer = e.buyer();
        amountCents = e.amountCents();
        currency = e.currency();
        intentId = e.intentId();
        status = PaymentStatus.PENDING;
    }

    @EventSourcingHandler
    void on(PaymentCaptured e) {
        seen(e.gatewayEventId());
        capturedCents = e.amountCents();
        currency = e.currency(); // what its refunds are in
        status = PaymentStatus.CAPTURED;
    }

    @EventSourcingHandler
    void on(PaymentFailed e) {
        seen(e.gatewayEventId());
        status = PaymentStatus.FAILED;
    }

    @EventSourcingHandler
    void on(PaymentCanceled e) {
        seen(e.gatewayEventId());
        status = PaymentStatus.CANCELED;
    }

    @EventSourcingHandler
    void on(PaymentRefundRequested e) {
        refundAmounts.put(e.refundId(), e.amountCents());
        refundStates.put(e.refundId(), REQUESTED);
        refundReasons.put(e.refundId(), e.reason());
    }

    @EventSourcingHandler
    void on(PaymentRefunded e) {
        refundAmounts.put(e.refundId(), e.amountCents());
        refundStates.put(e.refundId(), SUCCEEDED);
        refundedCents = e.refundedCents();
        status = e.status();
    }

    @EventSourcingHandler
    void on(PaymentRefundFailed e) { refundStates.put(e.refundId(), FAILED); }

    @EventSourcingHandler
    void on(PaymentRefundReversed e) {
        refundStates.put(e.refundId(), FAILED);
        refundedCents = e.refundedCents();
        status = e.status();
    }
}
