package dev.stoa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.api.identity.EraseUser;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail through HTTP: an order from cart to refund read back as auditors read it (who, when, why, the
 * timeline), the NDJSON export against the paged listing, each kind of tampering found where it was done, an erased
 * buyer's events still verifying (and reading [erased]), and who may read it.
 */
class AuditTrailIT extends ApiTest {
    private static final Instant IN_A_MONTH = Instant.now().plus(Duration.ofDays(30));
    private static final ObjectMapper JSON = new ObjectMapper();
    @Autowired CommandGateway commands;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    private String admin;
    private String adminId;
    private String auditor;
    private String vendor;

    @BeforeEach
    void setUp() {
        adminId = UUID.randomUUID().toString();
        admin = tokenAs(adminId, "admin");
        auditor = tokenFor("auditor");
        vendor = tokenFor("vendor");
    }

    /** An order of 2 × lamp paid from the wallet, its refund requested and approved: what the buyer did, by id. */
    private record Flow(String buyerId, String buyerToken, String orderId, String idempotencyKey, long totalCents,
                        long refundCents) {}

    private Flow orderFromCartToRefund() {
        UserId buyer = UserId.random();
        commands.sendAndWait(new RegisterUser(buyer, unique("audit") + "@example.org", "$2a$10$abcdefghijklmnopqrstuv",
                "Audrey", "Ledger", null, Set.of("customer"), true));
        String token = tokenAs(buyer.value(), "customer");
        assertThat(api.post("/api/v1/users/" + buyer.value() + "/addresses", Map.of("label", "home",
                "streetLine1", "1 Audit Lane", "city", "New York", "state", "NY", "postalCode", "10001", "countryCode", "US",
                "isDefault", true), token).status()).isEqualTo(201);
        Map<String, Object> body = new HashMap<>(Catalog.product(unique("AU"), "Audited lamp " + unique("p"), 2_500, null, "Stoa"));
        body.put("weightGrams", 400);
        String lamp = new Catalog(api).create(vendor, body);
        assertThat(api.put("/api/v1/products/" + lamp + "/inventory", Map.of("onHand", 5), vendor).status()).isEqualTo(204);
        Api.Response batch = api.post("/api/v1/admin/vouchers", Map.of("amountCents", 20_000, "currency", "USD", "count", 1,
                "expiresAt", IN_A_MONTH.toString()), admin);
        assertThat(api.post("/api/v1/wallet/redeem", Map.of("code", batch.body().get("codes").get(0).asText()), token).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/cart/items", Map.of("itemType", "product", "itemId", lamp, "quantity", 2), token).status())
                .isBetween(200, 204);
        String key = UUID.randomUUID().toString();
        Api.Response placed = api.post("/api/v1/orders", Map.of("paymentMethod", "wallet", "notes", "leave at the door"),
                token, Map.of("Idempotency-Key", key));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.body().get("orderId").asText();
        Await.until(() -> "confirmed".equals(api.get("/api/v1/orders/" + orderId, token).body().path("status").asText()),
                Duration.ofSeconds(20), "order " + orderId + " is confirmed");
        Api.Response requested = api.post("/api/v1/refunds", Map.of("orderId", orderId, "reason", "arrived scratched"), token);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        Api.Response approved = api.post("/api/v1/refunds/" + requested.body().get("refundId").asText() + "/approve", Map.of(), admin);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        long refund = approved.body().get("totalCents").asLong();
        Await.until(() -> api.get("/api/v1/wallet", token).body().get("balanceCents").asLong() == 20_000,
                Duration.ofSeconds(20), "the refund is back in the wallet");
        return new Flow(buyer.value(), token, orderId, key, placed.body().get("totalCents").asLong(), refund);
    }

    /**
     * An aggregate's history comes a page at a time: {@code next} is the position to pass as {@code after}, null on the
     * last page, and the pages together are the whole history, once each, in order; the timeline comes with the first.
     * Before 2026-12-07 every event came in one answer (walkthrough Z4: an inventory's 311 events, 308 KB at once).
     */
    /** A coupon's events by its id in any case, as its code is taken everywhere (they found nothing; walkthrough Z13). */
    @Test
    void aCouponsEventsAreFoundByItsCodeInAnyCase() {
        String code = ("AUD" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase(java.util.Locale.ROOT);
        String admin = tokenFor("admin"), auditor = tokenFor("auditor");
        assertThat(api.post("/api/v1/admin/coupons", Map.of("code", code, "amountOffCents", 500, "currency", "USD"), admin)
                .status()).isEqualTo(201);
        int stored = api.get("/api/v1/audit/events?aggregateId=coupon-" + code, auditor).body().get("items").size();
        assertThat(stored).isPositive();
        String lower = code.toLowerCase(java.util.Locale.ROOT);
        for (String spelt : List.of("coupon-" + lower, "COUPON-" + code, "Coupon-" + lower)) {
            assertThat(api.get("/api/v1/audit/events?aggregateId=" + spelt, auditor).body().get("items")).as(spelt).hasSize(stored);
            assertThat(api.get("/api/v1/audit/coupon/" + spelt + "/history", auditor).status()).as(spelt).isEqualTo(200);
        }
    }

    @Test
    void anAggregatesHistory_isPaged_thePagesTogetherAreTheWholeHistory() {
        Flow flow = orderFromCartToRefund();
        String path = "/api/v1/audit/order/" + flow.orderId() + "/history";
        JsonNode whole = api.get(path + "?limit=1000", auditor).body();
        List<Long> all = new ArrayList<>();
        whole.get("events").forEach(e -> all.add(e.at("/event/position").asLong()));
        assertThat(all).hasSizeGreaterThan(2);
        assertThat(whole.get("next").isNull()).isTrue();
        assertThat(whole.get("after").isNull()).isTrue();

        List<Long> paged = new ArrayList<>();
        String query = "?limit=2";
        int pages = 0;
        while (true) {
            Api.Response page = api.get(path + query, auditor);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode body = page.body();
            assertThat(body.get("limit").asInt()).isEqualTo(2);
            assertThat(body.get("events").size()).isBetween(1, 2);
            body.get("events").forEach(e -> paged.add(e.at("/event/position").asLong()));
            assertThat(body.get("timeline").isNull()).as("the timeline with the first page only").isEqualTo(pages > 0);
            if (pages == 0) assertThat(body.get("timeline")).isEqualTo(whole.get("timeline"));
            pages++;
            if (body.get("next").isNull()) break;
            assertThat(body.get("next").asLong()).isEqualTo(paged.getLast());
            query = "?limit=2&after=" + body.get("next").asLong();
        }
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 1) / 2);
        assertThat(api.get(path + "?limit=1001", auditor).status()).isEqualTo(400);
        assertThat(api.get(path + "?after=-1", auditor).status()).isEqualTo(400);
        assertThat(api.get(path + "?after=" + all.getLast(), auditor).body().get("events")).isEmpty();
        // the page that begins at the first event has the timeline, however it is asked for (after=0 had none)
        assertThat(api.get(path + "?after=0", auditor).body().get("timeline")).isEqualTo(whole.get("timeline"));
    }

    @Test
    void anOrderFromCartToRefund_readsWithWhoWhenWhyAndATimeline() {
        Flow flow = orderFromCartToRefund();
        Api.Response history = api.get("/api/v1/audit/order/" + flow.orderId() + "/history", auditor);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.header("X-Stoa-Consistency")).isEqualTo("consistent");
        JsonNode events = history.body().get("events");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.at("/event/type").asText()));
        assertThat(types).startsWith("OrderPlaced", "OrderConfirmed");

        JsonNode placed = events.get(0);
        assertThat(placed.at("/event/aggregateType").asText()).isEqualTo("order");
        assertThat(placed.at("/event/sequence").asLong()).isZero();
        assertThat(placed.at("/event/revision").asText()).isEqualTo("1");
        assertThat(placed.at("/event/metadata/userId").asText()).as("who").isEqualTo(flow.buyerId());
        assertThat(placed.at("/event/metadata/idempotencyKey").asText()).isEqualTo(flow.idempotencyKey());
        assertThat(placed.at("/event/metadata/request").asText()).isEqualTo("POST /api/v1/orders");
        assertThat(placed.at("/cause/kind").asText()).isEqualTo("command");
        assertThat(placed.at("/cause/type").asText()).isEqualTo("PlaceOrder");
        assertThat(placed.at("/cause/request").asText()).isEqualTo("POST /api/v1/orders");
        assertThat(placed.at("/event/payload/amounts/totalCents").asLong()).isEqualTo(flow.totalCents());
        assertThat(placed.at("/event/payload/notes").asText()).as("opened for the auditor").isEqualTo("leave at the door");
        assertThat(placed.at("/event/payload/shippingAddress/streetLine1").asText()).isEqualTo("1 Audit Lane");
        String correlation = placed.at("/event/metadata/correlationId").asText();
        // the wallet's checkout confirms the order in its own request, once the debit answered: a command of the request
        // (a saga's step names the event it reacted to: EnrollmentIT, a course's revocation)
        // (ConfirmOrder completes its write: the saga's copy, should it come first, names the event it reacted to)
        JsonNode confirmed = events.get(1);
        if (confirmed.at("/cause/kind").asText().equals("command")) {
            assertThat(confirmed.at("/cause/type").asText()).as(confirmed.toString()).isEqualTo("ConfirmOrder");
            assertThat(confirmed.at("/cause/request").asText()).isEqualTo("POST /api/v1/orders");
        } else {
            assertThat(confirmed.at("/cause/kind").asText()).as(confirmed.toString()).isEqualTo("event");
            assertThat(confirmed.at("/cause/command").asText()).isEqualTo("ConfirmOrder");
        }
        assertThat(confirmed.at("/event/metadata/correlationId").asText()).as("same chain as the placement").isEqualTo(correlation);

        JsonNode timeline = history.body().get("timeline");
        List<String> statuses = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        timeline.forEach(m -> { kinds.add(m.get("kind").asText()); if (m.hasNonNull("status")) statuses.add(m.get("status").asText()); });
        assertThat(statuses).startsWith("pending", "confirmed");
        assertThat(kinds).contains("status", "payment", "refund");
        assertThat(kinds.subList(0, 2)).as("the cart taken for the order comes first, then the stock held for it")
                .containsExactly("cart", "stock");
        List<Long> placedAmounts = new ArrayList<>();
        timeline.forEach(m -> { if (m.get("event").asText().equals("OrderPlaced")) placedAmounts.add(m.get("amountCents").asLong()); });
        assertThat(placedAmounts).containsExactly(flow.totalCents());
        List<Long> refunded = new ArrayList<>();
        timeline.forEach(m -> { if (m.get("event").asText().equals("RefundPaid")) refunded.add(m.get("amountCents").asLong()); });
        assertThat(refunded).as("the refund, to the cent").containsExactly(flow.refundCents());
        // who did each step, on the timeline itself (since 2026-12-07; walkthrough): the buyer placed, the admin approved
        Map<String, String> by = new HashMap<>();
        timeline.forEach(m -> by.putIfAbsent(m.get("event").asText(), m.path("by").asText(null)));
        assertThat(by.get("OrderPlaced")).isEqualTo(flow.buyerId());
        assertThat(by.get("RefundApproved")).isEqualTo(adminId);

        // the log filtered: by aggregate, by correlation, by user and type
        Api.Response ofOrder = api.get("/api/v1/audit/events?aggregateType=order&aggregateId=" + flow.orderId() + "&limit=100", auditor);
        assertThat(ofOrder.status()).isEqualTo(200);
        assertThat(ofOrder.body().get("items").size()).isEqualTo(events.size());
        // the type in any case, as the state read takes it: ORDER was known, and found no event (before 2026-12-07)
        for (String spelling : List.of("ORDER", "Order", "oRdEr")) {
            Api.Response shouted = api.get("/api/v1/audit/events?aggregateType=" + spelling + "&aggregateId="
                    + flow.orderId() + "&limit=100", auditor);
            assertThat(shouted.body().get("items").size()).as(spelling).isEqualTo(events.size());
            Api.Response spelt = api.get("/api/v1/audit/" + spelling + "/" + flow.orderId() + "/history", auditor);
            assertThat(spelt.status()).as(spelling + ": " + spelt).isEqualTo(200);
            assertThat(spelt.body().get("events").size()).as(spelling).isEqualTo(events.size());
        }
        // an id in upper case, as every other read takes it (it found nothing here before 2026-12-07; walkthrough)
        String shoutedId = flow.orderId().toUpperCase(java.util.Locale.ROOT);
        assertThat(api.get("/api/v1/audit/events?aggregateType=order&aggregateId=" + shoutedId + "&limit=100", auditor)
                .body().get("items").size()).isEqualTo(events.size());
        assertThat(api.get("/api/v1/audit/order/" + shoutedId + "/history", auditor).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/order/" + shoutedId + "/state", auditor).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/events?userId=" + flow.buyerId().toUpperCase(java.util.Locale.ROOT)
                + "&type=OrderPlaced", auditor).body().get("items")).hasSize(1);
        // a word-prefixed id too, the prefix in any case (they found nothing before 2026-12-07, later; walkthrough Z11)
        int cartEvents = api.get("/api/v1/audit/events?aggregateId=cart-" + flow.buyerId() + "&limit=100", auditor)
                .body().get("items").size();
        assertThat(cartEvents).isPositive();
        for (String shouted : List.of("cart-" + flow.buyerId().toUpperCase(java.util.Locale.ROOT),
                "CART-" + flow.buyerId().toUpperCase(java.util.Locale.ROOT))) {
            assertThat(api.get("/api/v1/audit/events?aggregateId=" + shouted + "&limit=100", auditor).body().get("items"))
                    .as(shouted).hasSize(cartEvents);
            assertThat(api.get("/api/v1/audit/cart/" + shouted + "/history", auditor).status()).as(shouted).isEqualTo(200);
        }
        // what nobody signed in did (the buyer's sign-up here), and what the platform's schedules did, can be asked for
        Api.Response anonymous = api.get("/api/v1/audit/events?userId=anonymous&type=UserRegistered&limit=100", auditor);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
        anonymous.body().get("items").forEach(e -> assertThat(e.at("/metadata/userId").asText()).isEqualTo("anonymous"));
        assertThat(api.get("/api/v1/audit/events?userId=system", auditor).status()).isEqualTo(200);
        Api.Response byCorrelation = api.get("/api/v1/audit/events?correlationId=" + correlation + "&limit=100", auditor);
        List<String> correlated = new ArrayList<>();
        byCorrelation.body().get("items").forEach(e -> correlated.add(e.get("type").asText()));
        assertThat(correlated).contains("OrderPlaced");
        Api.Response byUser = api.get("/api/v1/audit/events?userId=" + flow.buyerId() + "&type=OrderPlaced", auditor);
        assertThat(byUser.body().get("items")).hasSize(1);
        assertThat(byUser.body().at("/items/0/aggregateId").asText()).isEqualTo(flow.orderId());
        JsonNode registered = api.get("/api/v1/audit/events?aggregateId=" + flow.buyerId() + "&type=UserRegistered", auditor)
                .body().at("/items/0/payload");
        assertThat(registered.get("email").asText()).as("opened for the auditor").endsWith("@example.org");
        assertThat(registered.get("passwordHash").asText()).as("no hash in an audit answer").isEqualTo("[secret]");
        Api.Response tooEarly = api.get("/api/v1/audit/events?userId=" + flow.buyerId() + "&to=2020-01-01", auditor);
        assertThat(tooEarly.body().get("items")).isEmpty();
        // one day, from and to alike: the whole day (to meant its start, and the range was empty); an offset sent with
        // its + unencoded (it arrives as a space) is read as the + it was
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Api.Response sameDay = api.get("/api/v1/audit/events?userId=" + flow.buyerId() + "&type=OrderPlaced&from=" + today
                + "&to=" + today, auditor);
        assertThat(sameDay.body().get("items")).as(sameDay.toString()).hasSize(1);
        Api.Response offset = api.get("/api/v1/audit/events?userId=" + flow.buyerId() + "&type=OrderPlaced&from=2020-01-01T00:00:00+01:00",
                auditor);
        assertThat(offset.status()).as(offset.toString()).isEqualTo(200);
        assertThat(offset.body().get("items")).hasSize(1);
    }

    @Test
    void theNdjsonExportOfARange_equalsThePagedListing() throws Exception {
        Flow flow = orderFromCartToRefund();
        Api.Response first = api.get("/api/v1/audit/events?userId=" + flow.buyerId() + "&limit=1", auditor);
        long before = first.body().at("/items/0/position").asLong() - 1;
        List<JsonNode> paged = new ArrayList<>();
        Long after = before;
        while (after != null) {
            JsonNode page = api.get("/api/v1/audit/events?after=" + after + "&limit=7", auditor).body();
            page.get("items").forEach(paged::add);
            after = page.hasNonNull("next") ? page.get("next").asLong() : null;
        }
        Api.Response exported = api.send("GET", "/api/v1/audit/events?after=" + before, null, null, auditor,
                Map.of("Accept", "application/x-ndjson"));
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("application/x-ndjson");
        // a limit is for pages: the export answered every entry whatever it said (before 2026-12-07; walkthrough)
        Api.Response limited = api.send("GET", "/api/v1/audit/events?after=" + before + "&limit=3", null, null, auditor,
                Map.of("Accept", "application/x-ndjson"));
        assertThat(limited.status()).as(limited.toString()).isEqualTo(400);
        assertThat(limited.body().at("/errors/0/field").asText()).isEqualTo("limit");
        // a client that prefers JSON gets a page of JSON, NDJSON named or not (it got NDJSON, and so this 400, before
        // 2026-12-07, later; walkthrough Z11)
        for (String prefersJson : List.of("application/json, application/x-ndjson;q=0.1",
                "application/x-ndjson;q=0.5, application/json")) {
            Api.Response page = api.send("GET", "/api/v1/audit/events?after=" + before + "&limit=3", null, null, auditor,
                    Map.of("Accept", prefersJson));
            assertThat(page.status()).as(prefersJson + ": " + page).isEqualTo(200);
            assertThat(page.contentType()).as(prefersJson).startsWith("application/json");
            assertThat(page.body().get("items")).hasSize(3);
        }
        assertThat(api.send("GET", "/api/v1/audit/events?after=" + before, null, null, auditor,
                Map.of("Accept", "*/*, application/x-ndjson")).contentType()).startsWith("application/x-ndjson");
        // NDJSON weighed above JSON by a wider range (walkthrough Z13), and */* alone: JSON
        assertThat(api.send("GET", "/api/v1/audit/events?after=" + before, null, null, auditor,
                Map.of("Accept", "application/json;q=0.2, application/*;q=0.9")).contentType()).startsWith("application/x-ndjson");
        assertThat(api.send("GET", "/api/v1/audit/events?after=" + before + "&limit=3", null, null, auditor,
                Map.of("Accept", "*/*")).contentType()).startsWith("application/json");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : exported.raw().split("\n")) if (!line.isBlank()) lines.add(JSON.readTree(line));
        assertThat(paged.size()).isGreaterThan(7);
        // events stored after the last page was read may follow in the export: the pages are its beginning
        assertThat(lines.subList(0, paged.size())).isEqualTo(paged);
    }

    @Test
    void eachKindOfTampering_isFoundWhereItWasDone_andAnErasedBuyersEventsStillVerify() {
        Flow flow = orderFromCartToRefund();
        JsonNode ofOrder = api.get("/api/v1/audit/events?aggregateId=" + flow.orderId() + "&limit=100", auditor).body().get("items");
        long placed = ofOrder.get(0).get("position").asLong(), confirmed = ofOrder.get(1).get("position").asLong();
        String range = "from=" + placed + "&to=" + confirmed;
        assertThat(verify(range).get("intact").asBoolean()).as("untouched").isTrue();

        // a changed payload byte
        byte[] payload = jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class, confirmed);
        byte[] changed = payload.clone();
        changed[changed.length / 2] = (byte) (changed[changed.length / 2] == 'x' ? 'y' : 'x');
        try {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", changed, confirmed);
            assertBreak(verify(range), confirmed, "altered");
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", payload, confirmed);
        }
        assertThat(verify(range).get("intact").asBoolean()).isTrue();

        // a deleted row
        Map<String, Object> row = jdbc.queryForMap("select * from domain_event_entry where global_index = ?", confirmed);
        try {
            jdbc.update("delete from domain_event_entry where global_index = ?", confirmed);
            assertBreak(verify(range), confirmed, "removed");
        } finally {
            jdbc.update("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,"
                    + " type, time_stamp, payload_type, payload_revision, payload, meta_data) values (?,?,?,?,?,?,?,?,?,?)",
                    row.get("global_index"), row.get("event_identifier"), row.get("aggregate_identifier"), row.get("sequence_number"),
                    row.get("type"), row.get("time_stamp"), row.get("payload_type"), row.get("payload_revision"),
                    row.get("payload"), row.get("meta_data"));
        }
        assertThat(verify(range).get("intact").asBoolean()).isTrue();

        // two rows swapped: the earlier position now holds the later event
        try {
            swap(placed, confirmed);
            assertBreak(verify(range), placed, "reordered");
        } finally {
            swap(placed, confirmed);
        }
        assertThat(verify(range).get("intact").asBoolean()).isTrue();

        // erasure shreds the buyer's key, not the events: they still verify, and read [erased]
        commands.sendAndWait(new EraseUser(new UserId(flow.buyerId()), new Actor(flow.buyerId(), Set.of("customer"))));
        JsonNode lastOfBuyer = api.get("/api/v1/audit/events?userId=" + flow.buyerId() + "&limit=100", auditor).body().get("items");
        long first = lastOfBuyer.get(0).get("position").asLong();
        JsonNode report = verify("from=" + first);
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(lastOfBuyer.size());
        JsonNode history = api.get("/api/v1/audit/order/" + flow.orderId() + "/history", auditor).body();
        assertThat(history.at("/events/0/event/payload/notes").asText()).isEqualTo("[erased]");
        assertThat(history.at("/events/0/event/payload/shippingAddress/streetLine1").asText()).isEqualTo("[erased]");
        assertThat(history.toString()).doesNotContain("leave at the door", "1 Audit Lane", "Audrey");

        // the whole chain, with progress lines when asked for NDJSON
        Api.Response streamed = api.send("GET", "/api/v1/audit/integrity", null, null, auditor, Map.of("Accept", "application/x-ndjson"));
        assertThat(streamed.status()).isEqualTo(200);
        String[] lines = streamed.raw().split("\n");
        assertThat(lines[lines.length - 1]).contains("\"intact\":true");
    }

    @Test
    void anEventThatCommitsLate_isChainedWhenItArrives_isNotPassedByAnAuditorsPaging_andTheChainStillVerifies()
            throws Exception {
        long late, tail;
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            try (PreparedStatement insert = open.prepareStatement("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                        type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (nextval('domain_event_entry_global_index_seq'), ?, ?, 0, 'LateNote', ?, 'dev.stoa.test.LateNote',
                            '1', ?, ?) returning global_index""")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, Instant.now().toString());
                insert.setBytes(4, "{\"note\":\"committed late\"}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, "{\"userId\":\"system\"}".getBytes(StandardCharsets.UTF_8));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    late = rs.getLong(1);
                }
            }
            // meanwhile a write at a later position is stored and chained first
            String product = new Catalog(api).create(vendor, Catalog.product(unique("LT"), "Later " + unique("p"), 100, null, "Stoa"));
            JsonNode created = api.get("/api/v1/audit/events?aggregateId=" + product, auditor).body().get("items");
            assertThat(created.get(0).get("position").asLong()).isGreaterThan(late);
            // an auditor following the log has read as far as that write
            tail = created.get(0).get("position").asLong();
            open.commit();
        }
        Await.until(() -> api.get("/api/v1/audit/events?type=LateNote&after=" + (late - 1) + "&limit=1", auditor).body()
                .path("items").path(0).path("position").asLong() == late, Duration.ofSeconds(20), "the late event is chained");
        // and goes on from there: the page after it holds the late event, chained after it at a lower position
        JsonNode next = api.get("/api/v1/audit/events?type=LateNote&after=" + tail + "&limit=100", auditor).body();
        assertThat(next.get("items")).extracting(item -> item.get("position").asLong()).contains(late);
        assertThat(api.get("/api/v1/audit/events?after=" + tail + "&limit=100", auditor).body().get("items"))
                .extracting(item -> item.get("position").asLong()).contains(late);
        JsonNode report = verify("from=" + late);
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(2);
    }

    private void swap(long a, long b) {
        jdbc.update("update domain_event_entry set global_index = -1 where global_index = ?", a);
        jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", a, b);
        jdbc.update("update domain_event_entry set global_index = ? where global_index = -1", b);
    }

    private JsonNode verify(String query) {
        Api.Response report = api.get("/api/v1/audit/integrity?" + query, auditor);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.body();
    }

    private static void assertBreak(JsonNode report, long position, String reason) {
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.at("/firstBreak/position").asLong()).as(report.toString()).isEqualTo(position);
        assertThat(report.at("/firstBreak/reason").asText()).as(report.toString()).isEqualTo(reason);
    }

    @Test
    void auditorsRead_cannotWrite_customersAndStrangersCannotRead() {
        assertThat(api.get("/api/v1/audit/events", auditor).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/events", admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/integrity?from=0&to=10", auditor).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/events", tokenFor("customer")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit/events", tokenFor("support")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit/events").status()).isEqualTo(401);
        // HEAD runs the GET handler: the same rule (it met only the catch-all, and a customer ran an auditor's read)
        assertThat(api.send("HEAD", "/api/v1/audit/integrity?from=0&to=10", null, null, tokenFor("customer"), Map.of()).status())
                .isEqualTo(403);
        assertThat(api.send("HEAD", "/api/v1/orders", null, null, tokenFor("customer"), Map.of()).status()).isEqualTo(403);
        assertThat(api.send("HEAD", "/api/v1/audit/events", null, null, auditor, Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/audit/events", Map.of(), auditor).status()).isIn(403, 405);
        assertThat(api.post("/api/v1/admin/projections/order-read-model/replay", Map.of(), auditor).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/vouchers", Map.of("amountCents", 100, "currency", "USD", "count", 1,
                "expiresAt", IN_A_MONTH.toString()), auditor).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/products", Catalog.product(unique("NO"), "Not for auditors", 100, null, "Stoa"), auditor)
                .status()).isEqualTo(403);
        // nor what any logged-in user may write (it could fill a cart, place an order, write its profile and addresses)
        String auditorId = UUID.randomUUID().toString();
        String onlyAuditor = tokenAs(auditorId, "auditor");
        Map<String, Object> item = Map.of("productId", UUID.randomUUID().toString(), "quantity", 1);
        for (Api.Response write : List.of(
                api.post("/api/v1/cart/items", item, onlyAuditor),
                api.post("/api/v1/orders", Map.of("paymentMethod", "wallet"), onlyAuditor),
                api.json("PATCH", "/api/v1/users/me", Map.of("firstName", "Changed"), onlyAuditor, Map.of()),
                api.post("/api/v1/users/" + auditorId + "/addresses", Map.of("line1", "1 Main St", "city", "Springfield",
                        "postalCode", "12345", "countryCode", "US"), onlyAuditor),
                api.post("/api/v1/wallet/redeem", Map.of("code", "ANY-CODE"), onlyAuditor),
                api.post("/api/v1/refunds", Map.of("orderId", UUID.randomUUID().toString(), "reason", "no"), onlyAuditor))) {
            assertThat(write.status()).as(write.toString()).isEqualTo(403);
            assertThat(write.code()).isEqualTo("forbidden");
        }
        // its own session stays its own: logging out is no write of the platform's data
        assertThat(api.post("/api/v1/auth/logout", Map.of(), onlyAuditor).status()).isNotEqualTo(403);
        // an auditor an admin also made a customer buys as a customer
        assertThat(api.post("/api/v1/cart/items", item, tokenAs(UUID.randomUUID().toString(), "auditor", "customer"))
                .status()).isNotEqualTo(403);

        Api.Response badDate = api.get("/api/v1/audit/events?from=yesterday", auditor);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit/events?limit=0", auditor).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit/events?after=-1", auditor).status()).isEqualTo(400);
        // a filter misspelled or not offered is refused: it was ignored, and the whole log answered as if filtered
        for (String unknown : List.of("events?correlationid=x", "events?clientcorrelationid=x", "events?foo=bar",
                "integrity?form=5", "order/" + UUID.randomUUID() + "/history?max=5")) {
            Api.Response r = api.get("/api/v1/audit/" + unknown, auditor);
            assertThat(r.status()).as(unknown + ": " + r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
            assertThat(r.body().at("/errors/0/field").asText()).as("the parameter's name")
                    .isEqualTo(unknown.substring(unknown.indexOf('?') + 1, unknown.indexOf('=')));
        }
        // a filter given twice, empty, or naming what cannot be there is refused: each answered "no events" (or, an
        // empty asOf, the state now), when the log held some (found by a walkthrough, 2026-12-06, fifth session)
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("events?type=OrderPlaced&type=OrderConfirmed", "type");
        refused.put("events?type=OrderPlaced,OrderConfirmed", "type");
        refused.put("events?aggregateId=", "aggregateId");
        refused.put("events?userId=not-a-uuid", "userId");
        refused.put("events?correlationId=not-a-uuid", "correlationId"); // it answered an empty log (before 2026-12-07)
        refused.put("events?type=OrderPlacd", "type"); // no such event type: it was answered as an empty log
        refused.put("events?type=orderplaced", "type");
        refused.put("order/" + UUID.randomUUID() + "/state?asOf=", "asOf");
        refused.forEach((query, field) -> {
            Api.Response r = api.get("/api/v1/audit/" + query, auditor);
            assertThat(r.status()).as(query + ": " + r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
            assertThat(r.body().at("/errors/0/field").asText()).as(query).isEqualTo(field);
        });
        assertThat(api.get("/api/v1/audit/events?type=orderplaced", auditor).body().at("/errors/0/message").asText())
                .contains("did you mean OrderPlaced?");
        // a name that is none says why, not "a list is not taken" whatever it was (before 2026-12-06, ninth session)
        Map<String, String> why = Map.of("OrderPlaced,OrderConfirmed", "a list is not taken",
                "dev.stoa.api.ordering.OrderPlaced", "its simple name, not the class's (OrderPlaced)",
                "OrderPlaced%20", "without spaces or invisible characters",
                "%E2%80%8BOrderPlaced", "without spaces or invisible characters");
        why.forEach((type, message) -> assertThat(api.get("/api/v1/audit/events?type=" + type, auditor).body()
                .at("/errors/0/message").asText()).as(type).contains(message));
        // a type of the platform's no event has yet is a filter that finds none, not a mistake
        Api.Response none = api.get("/api/v1/audit/events?type=PaymentRefundReversed&aggregateId=" + UUID.randomUUID(), auditor);
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(none.body().get("items")).isEmpty();
        for (String query : List.of("events?aggregateType=nope", "nope/" + UUID.randomUUID() + "/history")) {
            Api.Response r = api.get("/api/v1/audit/" + query, auditor);
            assertThat(r.status()).as(query + ": " + r).isEqualTo(404);
            assertThat(r.code()).as("as the state read answers it").isEqualTo("unknown_aggregate_type");
        }
        assertThat(api.get("/api/v1/audit/integrity?from=10&to=2", auditor).status()).isEqualTo(400);
        // a bound beyond the chain's head: the report says how far it checked (it echoed the bound asked for)
        Api.Response far = api.get("/api/v1/audit/integrity?to=9000000000000", auditor);
        assertThat(far.body().get("toPosition").asLong()).as(far.toString()).isEqualTo(far.body().get("chainHead").asLong());
        // beyond the log's head: "intact" over no event said nothing (it was 200, intact, 0 checked)
        Api.Response beyond = api.get("/api/v1/audit/integrity?from=9223372036854775807", auditor);
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(400);
        assertThat(beyond.code()).isEqualTo("validation_failed");
        // right after the head, an incremental check that finds nothing new is intact over nothing, not an error (400)
        long head = api.get("/api/v1/audit/integrity?from=0&to=0", auditor).body().get("storeHead").asLong();
        Api.Response next = api.get("/api/v1/audit/integrity?from=" + (head + 1), auditor);
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.body().get("intact").asBoolean()).isTrue();
        Api.Response unknown = api.get("/api/v1/audit/order/" + UUID.randomUUID() + "/history", auditor);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
    }
}
