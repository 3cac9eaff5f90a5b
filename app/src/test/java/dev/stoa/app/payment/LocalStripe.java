package dev.stoa.app.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for Stripe's API as stripe-java calls it: {@code POST /v1/payment_intents},
 * {@code GET /v1/payment_intents/{id}}, {@code POST /v1/payment_intents/{id}/cancel} and {@code POST /v1/refunds}
 * (form-encoded, bearer key), answered with Stripe's documented JSON shapes and honouring {@code Idempotency-Key} (the
 * same key answers the first successful response again; errors are not remembered). Refunds can be made to fail:
 * refused with Stripe's error, or created pending / failed, and {@code refund.failed} sent later.
 * It also sends webhooks signed as Stripe signs them: {@code Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of
 * "<t>.<payload>" under the endpoint secret>}.
 */
final class LocalStripe implements AutoCloseable {
    static final String API_KEY = "sk_test_local_" + UUID.randomUUID().toString().replace("-", "");
    static final String WEBHOOK_SECRET = "whsec_local_" + UUID.randomUUID().toString().replace("-", "");

    /** A PaymentIntent as created: id, amount, currency, metadata, client secret. */
    record Intent(String id, long amount, String currency, Map<String, String> metadata, String clientSecret) {}

    /** A refund as created: id, intent, amount, metadata and the idempotency key it came with. */
    record Refund(String id, String paymentIntent, long amount, Map<String, String> metadata, String idempotencyKey) {}

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    /** Intents a card paid ({@link #succeeded}): Stripe refuses to cancel them. */
    private final java.util.Set<String> paid = ConcurrentHashMap.newKeySet();
    private final List<Refund> refunds = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> idempotent = new ConcurrentHashMap<>();
    private final List<String> intentCreations = Collections.synchronizedList(new ArrayList<>());
    private volatile String refundStatus = "succeeded";
    private volatile String refundError;
    private final List<String> refundKeys = Collections.synchronizedList(new ArrayList<>());
    private final List<String> cancellations = Collections.synchronizedList(new ArrayList<>());

    LocalStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String base() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    Intent intent(String id) { return intents.get(id); }

    /** Every POST /v1/payment_intents that created an intent (not the idempotent repeats). */
    List<String> intentCreations() { return List.copyOf(intentCreations); }

    List<Refund> refundsOf(String intentId) {
        synchronized (refunds) {
            return refunds.stream().filter(r -> r.paymentIntent().equals(intentId)).toList();
        }
    }

    /** The status new refunds answer with ({@code succeeded} unless a test wants {@code pending} or {@code failed}). */
    void refundStatus(String status) { refundStatus = status; }

    /**
     * Makes {@code POST /v1/refunds} answer Stripe's error for a charge that cannot be refunded (400
     * {@code invalid_request_error}, code {@code charge_disputed}) while {@code failing}; no refund is created.
     */
    void refundsFail(boolean failing) {
        refundError = failing ? "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"charge_disputed\","
                + "\"message\":\"Charge has been disputed and cannot be refunded.\"}}" : null;
    }

    /** The Idempotency-Key of every {@code POST /v1/refunds} that arrived, refused ones and repeats included. */
    List<String> refundKeys() { return List.copyOf(refundKeys); }

    /** Every {@code POST /v1/payment_intents/{id}/cancel}, as {@code <intent id> <Idempotency-Key>}. */
    List<String> cancellations() { return List.copyOf(cancellations); }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try {
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided\"}}");
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(method) && key != null && idempotent.containsKey(key)) {
                exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
                reply(exchange, 200, idempotent.get(key));
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String body;
            if ("POST".equals(method) && path.equals("/v1/payment_intents")) {
                String id = "pi_" + random(24);
                Intent intent = new Intent(id, Long.parseLong(form.get("amount")), form.get("currency"), metadata(form),
                        id + "_secret_" + random(24));
                intents.put(id, intent);
                intentCreations.add(id);
                body = intentJson(intent, "requires_payment_method", 0, null);
            } else if ("GET".equals(method) && path.startsWith("/v1/payment_intents/")) {
                Intent intent = intents.get(path.substring("/v1/payment_intents/".length()));
                if (intent == null) {
                    reply(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such payment_intent\"}}");
                    return;
                }
                body = paid.contains(intent.id()) ? intentJson(intent, "succeeded", intent.amount(), null)
                        : intentJson(intent, "requires_payment_method", 0, null);
            } else if ("POST".equals(method) && path.startsWith("/v1/payment_intents/") && path.endsWith("/cancel")) {
                Intent intent = intents.get(path.substring("/v1/payment_intents/".length(), path.length() - "/cancel".length()));
                cancellations.add((intent == null ? "?" : intent.id()) + " " + key);
                if (intent == null) {
                    reply(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such payment_intent\"}}");
                    return;
                }
                if (paid.contains(intent.id())) { // as Stripe: a succeeded intent cannot be canceled
                    reply(exchange, 400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"payment_intent_unexpected_state\","
                            + "\"message\":\"You cannot cancel this PaymentIntent because it has a status of succeeded.\"}}");
                    return;
                }
                body = intentJson(intent, "canceled", 0, null).replace("\"last_payment_error\":null",
                        "\"last_payment_error\":null,\"cancellation_reason\":\"" + form.getOrDefault("cancellation_reason", "") + "\"");
            } else if ("POST".equals(method) && path.equals("/v1/refunds")) {
                refundKeys.add(key);
                if (refundError != null) {
                    reply(exchange, 400, refundError);
                    return;
                }
                Intent intent = intents.get(form.get("payment_intent"));
                if (intent == null) {
                    reply(exchange, 400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such payment_intent\"}}");
                    return;
                }
                Refund refund = new Refund("re_" + random(24), intent.id(), Long.parseLong(form.get("amount")), metadata(form), key);
                refunds.add(refund);
                body = refundJson(refund, refundStatus);
            } else {
                reply(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}");
                return;
            }
            if (key != null) idempotent.put(key, body);
            reply(exchange, 200, body);
        } finally {
            exchange.close();
        }
    }

    // --- webhooks, as Stripe sends them ---

    /** {@code payment_intent.succeeded} for the intent, as a payload; the intent is paid from now on. */
    String succeeded(String intentId) { return succeeded(intentId, intents.get(intentId).amount()); }

    /** {@code payment_intent.succeeded} with {@code amount_received} other than the intent's amount (changed at Stripe). */
    String succeeded(String intentId, long received) {
        Intent i = intents.get(intentId);
        paid.add(intentId);
        return event("payment_intent.succeeded", intentJson(i, "succeeded", received, null));
    }

    String declined(String intentId, String declineCode, String message) {
        Intent i = intents.get(intentId);
        return event("payment_intent.payment_failed", intentJson(i, "requires_payment_method", 0,
                "{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"" + declineCode + "\",\"message\":\"" + message + "\"}"));
    }

    String refundUpdated(Refund refund, String status) { return event("refund.updated", refundJson(refund, status)); }

    /** {@code refund.failed}: the refund failed after it was created (Stripe's {@code failure_reason} given). */
    String refundFailed(Refund refund, String failureReason) {
        return event("refund.failed", refundJson(refund, "failed").replace("\"status\":\"failed\"",
                "\"status\":\"failed\",\"failure_reason\":\"" + failureReason + "\""));
    }

    /**
     * {@code charge.refunded} as API versions since 2022-11-15 send it: the Charge with {@code amount_refunded}, without
     * its {@code refunds} list.
     */
    String chargeRefunded(String intentId, long amountRefunded) {
        Intent i = intents.get(intentId);
        return event("charge.refunded", "{\"id\":\"ch_" + intentId.substring(3) + "\",\"object\":\"charge\",\"amount\":"
                + i.amount() + ",\"amount_captured\":" + i.amount() + ",\"amount_refunded\":" + amountRefunded
                + ",\"captured\":true,\"currency\":\"" + i.currency() + "\",\"livemode\":false,\"metadata\":{},\"paid\":true,"
                + "\"payment_intent\":\"" + intentId + "\",\"refunded\":" + (amountRefunded >= i.amount()) + ",\"status\":\"succeeded\"}");
    }

    /** Posts a payload to the app's webhook, signed now; answers the HTTP status. */
    int deliver(int appPort, String payload) { return deliver(appPort, payload, signature(payload, Instant.now(), WEBHOOK_SECRET)); }

    int deliver(int appPort, String payload, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + appPort + "/api/v1/payments/webhook"))
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) request.header("Stripe-Signature", signature);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256("<t>.<payload>")>}, exactly as Stripe signs. */
    static String signature(String payload, Instant at, String secret) {
        long t = at.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String event(String type, String object) {
        return "{\"id\":\"evt_" + random(24) + "\",\"object\":\"event\",\"api_version\":\"" + com.stripe.Stripe.API_VERSION
                + "\",\"created\":" + Instant.now().getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,"
                + "\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type + "\",\"data\":{\"object\":" + object + "}}";
    }

    private static String intentJson(Intent i, String status, long received, String lastError) {
        return "{\"id\":\"" + i.id() + "\",\"object\":\"payment_intent\",\"amount\":" + i.amount() + ",\"amount_capturable\":0,"
                + "\"amount_received\":" + received + ",\"capture_method\":\"automatic\",\"client_secret\":\"" + i.clientSecret()
                + "\",\"confirmation_method\":\"automatic\",\"created\":" + Instant.now().getEpochSecond() + ",\"currency\":\""
                + i.currency() + "\",\"livemode\":false,\"metadata\":" + json(i.metadata()) + ",\"payment_method_types\":[\"card\"],"
                + "\"status\":\"" + status + "\",\"last_payment_error\":" + (lastError == null ? "null" : lastError) + "}";
    }

    private static String refundJson(Refund r, String status) {
        return "{\"id\":\"" + r.id() + "\",\"object\":\"refund\",\"amount\":" + r.amount() + ",\"charge\":\"ch_" + r.paymentIntent().substring(3)
                + "\",\"created\":" + Instant.now().getEpochSecond() + ",\"currency\":\"usd\",\"metadata\":" + json(r.metadata())
                + ",\"payment_intent\":\"" + r.paymentIntent() + "\",\"reason\":null,\"status\":\"" + status + "\"}";
    }

    private static String json(Map<String, String> map) {
        StringBuilder b = new StringBuilder("{");
        map.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
        return b.append('}').toString();
    }

    private static Map<String, String> metadata(Map<String, String> form) {
        Map<String, String> metadata = new LinkedHashMap<>();
        form.forEach((k, v) -> { if (k.startsWith("metadata[")) metadata.put(k.substring(9, k.length() - 1), v); });
        return metadata;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) return form;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_" + random(14));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() { server.stop(0); }
}
