package dev.stoa.command.payment;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.PaymentId;
import java.util.Locale;

/** {@link PaymentGateway} on Stripe's API through stripe-java's {@link StripeClient}. */
class StripeGateway implements PaymentGateway {
    private final StripeClient stripe;
    private final String webhookSecret;

    StripeGateway(PaymentSettings settings) {
        this.webhookSecret = settings.webhookSecret();
        this.stripe = StripeClient.builder().setApiKey(settings.apiKey()).setApiBase(settings.apiBase())
                .setMaxNetworkRetries(2).setConnectTimeout(5_000).setReadTimeout(20_000).build();
    }

    @Override
    public String name() { return PaymentSettings.STRIPE; }

    @Override
    public String webhookSecret() { return webhookSecret; }

    @Override
    public Intent createIntent(PaymentId paymentId, OrderId orderId, long amountCents, String currency) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amountCents).setCurrency(currency.toLowerCase(Locale.ROOT))
                .putMetadata("orderId", orderId.value()).putMetadata("paymentId", paymentId.value())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                .build();
        return call(() -> intent(stripe.v1().paymentIntents().create(params, key("payment-" + paymentId.value()))));
    }

    @Override
    public Intent retrieveIntent(String intentId) {
        return call(() -> intent(stripe.v1().paymentIntents().retrieve(intentId)));
    }

    @Override
    public Refund refund(String intentId, PaymentId paymentId, String refundId, long amountCents) {
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(intentId).setAmount(amountCents)
                .putMetadata("paymentId", paymentId.value()).putMetadata("refundId", refundId).build();
        return call(() -> {
            com.stripe.model.Refund refund = stripe.v1().refunds().create(params, key("refund-" + refundId));
            return new Refund(refund.getId(), refund.getStatus(), refund.getFailureReason());
        });
    }

    @Override
    public String cancelIntent(String intentId, PaymentId paymentId, String idempotencyKey) {
        PaymentIntentCancelParams params = PaymentIntentCancelParams.builder()
                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build();
        return call(() -> stripe.v1().paymentIntents().cancel(intentId, params, key(idempotencyKey)).getStatus());
    }

    private static Intent intent(PaymentIntent pi) {
        return new Intent(pi.getId(), pi.getClientSecret(), pi.getStatus(), pi.getMetadata() == null ? null : pi.getMetadata().get("paymentId"));
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    interface Call<T> { T run() throws StripeException; }

    /**
     * Runs a call, telling a refusal of the request itself ({@link Refused}: a card error, an invalid request) from an
     * error that says nothing about it ({@link Unavailable}: retried, then parked as a dead letter, never recorded as
     * the request's outcome): no connection, a 5xx, the rate limit; an idempotency error (the same key in flight, or
     * reused: a refund under that key may well exist, so recording it failed would invite a second one); and the
     * platform's own key refused or short of a permission (its configuration, fixed by an operator).
     */
    static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException | RateLimitException | ApiException | IdempotencyException
                 | AuthenticationException e) { // PermissionException is an AuthenticationException
            throw new Unavailable("Stripe is unavailable: " + e.getMessage(), e);
        } catch (StripeException e) {
            if (e.getStatusCode() != null && e.getStatusCode() >= 500) throw new Unavailable("Stripe failed: " + e.getMessage(), e);
            throw new Refused("Stripe refused the request: " + e.getMessage(), e);
        }
    }
}
