package dev.stoa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.identity.EraseUser;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.CancelOrder;
import dev.stoa.api.ordering.ConfirmOrder;
import dev.stoa.api.ordering.ExpireOrder;
import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.ordering.ShippingAddress;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.platform.axon.PositionGate;
import dev.stoa.app.platform.replay.SearchIndexRebuilder;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import dev.stoa.app.support.Mailbox;
import dev.stoa.app.support.Processors;
import dev.stoa.app.support.Rebuilds;
import dev.stoa.projection.catalog.search.SearchIndexAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds of PostgreSQL read models beside the live ones (POST /api/v1/admin/projections/{name}/replay): under
 * concurrent reads and writes no read fails or misses an entity, and the result equals a fresh build; no mail is sent
 * again; the listing shows positions, segments, dead letters and the rebuild's progress; who may do what.
 */
class ProjectionRebuildIT extends ApiTest {
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 St James's Square", null,
            "London", null, "SW1Y 4JH", "GB");
    private static final List<String> PRODUCT_TABLES = List.of("product_view");
    private static final List<String> ORDER_TABLES = List.of("order_view", "order_line_view", "order_history_view");

    @Autowired CommandGateway gateway;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventProcessingConfiguration processing;
    @Autowired EventStore eventStore;
    @Autowired SearchIndexAdmin productIndex;
    @Autowired PositionGate gate;
    @Autowired SearchIndexRebuilder searchRebuilder;
    @Autowired co.elastic.clients.elasticsearch.ElasticsearchClient es;

    private OrderId placeOrder(String buyerId, String vendorId, String name, long priceCents) {
        return placeOrder(buyerId, vendorId, name, priceCents, null);
    }

    private OrderId placeOrder(String buyerId, String vendorId, String name, long priceCents, String notes) {
        OrderLine line = new OrderLine(OrderLine.PRODUCT, UUID.randomUUID().toString(), new UserId(vendorId), name,
                "SKU-" + name.toUpperCase(), priceCents, 1, priceCents, true);
        OrderId id = OrderId.random();
        gateway.sendAndWait(new PlaceOrder(id, new UserId(buyerId), List.of(line),
                new OrderAmounts(priceCents, 0, 0, 499, priceCents + 499, "USD"), null, ADDRESS, PlaceOrder.WALLET, notes));
        return id;
    }

    private String registered(String email) {
        UserId id = UserId.random();
        gateway.sendAndWait(new RegisterUser(id, email, "$2a$10$abcdefghijklmnopqrstuv", "Ada", "Lovelace", null,
                Set.of("customer"), true));
        return id.value();
    }

    private List<String> rows(List<String> tables) { return Rebuilds.rows(jdbc, tables); }

    private void awaitCaughtUp(String... processors) throws InterruptedException {
        long head = new Processors(processing, eventStore).head();
        for (String name : processors) assertThat(gate.awaitProcessor(name, head, Duration.ofSeconds(60))).as(name).isTrue();
    }

    @Test
    void aRebuildUnderConcurrentReadsAndWritesNeverFailsAReadAndEqualsAFreshBuild() throws Exception {
        String admin = tokenFor("admin");
        String vendorId = UUID.randomUUID().toString();
        String vendor = tokenAs(vendorId, "vendor");
        Catalog catalog = new Catalog(api);
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 12; i++) products.add(catalog.create(vendor, Catalog.product(unique("RB"), "Rebuild Lamp " + i, 1_000 + i, null, "Stoa")));
        String buyer = UUID.randomUUID().toString();
        List<OrderId> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) orders.add(placeOrder(buyer, vendorId, "Lamp" + i, 2_000 + i));
        for (int i = 0; i < 6; i++) gateway.sendAndWait(new ConfirmOrder(orders.get(i), "debit-" + orders.get(i)));
        awaitCaughtUp("product-read-model", "order-read-model");
        Map<String, JsonNode> productsBefore = new HashMap<>();
        for (String id : products) productsBefore.put(id, api.get("/api/v1/products/" + id).body());
        Map<OrderId, JsonNode> ordersBefore = new HashMap<>();
        for (OrderId id : orders) ordersBefore.put(id, api.get("/api/v1/orders/" + id, admin).body());

        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        List<String> created = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            threads.add(Thread.ofPlatform().start(() -> {
                Api reader = new Api(port);
                int i = 0;
                while (!stop.get()) {
                    String product = products.get(i % products.size());
                    OrderId order = orders.get(i % orders.size());
                    check(failures, reader.get("/api/v1/products/" + product), productsBefore.get(product));
                    check(failures, reader.get("/api/v1/orders/" + order, admin), ordersBefore.get(order));
                    Api.Response list = reader.get("/api/v1/orders?limit=100", admin);
                    if (list.status() != 200) failures.add("order list: " + list);
                    Api.Response catalogPage = reader.get("/api/v1/products?limit=100");
                    if (catalogPage.status() != 200) failures.add("product list: " + catalogPage);
                    reads.addAndGet(4);
                    i++;
                }
            }));
        }
        threads.add(Thread.ofPlatform().start(() -> {
            Api writer = new Api(port);
            int i = 0;
            while (!stop.get()) {
                try {
                    String id = new Catalog(writer).create(vendor, Catalog.product(unique("RW"), "Written Lamp " + i, 500 + i, null, "Stoa"));
                    created.add(id);
                    Map<String, Object> update = new HashMap<>(Catalog.product(unique("RU"), "Renamed Lamp " + i, 700 + i, null, "Stoa"));
                    Api.Response updated = writer.put("/api/v1/products/" + id, update, vendor);
                    if (updated.status() >= 300) failures.add("update: " + updated);
                    OrderId order = placeOrder(buyer, vendorId, "Written" + i, 900 + i);
                    if (i % 2 == 0) gateway.sendAndWait(new ConfirmOrder(order, "debit-" + order));
                    writes.incrementAndGet();
                } catch (RuntimeException | AssertionError e) {
                    failures.add("write: " + e);
                }
                i++;
            }
        }));

        Rebuilds rebuilds = new Rebuilds(api, admin);
        try {
            Await.until(() -> reads.get() > 20 && writes.get() > 2, Duration.ofSeconds(60), "reads and writes under way");
            rebuilds.run("product-read-model");
            rebuilds.run("order-read-model");
            rebuilds.run("product-read-model");
            Await.until(() -> writes.get() > 6, Duration.ofSeconds(60), "writes after the rebuilds");
        } finally {
            stop.set(true);
            for (Thread t : threads) t.join(30_000);
        }
        assertThat(failures).isEmpty();
        assertThat(reads.get()).isGreaterThan(20);

        awaitCaughtUp("product-read-model", "order-read-model");
        // what was written during the rebuilds is in the new read model
        for (String id : created) {
            Api.Response p = api.get("/api/v1/products/" + id);
            assertThat(p.status()).as(p.toString()).isEqualTo(200);
            assertThat(p.body().get("name").asText()).startsWith("Renamed Lamp");
        }
        for (String id : products) assertThat(api.get("/api/v1/products/" + id).body()).isEqualTo(productsBefore.get(id));
        for (OrderId id : orders) assertThat(api.get("/api/v1/orders/" + id, admin).body()).isEqualTo(ordersBefore.get(id));

        // and equals a fresh build from the log, row for row
        List<String> productRows = rows(PRODUCT_TABLES);
        List<String> orderRows = rows(ORDER_TABLES);
        rebuilds.run("product-read-model");
        rebuilds.run("order-read-model");
        awaitCaughtUp("product-read-model", "order-read-model");
        assertThat(rows(PRODUCT_TABLES)).isEqualTo(productRows);
        assertThat(rows(ORDER_TABLES)).isEqualTo(orderRows);
    }

    private static void check(ConcurrentLinkedQueue<String> failures, Api.Response read, JsonNode expected) {
        if (read.status() != 200) failures.add(read.status() + " " + read.raw());
        else if (!read.body().equals(expected)) failures.add("changed: " + read.raw() + " (was " + expected + ")");
    }

    /**
     * The buyer's erasure is another aggregate's event than their orders', handled by whichever segment (and rebuild
     * worker) has it, before or after the orders' own: the orders read the same either way, every personal field that
     * held a value {@code [erased]}, the country and a fixed cancellation reason kept.
     */
    @Test
    void anErasedBuyersOrdersReadErasedAndARebuildEqualsTheLiveReadModel() throws Exception {
        String admin = tokenFor("admin");
        String vendorId = UUID.randomUUID().toString();
        String buyer = registered(unique("erased") + "@example.org");
        List<OrderId> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) orders.add(placeOrder(buyer, vendorId, "Erased" + i, 1_500 + i, i % 2 == 0 ? "Leave it by the door" : null));
        gateway.sendAndWait(new ConfirmOrder(orders.get(0), "debit-" + orders.get(0)));
        gateway.sendAndWait(new CancelOrder(orders.get(1), "Bought it elsewhere", new Actor(buyer, Set.of("customer"))));
        gateway.sendAndWait(new ExpireOrder(orders.get(2)));
        gateway.sendAndWait(new EraseUser(new UserId(buyer), new Actor(buyer, Set.of("customer"))));
        awaitCaughtUp("order-read-model");

        JsonNode confirmed = api.get("/api/v1/orders/" + orders.get(0), admin).body();
        assertThat(confirmed.get("status").asText()).isEqualTo("confirmed");
        assertThat(confirmed.at("/shippingAddress/recipientName").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(confirmed.at("/shippingAddress/streetLine1").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(confirmed.at("/shippingAddress/streetLine2").isNull()).as("nothing there to erase").isTrue();
        assertThat(confirmed.at("/shippingAddress/city").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(confirmed.at("/shippingAddress/countryCode").asText()).isEqualTo("GB");
        assertThat(confirmed.get("notes").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(confirmed.get("totalCents").asLong()).isEqualTo(1_500 + 499);
        JsonNode cancelled = api.get("/api/v1/orders/" + orders.get(1), admin).body();
        assertThat(cancelled.get("cancelReason").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(cancelled.get("notes").isNull()).isTrue();
        JsonNode expired = api.get("/api/v1/orders/" + orders.get(2), admin).body();
        assertThat(expired.get("cancelReason").asText()).isEqualTo(CancelOrder.EXPIRED);
        for (OrderId id : orders)
            assertThat(api.get("/api/v1/orders/" + id, admin).raw()).doesNotContain("Lovelace", "St James", "SW1Y", "door", "elsewhere");

        List<String> live = rows(ORDER_TABLES);
        Rebuilds rebuilds = new Rebuilds(api, admin);
        rebuilds.run("order-read-model");
        awaitCaughtUp("order-read-model");
        assertThat(rows(ORDER_TABLES)).isEqualTo(live);
        assertThat(api.get("/api/v1/orders/" + orders.get(0), admin).body()).isEqualTo(confirmed);
    }

    @Test
    void aRebuildOfTheOrderReadModelSendsNoMail() throws Exception {
        String email = unique("rebuild") + "@example.org";
        String buyer = registered(email);
        OrderId order = placeOrder(buyer, UUID.randomUUID().toString(), "Kettle", 4_500);
        gateway.sendAndWait(new ConfirmOrder(order, "debit-" + order));
        Mailbox mailbox = new Mailbox(api);
        mailbox.await(email, "is confirmed");
        int mails = mailbox.all(email).size();
        long logged = jdbc.queryForObject("select count(*) from notification_view where user_id = ?", Long.class, buyer);

        new Rebuilds(api, tokenFor("admin")).run("order-read-model");
        awaitCaughtUp("order-read-model", "order-mail", "notification-log");

        assertThat(mailbox.all(email)).hasSize(mails);
        assertThat(jdbc.queryForObject("select count(*) from notification_view where user_id = ?", Long.class, buyer)).isEqualTo(logged);
        assertThat(api.get("/api/v1/orders/" + order, tokenFor("admin")).body().get("status").asText()).isEqualTo("confirmed");
    }

    @Test
    void theListingShowsPositionsLagSegmentsDeadLettersAndTheRebuildsProgress() throws Exception {
        String admin = tokenFor("admin");
        placeOrder(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Mug", 1_250);
        JsonNode done = new Rebuilds(api, admin).run("inventory-read-model");
        JsonNode rebuild = done.get("rebuild");
        assertThat(rebuild.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(rebuild.get("eventsReplayed").asLong()).isPositive();
        assertThat(rebuild.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(rebuild.get("finishedAt").asText()).isNotBlank();
        assertThat(rebuild.get("error").isNull()).isTrue();

        awaitCaughtUp("order-read-model");
        JsonNode order = new Rebuilds(api, admin).entry("order-read-model");
        assertThat(order.get("kind").asText()).isEqualTo("pooled-streaming");
        assertThat(order.get("role").asText()).isEqualTo("read-model");
        assertThat(order.get("replayable").asBoolean()).isTrue();
        assertThat(order.get("status").asText()).isEqualTo("running");
        assertThat(order.get("head").asLong()).isPositive();
        assertThat(order.get("position").asLong()).isBetween(0L, order.get("head").asLong());
        assertThat(order.get("lag").asLong()).isEqualTo(order.get("head").asLong() - order.get("position").asLong());
        assertThat(order.get("deadLetters").asLong()).isZero();
        assertThat(order.get("segments")).hasSize(2);
        for (JsonNode segment : order.get("segments")) {
            assertThat(segment.get("segment").asInt()).isBetween(0, 1);
            assertThat(segment.get("owner").asText()).isNotBlank();
            assertThat(segment.get("position").asLong()).isGreaterThanOrEqualTo(order.get("position").asLong());
        }
        JsonNode mail = new Rebuilds(api, admin).entry("order-mail");
        assertThat(mail.get("role").asText()).isEqualTo("side-effect");
        assertThat(mail.get("replayable").asBoolean()).isFalse();
        assertThat(new Rebuilds(api, admin).entry("OrderFulfilmentProcessor").get("role").asText()).isEqualTo("side-effect");
        assertThat(new Rebuilds(api, admin).entry("notification-erasure").get("replayable").asBoolean()).isFalse();
    }

    @Test
    void theSearchIndexIsRebuiltIntoANewVersionAndTheAliasSwitched() throws Exception {
        String vendor = tokenAs(UUID.randomUUID().toString(), "vendor");
        String word = "zqx" + UUID.randomUUID().toString().substring(0, 6);
        String product = new Catalog(api).create(vendor, Catalog.product(unique("SR"), "Searchable " + word, 1_990, null, "Stoa"));
        Await.until(() -> api.get("/api/v1/search?q=" + word).body().path("total").asInt() == 1, Duration.ofSeconds(20),
                "the product is searchable");
        JsonNode before = api.get("/api/v1/search?q=" + word).body();
        List<String> versionsBefore = productIndex.versions().targets();

        JsonNode done = new Rebuilds(api, tokenFor("admin")).run("product-search");
        assertThat(done.get("replayable").asBoolean()).isTrue();
        assertThat(done.get("role").asText()).isEqualTo("read-model");

        List<String> versionsAfter = productIndex.versions().targets();
        assertThat(versionsAfter).hasSize(1).doesNotContainAnyElementsOf(versionsBefore);
        JsonNode after = api.get("/api/v1/search?q=" + word).body();
        assertThat(after.get("total").asInt()).isEqualTo(1);
        assertThat(after.get("items").get(0).get("id").asText()).isEqualTo(product);
        assertThat(after.get("items").get(0).get("name")).isEqualTo(before.get("items").get(0).get("name"));
        new Rebuilds(api, tokenFor("admin")).run("course-search");
    }

    /**
     * A search index an older release wrote (documents without the folded name and brand, no {@code _meta.documents})
     * is rebuilt by the start-up's check without an operator, into a new version, and then ranks a name matched
     * without its accents as a name. Before 2026-12-07 the README asked for a replay after the upgrade, and until it
     * was done "oeuvre" ranked "Œuvre Complète" as a description match (walkthrough Z7).
     */
    @Test
    void aSearchIndexOfAnOlderRelease_isRebuiltByTheStartUpCheck_andThenRanksAccentedNamesAsNames() throws Exception {
        String vendor = tokenAs(UUID.randomUUID().toString(), "vendor");
        String word = "zqv" + UUID.randomUUID().toString().substring(0, 6);
        Catalog catalog = new Catalog(api);
        String accented = catalog.create(vendor, Catalog.product(unique("OE"), "Œuvre Complète " + word, 3_990, null, "Stoa"));
        Map<String, Object> essays = Catalog.product(unique("CE"), "Collected Essays " + word, 1_990, null, "Stoa");
        essays.put("description", "The oeuvre of a poet: " + word + ".");
        String described = catalog.create(vendor, essays);
        Await.until(() -> api.get("/api/v1/search?q=" + word).body().path("total").asInt() == 2, Duration.ofSeconds(20),
                "both are searchable");
        // as an older release left the index: its documents without the folded name and brand, no documents version
        String live = productIndex.versions().targets().getFirst();
        for (String id : List.of(accented, described)) {
            var doc = es.get(g -> g.index(live).id(id), Map.class);
            @SuppressWarnings("unchecked") Map<String, Object> source = new HashMap<>(doc.source());
            source.remove("nameFolded");
            source.remove("brandFolded");
            es.index(x -> x.index(live).id(id).document(source).version(doc.version())
                    .versionType(co.elastic.clients.elasticsearch._types.VersionType.ExternalGte));
        }
        es.indices().putMapping(p -> p.index(live).meta("documents", co.elastic.clients.json.JsonData.of(1)));
        es.indices().refresh(r -> r.index(live));
        assertThat(productIndex.versions().documentsCurrent()).isFalse();

        searchRebuilder.rebuildOutdated();

        Await.until(() -> new Rebuilds(api, tokenFor("admin")).entry("product-search").path("rebuild").path("status")
                .asText().equals("done"), Duration.ofSeconds(60), "the start-up's rebuild of product-search ends");
        assertThat(productIndex.versions().targets()).doesNotContain(live);
        assertThat(productIndex.versions().documentsCurrent()).isTrue();
        JsonNode found = api.get("/api/v1/search?q=oeuvre+" + word).body();
        assertThat(found.get("total").asInt()).isEqualTo(2);
        assertThat(found.get("items").get(0).get("id").asText()).as("the name first").isEqualTo(accented);
        assertThat(found.get("items").get(1).get("id").asText()).isEqualTo(described);
        searchRebuilder.rebuildOutdated(); // current now: no rebuild starts (a started one would not be done)
        assertThat(new Rebuilds(api, tokenFor("admin")).entry("product-search").path("rebuild").path("status").asText())
                .isEqualTo("done");
    }

    @Test
    void unknownIs404_aSideEffectIs409_aRunningRebuildIs409_customersAndAuditorsMayNotReplay() {
        String adminId = UUID.randomUUID().toString();
        String admin = tokenAs(adminId, "admin");
        Api.Response unknown = api.post("/api/v1/admin/projections/no-such-processor/replay", null, admin);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
        for (String sideEffect : List.of("order-mail", "identity-mail", "OrderFulfilmentProcessor", "notification-erasure")) {
            Api.Response refused = api.post("/api/v1/admin/projections/" + sideEffect + "/replay", null, admin);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("replay_not_allowed");
        }
        // a rebuild reads the log until it has been quiet for a while: a second request comes while it runs
        assertThat(api.post("/api/v1/admin/projections/category-read-model/replay", null, admin).status()).isEqualTo(202);
        Api.Response again = api.post("/api/v1/admin/projections/category-read-model/replay", null, admin);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("rebuild_running");
        Await.until(() -> new Rebuilds(api, admin).entry("category-read-model").path("rebuild").path("status").asText()
                .equals("done"), Duration.ofSeconds(60), "the category rebuild ends");
        // the audit trail says who started which rebuild, up to where (it said nothing before 2026-12-07 evening; Z28);
        // the refused ones (unknown, side effect, running) left nothing
        String auditor = tokenFor("auditor");
        JsonNode started = api.get("/api/v1/audit/events?type=ProjectionRebuildStarted&userId=" + adminId, auditor).body();
        assertThat(started.get("items")).as(started.toString()).hasSize(1);
        assertThat(started.at("/items/0/payload/processor").asText()).isEqualTo("category-read-model");
        // the head when it started: before the record itself
        assertThat(started.at("/items/0/payload/targetPosition").asLong()).isPositive()
                .isLessThan(started.at("/items/0/position").asLong());

        String customer = tokenFor("customer");
        // a list as every list: limit and offset (400 "takes none" until 2026-12-07 evening; walkthrough Z38), all of a
        // process's processors by default
        JsonNode all = api.get("/api/v1/admin/projections", admin).body();
        long total = all.get("total").asLong();
        assertThat(all.get("items")).hasSize((int) total);
        assertThat(all.get("limit").asInt()).isEqualTo(100);
        JsonNode page = api.get("/api/v1/admin/projections?limit=5&offset=2", admin).body();
        assertThat(page.get("total").asLong()).isEqualTo(total);
        assertThat(page.get("items")).hasSize(5);
        assertThat(page.at("/items/0/name").asText()).isEqualTo(all.at("/items/2/name").asText());
        assertThat(api.get("/api/v1/admin/projections?limit=101", admin).code()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/admin/projections", customer).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/projections/order-read-model/replay", null, customer).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/projections/order-read-model/replay", null, auditor).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/projections", auditor).status()).isEqualTo(403);
    }
}
