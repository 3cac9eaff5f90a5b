package dev.stoa.command.payment;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code stoa.payments.*}: which gateway, Stripe's key, webhook secret and API base, the webhook tolerance. */
@Component
public class PaymentSettings {
    public static final String AUTO = "auto";
    public static final String STRIPE = "stripe";
    public static final String SANDBOX = "sandbox";

    private final String gateway;
    private final String apiKey;
    private final String webhookSecret;
    private final String apiBase;
    private final Duration webhookTolerance;

    PaymentSettings(@Value("${stoa.payments.gateway:auto}") String gateway,
                    @Value("${stoa.payments.stripe.api-key:}") String apiKey,
                    @Value("${stoa.payments.stripe.webhook-secret:}") String webhookSecret,
                    @Value("${stoa.payments.stripe.api-base:https://api.stripe.com}") String apiBase,
                    @Value("${stoa.payments.stripe.webhook-tolerance:5m}") Duration webhookTolerance) {
        this.gateway = gateway.trim().toLowerCase(java.util.Locale.ROOT);
        this.apiKey = apiKey.trim();
        this.webhookSecret = webhookSecret.trim();
        this.apiBase = apiBase.trim();
        this.webhookTolerance = webhookTolerance;
    }

    public String gateway() { return gateway; }

    public String apiKey() { return apiKey; }

    public String webhookSecret() { return webhookSecret; }

    public String apiBase() { return apiBase; }

    public Duration webhookTolerance() { return webhookTolerance; }
}
