package dev.stoa.command.payment;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import dev.stoa.api.payment.CancelPayment;
import dev.stoa.api.payment.CapturePayment;
import dev.stoa.api.payment.FailPayment;
import dev.stoa.api.payment.PaymentId;
import dev.stoa.api.payment.RecordRefund;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies the gateway's webhook events to payments, after checking their {@code Stripe-Signature} with the endpoint
 * secret (stripe-java's {@link Webhook#constructEvent}: HMAC-SHA256 over the timestamp and the body, timestamps older
 * than {@code stoa.payments.stripe.webhook-tolerance} refused). Each event becomes one command on its payment, named
 * after the Stripe event id, so a delivery repeated, late, out of order or concurrent changes a payment at most once.
 * The sandbox's confirmations come this same way. Events of other types, or for payments Stoa does not know, are
 * acknowledged and ignored (Stripe would otherwise retry them for days).
 */
@Component
public class StripeWebhooks {
    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
    private final Commands commands;
    private final GatewayEvents seen;
    private final PaymentGateway gateway;
    private final long toleranceSeconds;

    StripeWebhooks(Commands commands, GatewayEvents seen, PaymentGateway gateway, PaymentSettings settings) {
        this.commands = commands;
        this.seen = seen;
        this.gateway = gateway;
        this.toleranceSeconds = Math.max(1, settings.webhookTolerance().toSeconds());
    }

    /** Verifies and applies one delivery; a bad signature is 400 {@code invalid_signature} and changes nothing. */
    public void receive(String payload, String signature) {
        if (payload == null || signature == null || signature.isBlank())
            throw new DomainException(ErrorCode.INVALID_SIGNATURE, "the Stripe-Signature header is missing");
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, gateway.webhookSecret(), toleranceSeconds);
        } catch (SignatureVerificationException e) {
            throw new DomainException(ErrorCode.INVALID_SIGNATURE, "the Stripe-Signature does not verify: " + e.getMessage());
        } catch (RuntimeException e) { // signed, but not an event stripe-java can read (Gson's JsonParseException)
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "the event is not JSON");
        }
        if (event.getId() == null || event.getType() == null)
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "the event has no id or type");
        if (seen.seen(event.getId())) return; // applied before: a redelivery
        try {
            dispatch(event);
        } catch (ClassCastException e) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "event " + event.getId() + " carries an unexpected object");
        }
    }

    private void dispatch(Event event) {
        switch (event.getType()) {
            case "payment_intent.succeeded" -> intent(event).ifPaymentOf(pi -> new CapturePayment(pi.payment(), event.getId(),
                    pi.intent().getId(), pi.intent().getAmountReceived() != null && pi.intent().getAmountReceived() > 0
                            ? pi.intent().getAmountReceived() : pi.intent().getAmount(),
                    pi.intent().getCurrency().toUpperCase(Locale.ROOT)));
            case "payment_intent.payment_failed" -> intent(event).ifPaymentOf(pi -> {
                StripeError error = pi.intent().getLastPaymentError();
                String code = error == null ? null : error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
                return new FailPayment(pi.payment(), event.getId(), code, error == null ? null : error.getMessage(),
                        pi.intent().getId());
            });
            case "payment_intent.canceled" -> intent(event).ifPaymentOf(pi -> new CancelPayment(pi.payment(), event.getId(),
                    pi.intent().getCancellationReason(), pi.intent().getId()));
            case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" ->
                    refund((Refund) object(event), event.getId());
            case "charge.refunded" -> {
                // Since API version 2022-11-15 a Charge no longer embeds its refunds, and since 2024-10-28 Stripe sends
                // refund.created / refund.updated / refund.failed for every refund: those carry each refund's status and
                // metadata, so a charge.refunded without the list is acknowledged and the refund events decide.
                Charge charge = (Charge) object(event);
                if (charge.getRefunds() != null && charge.getRefunds().getData() != null)
                    for (Refund refund : charge.getRefunds().getData()) refund(refund, event.getId() + "/" + refund.getId());
                else log.debug("Stripe event {}: charge.refunded without its refunds; the refund.* events count them", event.getId());
            }
            default -> log.debug("Stripe event {} of type {} ignored", event.getId(), event.getType());
        }
    }

    private record IntentEvent(PaymentIntent intent, PaymentId payment) {}

    private IntentOf intent(Event event) {
        PaymentIntent intent = (PaymentIntent) object(event);
        String paymentId = intent.getMetadata() == null ? null : intent.getMetadata().get("paymentId");
        return new IntentOf(intent, paymentId, event.getId());
    }

    /** A PaymentIntent event and the payment its metadata names. */
    private final class IntentOf {
        private final PaymentIntent intent;
        private final String paymentId;
        private final String eventId;

        IntentOf(PaymentIntent intent, String paymentId, String eventId) {
            this.intent = intent;
            this.paymentId = paymentId;
            this.eventId = eventId;
        }

        void ifPaymentOf(java.util.function.Function<IntentEvent, Object> command) {
            PaymentId payment = paymentId(paymentId);
            if (payment == null) {
                log.info("Stripe event {}: PaymentIntent {} names no Stoa payment; ignored", eventId, intent.getId());
                return;
            }
            apply(command.apply(new IntentEvent(intent, payment)), eventId);
        }
    }

    /** A refund's news: ours carry their refund id in the metadata; others (made in Stripe's dashboard) are named by Stripe's id. */
    private void refund(Refund refund, String eventId) {
        Map<String, String> metadata = refund.getMetadata() == null ? Map.of() : refund.getMetadata();
        PaymentId payment = paymentId(metadata.get("paymentId"));
        if (payment == null && refund.getPaymentIntent() != null) { // a refund made in Stripe's dashboard: whose intent?
            try {
                payment = paymentId(gateway.retrieveIntent(refund.getPaymentIntent()).paymentId());
            } catch (PaymentGateway.Refused unknown) {
                payment = null; // not an intent of this account's: nothing of ours
            } catch (PaymentGateway.Unavailable e) {
                throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "Stripe cannot be asked about this refund now; "
                        + "Stripe will deliver the event again", 30L);
            }
        }
        if (payment == null) {
            log.info("Stripe event {}: refund {} belongs to no Stoa payment; ignored", eventId, refund.getId());
            return;
        }
        String refundId = metadata.getOrDefault("refundId", "stripe-" + refund.getId());
        apply(new RecordRefund(payment, refundId, refund.getId(), refund.getAmount() == null ? 0 : refund.getAmount(),
                refund.getStatus(), eventId, refund.getFailureReason(), refund.getPaymentIntent()), eventId);
    }

    private void apply(Object command, String eventId) {
        try {
            commands.send(command);
        } catch (RuntimeException e) {
            if (!Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) throw e;
            log.info("Stripe event {}: no such payment; ignored", eventId);
        }
    }

    private static PaymentId paymentId(String value) {
        try {
            return value == null ? null : new PaymentId(value);
        } catch (IllegalArgumentException | DomainException e) {
            return null;
        }
    }

    private static StripeObject object(Event event) {
        try {
            return event.getDataObjectDeserializer().getObject().isPresent()
                    ? event.getDataObjectDeserializer().getObject().get()
                    : event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException | ClassCastException e) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "the event's object cannot be read: " + e.getMessage());
        }
    }
}
