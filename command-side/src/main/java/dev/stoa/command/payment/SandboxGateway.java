package dev.stoa.command.payment;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.PaymentId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for Stripe when none is configured (the embedded default): PaymentIntents and refunds with Stripe's
 * shapes of ids and secrets, and Stripe's test cards through {@link #confirmation}: {@code pm_card_visa} succeeds,
 * {@code pm_card_chargeDeclined} and {@code pm_card_chargeDeclinedInsufficientFunds} are declined. The outcome is a
 * webhook event as Stripe would send it, signed with this sandbox's own secret, which goes through the same webhook code.
 * Ids are derived from Stoa's ids, so a retried creation answers the same intent; nothing is stored but, in memory, which
 * intents a card paid (they cannot be canceled), and the client secret is derived with a key drawn at start-up (so it
 * changes with a restart, as a test secret may).
 */
class SandboxGateway implements PaymentGateway {
    static final Map<String, String[]> TEST_CARDS = Map.of(
            "pm_card_visa", new String[0],
            "pm_card_chargeDeclined", new String[] {"generic_decline", "Your card was declined."},
            "pm_card_chargeDeclinedInsufficientFunds", new String[] {"insufficient_funds", "Your card has insufficient funds."});

    private final byte[] key = new byte[32];
    private final String webhookSecret;

    SandboxGateway() {
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        webhookSecret = "whsec_sandbox_" + HexFormat.of().formatHex(secret);
    }

    /** Stripe's largest amount of a payment, in the currency's smallest unit (eight digits). */
    static final long MAX_AMOUNT = 99_999_999L;
    /**
     * Stripe's smallest charge per settlement currency, in its smallest unit (docs.stripe.com/currencies, "Minimum and
     * maximum charge amounts"); a currency not listed is not checked here.
     */
    static final Map<String, Long> MIN_AMOUNT = Map.ofEntries(Map.entry("usd", 50L), Map.entry("aed", 200L),
            Map.entry("aud", 50L), Map.entry("bgn", 100L), Map.entry("brl", 50L), Map.entry("cad", 50L),
            Map.entry("chf", 50L), Map.entry("czk", 1_500L), Map.entry("dkk", 250L), Map.entry("eur", 50L),
            Map.entry("gbp", 30L), Map.entry("hkd", 400L), Map.entry("huf", 17_500L), Map.entry("inr", 50L),
            Map.entry("jpy", 50L), Map.entry("mxn", 1_000L), Map.entry("myr", 200L), Map.entry("nok", 300L),
            Map.entry("nzd", 50L), Map.entry("pln", 200L), Map.entry("ron", 200L), Map.entry("sek", 300L),
            Map.entry("sgd", 50L), Map.entry("thb", 1_000L));

    @Override
    public String name() { return PaymentSettings.SANDBOX; }

    @Override
    public String webhookSecret() { return webhookSecret; }

    @Override
    public Intent createIntent(PaymentId paymentId, OrderId orderId, long amountCents, String currency) {
        // Stripe refuses an amount of more than eight digits in the currency's smallest unit (999,999.99 USD), and so
        // does the sandbox, so the 422 payment_failed a deployment would answer is seen before it
        if (amountCents > MAX_AMOUNT)
            throw new Refused("Stripe refused the request: Amount must be no more than " + MAX_AMOUNT
                    + " in the currency's smallest unit (amount_too_large)", null);
        // and one below its smallest charge (0.50 USD): a card order of 0.30 USD fails at Stripe, so here too
        Long min = MIN_AMOUNT.get(currency.toLowerCase(Locale.ROOT));
        if (min != null && amountCents < min)
            throw new Refused("Stripe refused the request: Amount must be at least " + min + " in the currency's smallest "
                    + "unit (" + currency.toUpperCase(Locale.ROOT) + ") (amount_too_small)", null);
        String id = "pi_sandbox_" + paymentId.value().replace("-", "");
        return new Intent(id, secretOf(id), "requires_payment_method", paymentId.value());
    }

    @Override
    public Intent retrieveIntent(String intentId) {
        String hex = intentId.startsWith("pi_sandbox_") ? intentId.substring("pi_sandbox_".length()) : "";
        String paymentId = hex.length() == 32 ? hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5") : null;
        return new Intent(intentId, secretOf(intentId), paid.contains(intentId) ? "succeeded" : "requires_payment_method",
                paymentId);
    }

    @Override
    public Refund refund(String intentId, PaymentId paymentId, String refundId, long amountCents) {
        String id = "re_sandbox_" + UUID.nameUUIDFromBytes(refundId.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return new Refund(id, "succeeded", null);
    }

    /**
     * As Stripe: an intent a card paid cannot be canceled (the decline's handling then leaves the order to the capture).
     * The sandbox remembers, in this process, which of its intents succeeded.
     */
    @Override
    public String cancelIntent(String intentId, PaymentId paymentId, String idempotencyKey) {
        if (paid.contains(intentId))
            throw new Refused("Stripe refused the request: You cannot cancel this PaymentIntent because it has a status of "
                    + "succeeded (payment_intent_unexpected_state)", null);
        return "canceled";
    }

    /** Intents a sandbox card paid ({@link #confirmation} with a succeeding card), in this process. */
    private final java.util.Set<String> paid = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * What Stripe would send after Stripe.js confirmed the intent with {@code paymentMethod}: the event JSON and its
     * {@code Stripe-Signature} header.
     */
    Webhook confirmation(String intentId, PaymentId paymentId, OrderId orderId, long amountCents, String currency,
                         String paymentMethod) {
        String[] decline = TEST_CARDS.get(paymentMethod);
        if (decline == null) throw new IllegalArgumentException("not a sandbox test card: " + paymentMethod);
        boolean succeeds = decline.length == 0;
        // as Stripe: an intent a card paid takes no other confirmation; two sent at once were both answered 202 before
        // 2026-12-07, sixth session, the payment being pending when each read it (walkthrough Z25; one capture all the same)
        if (paid.contains(intentId) || succeeds && !paid.add(intentId))
            throw dev.stoa.api.platform.DomainException.invalidTransition("payment " + paymentId.value()
                    + " was paid by a card already");
        long now = Instant.now().getEpochSecond();
        String error = succeeds ? "null" : """
                {"type":"card_error","code":"card_declined","decline_code":"%s","message":"%s","payment_method":{"id":"%s","object":"payment_method","type":"card"}}"""
                .formatted(decline[0], decline[1], paymentMethod);
        String payload = """
                {"id":"evt_sandbox_%s","object":"event","api_version":"%s","created":%d,"livemode":false,"pending_webhooks":1,\
                "type":"%s","data":{"object":{"id":"%s","object":"payment_intent","amount":%d,"amount_received":%d,\
                "currency":"%s","status":"%s","livemode":false,"metadata":{"orderId":"%s","paymentId":"%s"},\
                "last_payment_error":%s}}}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""), com.stripe.Stripe.API_VERSION, now,
                        succeeds ? "payment_intent.succeeded" : "payment_intent.payment_failed", intentId, amountCents,
                        succeeds ? amountCents : 0, currency.toLowerCase(Locale.ROOT),
                        succeeds ? "succeeded" : "requires_payment_method", orderId.value(), paymentId.value(), error);
        return new Webhook(payload, "t=" + now + ",v1=" + hmac(webhookSecret.getBytes(StandardCharsets.UTF_8), now + "." + payload));
    }

    /** A webhook delivery: its body and {@code Stripe-Signature}. */
    record Webhook(String payload, String signature) {}

    private String secretOf(String intentId) { return intentId + "_secret_" + hmac(key, intentId).substring(0, 24); }

    private static String hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
