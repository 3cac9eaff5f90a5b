package dev.stoa.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.Mailbox;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import dev.stoa.app.support.Catalog;
import dev.stoa.app.learning.PublishedCourses.Course;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Courses bought through the cart and an order: granted when paid, revoked by exactly their refund or cancellation. */
class CourseOrderIT extends ApiTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    private PublishedCourses courses;

    @BeforeEach
    void courses() { courses = new PublishedCourses(api, (id, role) -> tokenAs(id, role)); }

    /** A registered customer with a default address in San Francisco; answers id and token. */
    private String[] buyer() {
        UserId id = UserId.random();
        commands.sendAndWait(new RegisterUser(id, "learner-" + id.value().substring(0, 8) + "@example.org",
                "$2a$10$abcdefghijklmnopqrstuv", "Lea", "Learner", null, Set.of("customer"), true));
        String token = tokenAs(id.value(), "customer");
        Api.Response address = api.post("/api/v1/users/" + id.value() + "/addresses", Map.of("label", "home",
                "streetLine1", "1 Market St", "city", "San Francisco", "state", "CA", "postalCode", "94105",
                "countryCode", "US", "isDefault", true), token);
        assertThat(address.status()).as(address.toString()).isEqualTo(201);
        return new String[] {id.value(), token};
    }

    /** The address {@link #buyer()} registered. */
    private static String emailOf(String userId) { return "learner-" + userId.substring(0, 8) + "@example.org"; }

    /** The paidCents of the user's grants of the course, from its enrollment's events. */
    private List<Long> grantsPaid(String userId, String courseId) {
        String enrollment = dev.stoa.api.learning.EnrollmentId.of(new UserId(userId),
                new dev.stoa.api.learning.CourseId(courseId)).value();
        return context.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).readEvents(enrollment)
                .asStream().map(m -> m.getPayload()).filter(p -> p instanceof dev.stoa.api.learning.EnrollmentGranted)
                .map(p -> ((dev.stoa.api.learning.EnrollmentGranted) p).paidCents()).toList();
    }

    /** A lamp at 20.00 of 500 g, five in stock: shipped for 4.99 + 1.00 to San Francisco, taxed 7.25 %. */
    private String lamp() {
        String vendor = tokenFor("vendor");
        Map<String, Object> lamp = new HashMap<>(Catalog.product("LMP-" + UUID.randomUUID().toString().substring(0, 8),
                "Lamp", 2_000, null, "Stoa"));
        lamp.put("weightGrams", 500);
        String product = new Catalog(api).create(vendor, lamp);
        assertThat(api.put("/api/v1/products/" + product + "/inventory", Map.of("onHand", 5), vendor).status()).isEqualTo(204);
        return product;
    }

    private Api.Response add(String token, String type, String id, int quantity) {
        return api.post("/api/v1/cart/items", Map.of("itemType", type, "itemId", id, "quantity", quantity), token);
    }

    /** Checks the cart out by card: answers the order id and payment id of the pending order. */
    private String[] cardCheckout(String token) {
        Api.Response placed = api.post("/api/v1/orders", Map.of("paymentMethod", "card"), token,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.body().get("status").asText()).isEqualTo("pending");
        return new String[] {placed.body().get("orderId").asText(), placed.body().at("/payment/paymentId").asText(),
                placed.body().get("totalCents").asText()};
    }

    private void pay(String[] order, String token) {
        Api.Response paid = api.post("/api/v1/payments/" + order[1] + "/sandbox/confirm", Map.of("paymentMethod", "pm_card_visa"), token);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(202);
        awaitOrder(order[0], token, "confirmed");
    }

    private void awaitOrder(String orderId, String token, String status) {
        Await.until(() -> status.equals(api.get("/api/v1/orders/" + orderId, token).body().path("status").asText()),
                Duration.ofSeconds(30), "order " + orderId + " is " + status);
    }

    private JsonNode progress(String courseId, String token) { return api.get("/api/v1/courses/" + courseId + "/progress", token).body(); }

    /** Waits until the student's grants of the course satisfy {@code done}; answers the progress. */
    private JsonNode awaitProgress(String courseId, String token, java.util.function.Predicate<JsonNode> done, String what) {
        Await.until(() -> done.test(progress(courseId, token)), Duration.ofSeconds(30), what);
        return progress(courseId, token);
    }

    @Test
    void mixedCart_paidByCard_enrollsWhenConfirmed_andAnOwnedCourseCannotBeAddedAgain() {
        Course course = courses.published("Pastry", 4_900, 70);
        String product = lamp();
        String[] buyer = buyer();

        assertThat(add(buyer[1], "product", product, 1).status()).isBetween(200, 204);
        Api.Response two = add(buyer[1], "course", course.id(), 2);
        assertThat(two.code()).isEqualTo("validation_failed");
        // the field the rule is about (it was "request" before 2026-12-06, eighth session; found by a walkthrough)
        assertThat(two.body().at("/errors/0/field").asText()).as(two.toString()).isEqualTo("quantity");
        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        Api.Response twice = add(buyer[1], "course", course.id(), 1);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("course_in_cart");
        Await.until(() -> api.get("/api/v1/cart", buyer[1]).body().path("items").size() == 2, Duration.ofSeconds(20), "two lines");
        JsonNode cart = api.get("/api/v1/cart", buyer[1]).body();
        JsonNode courseLine = cart.get("items").get(1);
        assertThat(courseLine.get("itemType").asText()).isEqualTo("course");
        assertThat(courseLine.get("name").asText()).isEqualTo("Pastry");
        assertThat(courseLine.get("unitPriceCents").asLong()).isEqualTo(4_900);
        assertThat(courseLine.get("taxClass").asText()).isEqualTo("course");
        assertThat(courseLine.get("purchasable").asBoolean()).isTrue();
        // US-CA: 7.25 % on the lamp (145), courses untaxed; shipping 4.99 + 1.00 for the started kilogram
        assertThat(cart.get("subtotalCents").asLong()).isEqualTo(6_900);
        assertThat(cart.get("taxCents").asLong()).isEqualTo(145);
        assertThat(cart.get("shippingCents").asLong()).isEqualTo(599);
        assertThat(cart.get("totalCents").asLong()).isEqualTo(7_644);

        String[] order = cardCheckout(buyer[1]);
        assertThat(order[2]).isEqualTo("7644");
        assertThat(api.get("/api/v1/courses/" + course.id() + "/progress", buyer[1]).code())
                .as("not before the order is paid").isEqualTo("purchase_required");
        pay(order, buyer[1]);

        JsonNode enrolled = awaitProgress(course.id(), buyer[1], p -> p.path("grants").size() == 1, "enrolled by the order");
        assertThat(enrolled.get("status").asText()).isEqualTo("active");
        assertThat(enrolled.at("/grants/0/source").asText()).isEqualTo("order");
        assertThat(enrolled.at("/grants/0/reference").asText()).isEqualTo(order[0]);
        assertThat(api.get("/api/v1/users/me/enrollments", buyer[1]).body().at("/items/0/title").asText()).isEqualTo("Pastry");
        assertThat(jdbc.queryForObject("select active from course_access_view where user_id = ? and course_id = ?",
                Boolean.class, buyer[0], course.id())).isTrue();

        // the instructor lists the orders holding their course, with their line alone (403 before the sixth session of
        // 2026-12-07: an instructor read such an order only by an id learnt elsewhere; walkthrough Z24)
        JsonNode sold = api.get("/api/v1/vendors/me/orders", tokenAs(course.instructorId(), "instructor")).body();
        assertThat(sold.get("total").asLong()).as(sold.toString()).isEqualTo(1);
        assertThat(sold.at("/items/0/id").asText()).isEqualTo(order[0]);
        assertThat(sold.at("/items/0/items").size()).as("the lamp is another seller's").isEqualTo(1);
        assertThat(sold.at("/items/0/items/0/courseId").asText()).isEqualTo(course.id());
        assertThat(sold.at("/items/0/items/0/lineTotalCents").asLong()).isEqualTo(4_900);
        assertThat(api.get("/api/v1/vendors/me/orders?status=confirmed", tokenAs(course.instructorId(), "instructor"))
                .body().get("total").asLong()).as("a course has nothing to ship").isZero();
        // and reads it by its id as the list shows it (404 before the same session's next change; walkthrough Z27)
        Api.Response byId = api.get("/api/v1/orders/" + order[0], tokenAs(course.instructorId(), "instructor"));
        assertThat(byId.status()).as(byId.toString()).isEqualTo(200);
        assertThat(byId.body().get("items").size()).isEqualTo(1);
        assertThat(byId.body().at("/items/0/courseId").asText()).isEqualTo(course.id());
        assertThat(byId.body().get("totalCents").isNull()).as("the buyer's total is not the seller's").isTrue();

        Api.Response owned = add(buyer[1], "course", course.id(), 1);
        assertThat(owned.status()).isEqualTo(409);
        assertThat(owned.code()).isEqualTo("course_already_owned");
        Api.Response enrollAgain = api.post("/api/v1/courses/" + course.id() + "/enroll", Map.of("paymentMethod", "wallet"), buyer[1]);
        assertThat(enrollAgain.code()).isEqualTo("course_already_owned");

        // each line's refund gives back what was charged on it: the course its 49.00 (untaxed), the lamp its 20.00 and
        // the 1.45 of tax charged on it, with the shipping as the order's last refund: 76.44 in all
        String admin = tokenFor("admin");
        Api.Response courseRefund = api.post("/api/v1/refunds", Map.of("orderId", order[0], "reason", "not for me",
                "items", List.of(Map.of("itemType", "course", "itemId", course.id(), "quantity", 1))), buyer[1]);
        assertThat(courseRefund.status()).as(courseRefund.toString()).isEqualTo(201);
        Api.Response courseApproved = api.post("/api/v1/refunds/" + courseRefund.body().get("refundId").asText() + "/approve",
                Map.of(), admin);
        assertThat(courseApproved.status()).as(courseApproved.toString()).isEqualTo(200);
        assertThat(courseApproved.body().get("taxCents").asLong()).isZero();
        assertThat(courseApproved.body().get("totalCents").asLong()).isEqualTo(4_900);
        Await.until(() -> !"approved".equals(api.get("/api/v1/refunds/" + courseRefund.body().get("refundId").asText(), admin)
                .body().path("status").asText()), Duration.ofSeconds(30), "the course's refund paid");
        Api.Response lampRefund = api.post("/api/v1/refunds", Map.of("orderId", order[0], "reason", "broken"), buyer[1]);
        assertThat(lampRefund.status()).as(lampRefund.toString()).isEqualTo(201);
        Api.Response lampApproved = api.post("/api/v1/refunds/" + lampRefund.body().get("refundId").asText() + "/approve",
                Map.of(), admin);
        assertThat(lampApproved.status()).as(lampApproved.toString()).isEqualTo(200);
        assertThat(lampApproved.body().get("taxCents").asLong()).isEqualTo(145);
        assertThat(lampApproved.body().get("totalCents").asLong()).isEqualTo(2_000 + 145 + 599);
        // every line refunded, the course's too: nothing of the order is left (before 2026-12-06, seventh session, the
        // course's line was never taken out of the order, which stayed confirmed)
        JsonNode closed = api.get("/api/v1/orders/" + order[0], buyer[1]).body();
        assertThat(closed.get("status").asText()).as(closed.toString()).isEqualTo("cancelled");
    }

    /**
     * The lamp refunded before it shipped, the course kept: nothing is left to ship, so the shipping comes back with the
     * lamp (before 2026-12-07 it came only with the order's last refund, and a buyer who kept the course paid 5.99 for a
     * parcel that never left; found by a walkthrough). The course's own refund later gives back its price alone: the
     * order's refunds add up to its total, to the cent.
     */
    @Test
    void theLampRefundedBeforeItShipped_givesBackTheShipping_whileTheCourseIsKept() {
        Course course = courses.published("Bread", 4_900, 70);
        String product = lamp();
        String[] buyer = buyer();
        assertThat(add(buyer[1], "product", product, 1).status()).isBetween(200, 204);
        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        String[] order = cardCheckout(buyer[1]);
        assertThat(order[2]).isEqualTo("7644");
        pay(order, buyer[1]);

        String admin = tokenFor("admin");
        Api.Response lampRefund = api.post("/api/v1/refunds", Map.of("orderId", order[0], "reason", "not needed",
                "items", List.of(Map.of("itemType", "product", "itemId", product, "quantity", 1))), buyer[1]);
        assertThat(lampRefund.status()).as(lampRefund.toString()).isEqualTo(201);
        Api.Response lampApproved = api.post("/api/v1/refunds/" + lampRefund.body().get("refundId").asText() + "/approve",
                Map.of(), admin);
        assertThat(lampApproved.status()).as(lampApproved.toString()).isEqualTo(200);
        assertThat(lampApproved.body().get("shippingCents").asLong()).as(lampApproved.toString()).isEqualTo(599);
        assertThat(lampApproved.body().get("totalCents").asLong()).isEqualTo(2_000 + 145 + 599);
        Await.until(() -> "refunded".equals(api.get("/api/v1/refunds/" + lampRefund.body().get("refundId").asText(), buyer[1])
                .body().path("status").asText()), Duration.ofSeconds(30), "the lamp's refund paid");
        JsonNode kept = api.get("/api/v1/orders/" + order[0], buyer[1]).body();
        assertThat(kept.get("status").asText()).as("the course is kept: " + kept).isEqualTo("confirmed");
        assertThat(progress(course.id(), buyer[1]).get("status").asText()).isEqualTo("active");

        Api.Response courseRefund = api.post("/api/v1/refunds", Map.of("orderId", order[0], "reason", "not for me"), buyer[1]);
        assertThat(courseRefund.status()).as(courseRefund.toString()).isEqualTo(201);
        Api.Response courseApproved = api.post("/api/v1/refunds/" + courseRefund.body().get("refundId").asText() + "/approve",
                Map.of(), admin);
        assertThat(courseApproved.status()).as(courseApproved.toString()).isEqualTo(200);
        assertThat(courseApproved.body().get("shippingCents").asLong()).as("the shipping came back once").isZero();
        assertThat(courseApproved.body().get("totalCents").asLong()).isEqualTo(4_900);
        assertThat(lampApproved.body().get("totalCents").asLong() + courseApproved.body().get("totalCents").asLong())
                .isEqualTo(7_644);
        awaitOrder(order[0], buyer[1], "cancelled");
        Await.until(() -> api.get("/api/v1/payments/" + order[1], buyer[1]).body().path("refundedCents").asLong() == 7_644,
                Duration.ofSeconds(30), "the card payment refunded whole: " + api.get("/api/v1/payments/" + order[1], buyer[1]));
    }

    /**
     * Between an order's payment and the grant of its courses (in a processor of its own) the buyer has neither a
     * payment hold nor access: the course is refused to a second checkout and to the wallet meanwhile, with nothing
     * charged, and the buyer has it once the grant is in.
     */
    @Test
    void aPaidCourseNotGrantedYet_isNotSoldAgain_byCheckoutOrFromTheWallet() {
        Course course = courses.published("Sauces", 2_500, 70);
        String[] buyer = buyer();
        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        String[] order = cardCheckout(buyer[1]);
        StreamingEventProcessor grants = processing.eventProcessor("course-entitlements", StreamingEventProcessor.class)
                .orElseThrow();
        grants.shutDown();
        try {
            pay(order, buyer[1]);
            assertThat(progress(course.id(), buyer[1]).path("status").asText()).as("not granted yet").isNotEqualTo("active");
            assertThat(add(buyer[1], "course", course.id(), 1).status()).as("the cart takes it").isBetween(200, 204);
            Api.Response again = api.post("/api/v1/orders", Map.of("paymentMethod", "card"), buyer[1],
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(again.status()).as(again.toString()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("course_already_owned");
            Api.Response fromWallet = api.post("/api/v1/courses/" + course.id() + "/enroll", Map.of("paymentMethod", "wallet"),
                    buyer[1]);
            assertThat(fromWallet.status()).as(fromWallet.toString()).isEqualTo(409);
            assertThat(fromWallet.code()).isEqualTo("course_already_owned");
        } finally {
            grants.start();
        }
        JsonNode granted = awaitProgress(course.id(), buyer[1], p -> "active".equals(p.path("status").asText()), "granted");
        assertThat(granted.path("grants").size()).as("one order, one grant").isEqualTo(1);
        Await.until(() -> jdbc.queryForObject("select count(*) from order_course_grant_due where order_id = ?", Long.class,
                order[0]) == 0, Duration.ofSeconds(20), "the order's courses settled");
        assertThat(api.get("/api/v1/users/" + buyer[0] + "/orders", buyer[1]).body().get("total").asLong())
                .as("no second order").isEqualTo(1);
        // granted, the course left the cart it was added back to (it stayed there for sale before 2026-12-06), and it
        // does not go back in
        Await.until(() -> api.get("/api/v1/cart", buyer[1]).body().path("items").isEmpty(), Duration.ofSeconds(20),
                "the owned course left the cart");
        Api.Response owned = add(buyer[1], "course", course.id(), 1);
        assertThat(owned.status()).as(owned.toString()).isEqualTo(409);
        assertThat(owned.code()).isEqualTo("course_already_owned");
    }

    /**
     * One cart makes one order, but a course can go back into the cart while a checkout that took it is still placing
     * its order (no payment hold yet): a second checkout then finds the first one's note and answers 409
     * {@code course_in_pending_order}, places nothing and leaves the cart whole, where before it bought the course a
     * second time. The note here is one of a checkout under way in another request; once it is gone, the course sells.
     */
    @Test
    void aCourseBeingCheckedOutInAnotherRequest_isNotBoughtAgainMeanwhile() {
        Course course = courses.published("Stocks", 2_000, 70);
        String[] buyer = buyer();
        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        String other = OrderId.random().value();
        jdbc.update("insert into checkout_attempt(order_id, buyer_id, products, courses) values (?, ?, '', ?)", other,
                buyer[0], course.id());
        jdbc.update("insert into checkout_course_claim(buyer_id, course_id, order_id) values (?, ?, ?)", buyer[0], course.id(),
                other);
        try {
            Api.Response refused = api.post("/api/v1/orders", Map.of("paymentMethod", "card"), buyer[1],
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("course_in_pending_order");
            assertThat(refused.body().path("detail").asText()).contains("another request of yours");
            assertThat(api.get("/api/v1/cart", buyer[1]).body().get("items").size()).as("the cart kept").isEqualTo(1);
            assertThat(api.get("/api/v1/users/" + buyer[0] + "/orders", buyer[1]).body().get("total").asLong())
                    .as("nothing placed").isZero();
        } finally {
            jdbc.update("delete from checkout_course_claim where order_id = ?", other);
            jdbc.update("delete from checkout_attempt where order_id = ?", other);
        }
        String[] order = cardCheckout(buyer[1]);
        assertThat(order[2]).isEqualTo("2000");
    }

    @Test
    void twoOrdersOfOneCourse_refundOfOneKeepsAccess_progressBlocksTheNextRefund_cancellationOfTheOtherRevokes() {
        Course course = courses.published("Plating", 3_000, 70);
        String[] buyer = buyer();
        String admin = tokenFor("admin");
        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        String[] first = cardCheckout(buyer[1]);
        assertThat(add(buyer[1], "course", course.id(), 1).status()).as("not owned while unpaid").isBetween(200, 204);
        // not bought twice: the first order, unpaid in another tab, would charge it again once both are paid
        Api.Response again = api.post("/api/v1/orders", Map.of("paymentMethod", "card"), buyer[1],
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("course_in_pending_order");
        assertThat(api.get("/api/v1/cart", buyer[1]).body().get("items").size()).as("the cart keeps it").isEqualTo(1);
        assertThat(api.delete("/api/v1/cart", buyer[1]).status()).isBetween(200, 204);
        pay(first, buyer[1]);
        // a second order of it can still be paid: one checked out between the first's payment and its grant (placed here
        // as that checkout leaves it, its payment started as the checkout would)
        OrderId racing = OrderId.random();
        commands.sendAndWait(new PlaceOrder(racing, new UserId(buyer[0]), List.of(new OrderLine(OrderLine.COURSE, course.id(),
                new UserId(course.instructorId()), "Plating", null, 3_000, 1, 3_000, false)),
                new OrderAmounts(3_000, 0, 0, 0, 3_000, "USD"), null, null, PlaceOrder.CARD, null));
        Api.Response started = api.post("/api/v1/payments", Map.of("orderId", racing.value()), buyer[1]);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String[] second = {racing.value(), started.body().get("paymentId").asText(), "3000"};
        pay(second, buyer[1]);
        awaitProgress(course.id(), buyer[1], p -> p.path("grants").size() == 2, "two grants");

        Api.Response asked = api.post("/api/v1/refunds", Map.of("orderId", first[0], "reason", "bought twice",
                "items", List.of(Map.of("itemType", "course", "itemId", course.id(), "quantity", 1))), buyer[1]);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        Api.Response approved = api.post("/api/v1/refunds/" + asked.body().get("refundId").asText() + "/approve", Map.of(), admin);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.body().get("totalCents").asLong()).isEqualTo(3_000);
        // read at once: the approval revoked the grant before it answered (before 2026-12-06, fifth session, a processor
        // did, after the answer, and the approving admin's next read of the course's students often showed it active)
        JsonNode afterRefund = progress(course.id(), buyer[1]);
        assertThat(revokedAt(afterRefund, first[0])).as(afterRefund.toString()).isNotNull();
        assertThat(afterRefund.get("status").asText()).as("the second order keeps the access").isEqualTo("active");
        assertThat(grant(afterRefund, first[0]).get("revokedReason").asText()).isEqualTo("refunded");
        assertThat(revokedAt(afterRefund, second[0])).isNull();
        assertThat(api.get("/api/v1/orders/" + first[0], buyer[1]).body().get("status").asText())
                .as("the first order, refunded whole, is closed").isEqualTo("cancelled");
        assertThat(api.get("/api/v1/orders/" + second[0], buyer[1]).body().get("status").asText()).isEqualTo("confirmed");

        Api.Response lesson = api.post("/api/v1/courses/" + course.id() + "/progress",
                Map.of("lessonId", course.video(), "completed", true), buyer[1]);
        assertThat(lesson.status()).as(lesson.toString()).isEqualTo(200);
        assertThat(lesson.body().get("progressPercent").asInt()).isEqualTo(50);
        Api.Response review = api.post("/api/v1/courses/" + course.id() + "/reviews", Map.of("rating", 5, "comment", "good"),
                buyer[1]);
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        String reviewPath = "/api/v1/courses/" + course.id() + "/reviews/" + review.body().get("reviewId").asText();
        Api.Response tooFar = api.post("/api/v1/refunds", Map.of("orderId", second[0], "reason", "changed my mind"), buyer[1]);
        assertThat(tooFar.status()).as(tooFar.toString()).isEqualTo(422);
        assertThat(tooFar.code()).isEqualTo("refund_not_eligible");
        // nor by cancelling it: the course was delivered when it was paid, so its money comes back only by a refund
        Api.Response buyerCancels = api.post("/api/v1/orders/" + second[0] + "/cancel", Map.of("reason", "changed my mind"), buyer[1]);
        assertThat(buyerCancels.status()).as(buyerCancels.toString()).isEqualTo(409);
        assertThat(buyerCancels.code()).isEqualTo("invalid_transition");
        assertThat(api.get("/api/v1/orders/" + second[0], buyer[1]).body().get("status").asText()).isEqualTo("confirmed");
        assertThat(progress(course.id(), buyer[1]).get("status").asText()).as("still enrolled").isEqualTo("active");

        Api.Response cancelled = api.post("/api/v1/orders/" + second[0] + "/cancel", Map.of("reason", "chargeback"), admin);
        assertThat(cancelled.status()).as(cancelled.toString()).isBetween(200, 204);
        JsonNode revoked = progress(course.id(), buyer[1]); // at once, as the approval's
        assertThat(revoked.get("status").asText()).as(revoked.toString()).isEqualTo("revoked");
        assertThat(grant(revoked, second[0]).get("revokedReason").asText()).isEqualTo("cancelled");
        Api.Response students = api.get("/api/v1/courses/" + course.id() + "/enrollments", admin);
        assertThat(students.body().at("/items/0/status").asText()).as(students.toString()).isEqualTo("revoked");
        assertThat(students.body().get("revoked").asLong()).isEqualTo(1);
        Api.Response blocked = api.post("/api/v1/courses/" + course.id() + "/progress",
                Map.of("lessonId", course.quiz(), "quizAnswers", PublishedCourses.RIGHT), buyer[1]);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.code()).isEqualTo("enrollment_revoked");
        // the lesson's content says the same (it said purchase_required: "enroll in the course")
        String content = "/api/v1/courses/" + course.id() + "/lessons/" + course.quiz() + "/content";
        dev.stoa.app.support.Await.until(() -> "enrollment_revoked".equals(api.get(content, buyer[1]).code()),
                java.time.Duration.ofSeconds(20), "the content refused as revoked");
        assertThat(api.get(content, buyer[1]).status()).isEqualTo(403);
        assertThat(api.get(content, buyer()[1]).code()).as("never enrolled").isEqualTo("purchase_required");
        assertThat(api.get("/api/v1/users/me/enrollments", buyer[1]).body().at("/items/0/status").asText()).isEqualTo("revoked");
        assertThat(jdbc.queryForObject("select active from course_access_view where user_id = ? and course_id = ?",
                Boolean.class, buyer[0], course.id())).isFalse();
        // no longer a student: the review leaves the course's reviews and rating (before 2026-12-06 its five stars
        // stayed, and the student could only delete it; before that, even rewrite it after the money came back)
        dev.stoa.app.support.Await.until(() -> api.get("/api/v1/courses/" + course.id() + "/reviews").body().get("total")
                .asLong() == 0, java.time.Duration.ofSeconds(20), "the review withdrawn");
        assertThat(api.get("/api/v1/courses/" + course.id()).body().get("rating").get("count").asLong()).isZero();
        Api.Response rewritten = api.put(reviewPath, Map.of("rating", 1, "comment", "bad"), buyer[1]);
        assertThat(rewritten.status()).as(rewritten.toString()).isEqualTo(404);
        assertThat(api.delete(reviewPath, buyer[1]).status()).as("gone already").isEqualTo(404);
        assertThat(add(buyer[1], "course", course.id(), 1).status()).as("may be bought again").isBetween(200, 204);
    }

    /**
     * A certificate stands for access the student paid for: once the order that gave the course is cancelled (or
     * refunded), its verification says revoked and its PDF is no longer given out; bought again, it holds again.
     */
    @Test
    void aCompletedCourseWhoseOrderIsCancelled_hasItsCertificateRevoked_andBoughtAgainValidAgain() throws InterruptedException {
        Course course = courses.published("Knife skills", 2_000, 50);
        String[] buyer = buyer();
        String admin = tokenFor("admin");
        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        String[] order = cardCheckout(buyer[1]);
        pay(order, buyer[1]);
        awaitProgress(course.id(), buyer[1], p -> "active".equals(p.path("status").asText()), "enrolled");
        assertThat(api.post("/api/v1/courses/" + course.id() + "/progress", Map.of("lessonId", course.video(), "completed", true),
                buyer[1]).status()).isEqualTo(200);
        Api.Response passed = api.post("/api/v1/courses/" + course.id() + "/progress",
                Map.of("lessonId", course.quiz(), "quizAnswers", PublishedCourses.RIGHT), buyer[1]);
        assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
        String certificate = passed.body().get("certificateId").asText();
        String verify = "/api/v1/certificates/" + certificate;
        Await.until(() -> api.get(verify).status() == 200, Duration.ofSeconds(20), "the certificate is verifiable");
        assertThat(api.get(verify).body().get("valid").asBoolean()).isTrue();
        assertThat(api.get(verify).body().get("revokedAt").isNull()).isTrue();
        assertThat(api.get(verify + "/pdf").status()).isEqualTo(200);
        // the student is told of the certificate, and where anyone checks it (nothing told them before 2026-12-07, Z33)
        String email = emailOf(buyer[0]);
        Mailbox mailbox = new Mailbox(api);
        JsonNode issued = mailbox.await(email, "Your certificate for");
        assertThat(issued.get("subject").asText()).contains("Knife skills");
        assertThat(issued.get("text").asText()).contains(certificate, verify, verify + "/pdf");

        Api.Response cancelled = api.post("/api/v1/orders/" + order[0] + "/cancel", Map.of("reason", "chargeback"), admin);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        Await.until(() -> !api.get(verify).body().path("valid").asBoolean(true), Duration.ofSeconds(20), "the certificate is revoked");
        // and that the course and its certificate are gone with the order (the mails said the money only, Z33)
        JsonNode ended = mailbox.await(email, "has ended");
        assertThat(ended.get("subject").asText()).contains("Your access to", "Knife skills");
        assertThat(ended.get("text").asText()).contains("the order it came with was cancelled", "certificate " + certificate,
                "no longer valid");
        JsonNode revoked = api.get(verify).body();
        assertThat(revoked.get("revokedAt").asText()).isNotEmpty();
        assertThat(revoked.get("courseId").asText()).as("still answers what it was").isEqualTo(course.id());
        Api.Response pdf = api.get(verify + "/pdf");
        assertThat(pdf.status()).isEqualTo(410);
        assertThat(pdf.code()).isEqualTo("certificate_revoked");

        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        pay(cardCheckout(buyer[1]), buyer[1]);
        Await.until(() -> api.get(verify).body().path("valid").asBoolean(false), Duration.ofSeconds(20), "valid again");
        assertThat(api.get(verify).body().get("revokedAt").isNull()).isTrue();
        assertThat(api.get(verify + "/pdf").status()).isEqualTo(200);
    }

    /**
     * A course with a 100 % coupon costs nothing: the order is confirmed at once, paid by no card and no debit (a wallet
     * holding nothing is enough), and the course is granted. Before, the checkout asked the wallet for a debit of 0 (400)
     * or Stripe for an intent of 0, so such a cart could never be checked out.
     */
    @Test
    void aCourseWithAHundredPercentCoupon_isConfirmedWithoutPayment_byWalletOrCard_andGranted() {
        Course course = courses.published("Stocks and broths", 3_500, 50);
        String admin = tokenFor("admin");
        String code = ("FREE" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase();
        assertThat(api.post("/api/v1/admin/coupons", Map.of("code", code, "percentOff", 100, "currency", "USD"), admin).status())
                .isEqualTo(201);
        for (String method : List.of("wallet", "card")) {
            String[] buyer = buyer();
            assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
            assertThat(api.post("/api/v1/cart/coupon", Map.of("code", code), buyer[1]).status()).isBetween(200, 204);
            Api.Response placed = api.post("/api/v1/orders", Map.of("paymentMethod", method), buyer[1],
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(placed.status()).as(method + ": " + placed).isEqualTo(201);
            assertThat(placed.body().get("status").asText()).isEqualTo("confirmed");
            assertThat(placed.body().get("discountCents").asLong()).isEqualTo(3_500);
            assertThat(placed.body().get("totalCents").asLong()).isZero();
            assertThat(placed.body().at("/payment/clientSecret").isNull()).as("nothing to pay by card").isTrue();
            awaitProgress(course.id(), buyer[1], p -> "active".equals(p.path("status").asText()), method + ": enrolled");
            assertThat(api.get("/api/v1/wallet", buyer[1]).body().path("balanceCents").asLong()).isZero();
            // the grant records what was paid: nothing (it recorded the list price, 35.00)
            assertThat(grantsPaid(buyer[0], course.id())).as(method).containsExactly(0L);
            // the payment id the checkout answered can be read (it was 400: not a UUID)
            String paymentId = placed.body().at("/payment/paymentId").asText();
            assertThat(paymentId).isEqualTo("free-" + placed.body().get("orderId").asText());
            assertThat(placed.body().at("/payment/method").asText()).as("paid by nothing, as the payment reads")
                    .isEqualTo("free");
            Api.Response payment = api.send("GET", "/api/v1/payments/" + paymentId, null, null, buyer[1],
                    Map.of("X-Stoa-Min-Position", placed.header("X-Stoa-Position")));
            assertThat(payment.status()).as(payment.toString()).isEqualTo(200);
            assertThat(payment.body().get("status").asText()).isEqualTo("captured");
            assertThat(payment.body().get("amountCents").asLong()).isZero();
            // the order says so too (it read the method asked for before 2026-12-06, seventh session)
            assertThat(api.get("/api/v1/orders/" + placed.body().get("orderId").asText(), buyer[1]).body()
                    .get("paymentMethod").asText()).as(method).isEqualTo("free");
            assertThat(api.get("/api/v1/payments/wallet-" + placed.body().get("orderId").asText(), buyer[1]).status())
                    .as("not a wallet debit").isEqualTo(404);
            assertThat(api.get("/api/v1/payments/" + paymentId, buyer()[1]).status()).as("another's").isEqualTo(404);
            Api.Response refund = api.post("/api/v1/payments/" + paymentId + "/refund", Map.of("amountCents", 1, "reason", "x"),
                    tokenFor("admin"));
            assertThat(refund.status()).as("nothing was paid: " + refund).isEqualTo(409);
            assertThat(refund.body().get("detail").asText()).contains("cost nothing");
            // a refund request of it reads as its order does: paid by nothing (it read the method asked for, "wallet"
            // even for a card checkout's, before 2026-12-07; walkthrough Z23)
            Api.Response requested = api.post("/api/v1/refunds", Map.of("orderId", placed.body().get("orderId").asText(),
                    "reason", "not for me"), buyer[1]);
            assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
            String refundId = requested.body().get("refundId").asText();
            Api.Response approved = api.post("/api/v1/refunds/" + refundId + "/approve", Map.of(), admin);
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            JsonNode shown = api.get("/api/v1/refunds/" + refundId, buyer[1]).body();
            assertThat(shown.get("paymentMethod").asText()).as(shown.toString()).isEqualTo("free");
            assertThat(shown.get("totalCents").asLong()).isZero();
        }
    }

    /**
     * A card payment below Stripe's smallest charge (0.50 USD) is refused by the sandbox as Stripe refuses it
     * (amount_too_small): 422 payment_failed, as a deployment answers; the sandbox took it before.
     */
    @Test
    void aCardPaymentBelowStripesSmallestCharge_isRefusedByTheSandboxToo() throws InterruptedException {
        Course course = courses.published("Salt", 30, 50);
        String[] buyer = buyer();
        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        long total = api.get("/api/v1/cart", buyer[1]).body().get("totalCents").asLong();
        assertThat(total).as("the cart's total is under 0.50 USD").isPositive().isLessThan(50);
        Api.Response placed = api.post("/api/v1/orders", Map.of("paymentMethod", "card"), buyer[1],
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(422);
        assertThat(placed.code()).isEqualTo("payment_failed");
        assertThat(placed.body().get("detail").asText()).contains("amount_too_small");
        assertThat(api.get("/api/v1/cart", buyer[1]).body().get("items")).as("the cart kept").hasSize(1);
        // the order it placed and cancelled is mailed in words (the mail read "cancelled: payment_failed" before
        // 2026-12-07; walkthrough Z9)
        String text = new dev.stoa.app.support.Mailbox(api).await("learner-" + buyer[0].substring(0, 8) + "@example.org",
                "was cancelled").get("text").asText();
        assertThat(text).contains("its card payment could not be started, and nothing was charged")
                .doesNotContain("payment_failed");
    }

    /** Asked for at 0 %, then half the course watched while the request waited: the approval is refused, access stays. */
    @Test
    void aCourseRefundAskedForEarly_butTheStudentWentOnBeforeTheApproval_isNotApproved() {
        Course course = courses.published("Emulsions", 2_200, 50);
        String[] buyer = buyer();
        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        String[] order = cardCheckout(buyer[1]);
        pay(order, buyer[1]);
        awaitProgress(course.id(), buyer[1], p -> "active".equals(p.path("status").asText()), "enrolled");
        assertThat(grantsPaid(buyer[0], course.id())).as("what the order charged for it, tax included")
                .containsExactly(Long.parseLong(order[2]));
        Api.Response asked = api.post("/api/v1/refunds", Map.of("orderId", order[0], "reason", "not for me"), buyer[1]);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/courses/" + course.id() + "/progress", Map.of("lessonId", course.video(), "completed", true),
                buyer[1]).body().get("progressPercent").asInt()).isEqualTo(50);

        Api.Response approved = api.post("/api/v1/refunds/" + asked.body().get("refundId").asText() + "/approve", Map.of(),
                tokenFor("support"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(422);
        assertThat(approved.code()).isEqualTo("refund_not_eligible");
        assertThat(progress(course.id(), buyer[1]).get("status").asText()).isEqualTo("active");
    }

    /**
     * What a student read counts against a refund as what they marked complete: a buyer who opened half the course's
     * lessons and completed none is not refunded, whether they ask after reading or read while the request waits. The
     * instructor's own reading records nothing for anyone.
     */
    @Test
    void aCourseWhoseLessonsTheBuyerRead_isNotRefunded_thoughNoneWasMarkedComplete() {
        Course course = courses.published("Confit", 2_400, 50);
        String instructor = tokenAs(course.instructorId(), "instructor");
        assertThat(api.get(content(course, course.video()), instructor).status()).isEqualTo(200);

        String[] reader = buyer();
        assertThat(add(reader[1], "course", course.id(), 1).status()).isBetween(200, 204);
        String[] order = cardCheckout(reader[1]);
        pay(order, reader[1]);
        awaitProgress(course.id(), reader[1], p -> "active".equals(p.path("status").asText()), "enrolled");
        Api.Response head = api.send("HEAD", content(course, course.quiz()), null, null, reader[1], Map.of());
        assertThat(head.status()).as("a HEAD sends no content, and records no opening").isEqualTo(200);
        Api.Response read = api.get(content(course, course.video()), reader[1]);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body().get("type").asText()).isEqualTo("video");
        assertThat(read.body().get("url").asText()).isNotBlank();
        assertThat(api.get(content(course, course.video()), reader[1]).status()).as("read again").isEqualTo(200);
        Api.Response asked = api.post("/api/v1/refunds", Map.of("orderId", order[0], "reason", "not for me"), reader[1]);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(422);
        assertThat(asked.code()).isEqualTo("refund_not_eligible");
        assertThat(asked.body().get("detail").asText()).contains("50% of its lessons opened or completed");
        // the opening is a GET (no X-Stoa-Position): its read model is awaited
        JsonNode progress = awaitProgress(course.id(), reader[1], p -> p.path("openedLessons").size() > 0, "the opening shown");
        assertThat(progress.get("openedLessons")).extracting(JsonNode::asText).as("the video; not the quiz asked by HEAD")
                .containsExactly(course.video());
        assertThat(progress.get("progressPercent").asInt()).as("progress counts completions only").isZero();
        assertThat(progress.get("status").asText()).isEqualTo("active");

        String[] waiting = buyer(); // asks at 0 %, then reads the quiz before the approval
        assertThat(add(waiting[1], "course", course.id(), 1).status()).isBetween(200, 204);
        String[] second = cardCheckout(waiting[1]);
        pay(second, waiting[1]);
        awaitProgress(course.id(), waiting[1], p -> "active".equals(p.path("status").asText()), "enrolled");
        Api.Response early = api.post("/api/v1/refunds", Map.of("orderId", second[0], "reason", "not for me"), waiting[1]);
        assertThat(early.status()).as(early.toString()).isEqualTo(201);
        Api.Response quiz = api.get(content(course, course.quiz()), waiting[1]);
        assertThat(quiz.status()).as(quiz.toString()).isEqualTo(200);
        assertThat(quiz.body().get("questions")).isNotEmpty();
        Api.Response approved = api.post("/api/v1/refunds/" + early.body().get("refundId").asText() + "/approve", Map.of(),
                tokenFor("support"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(422);
        assertThat(approved.code()).isEqualTo("refund_not_eligible");
        assertThat(progress(course.id(), waiting[1]).get("status").asText()).isEqualTo("active");
    }

    private static String content(Course course, String lessonId) {
        return "/api/v1/courses/" + course.id() + "/lessons/" + lessonId + "/content";
    }

    /**
     * An admin refunds a course order's card payment whole, outside a refund request: the order paid nothing in the
     * end, so its course is revoked too (a refund that forgot the course's access would give it away).
     */
    @Test
    void aCourseOrdersPaymentRefundedWholeByAnAdmin_revokesTheCourse() throws InterruptedException {
        Course course = courses.published("Braising", 2_700, 50);
        String[] buyer = buyer();
        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        String[] order = cardCheckout(buyer[1]);
        pay(order, buyer[1]);
        awaitProgress(course.id(), buyer[1], p -> "active".equals(p.path("status").asText()), "enrolled");

        Api.Response refunded = api.post("/api/v1/payments/" + order[1] + "/refund",
                Map.of("amountCents", Long.parseLong(order[2]), "reason", "goodwill"), tokenFor("admin"));
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(202);
        JsonNode revoked = awaitProgress(course.id(), buyer[1], p -> "revoked".equals(p.path("status").asText()), "access revoked");
        assertThat(grant(revoked, order[0]).get("revokedReason").asText()).isEqualTo("refunded");
        String told = new Mailbox(api).await(emailOf(buyer[0]), "has ended").get("text").asText();
        assertThat(told).contains("Braising", "its payment was refunded").doesNotContain("certificate");
    }

    @Test
    void anOrderCancelledBeforePayment_neverGrants() {
        Course course = courses.published("Sauces", 2_500, 70);
        String[] buyer = buyer();
        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        String[] order = cardCheckout(buyer[1]);
        Api.Response cancelled = api.post("/api/v1/orders/" + order[0] + "/cancel", null, buyer[1]);
        assertThat(cancelled.status()).as(cancelled.toString()).isBetween(200, 204);
        awaitOrder(order[0], buyer[1], "cancelled");
        assertThat(api.get("/api/v1/courses/" + course.id() + "/progress", buyer[1]).code()).isEqualTo("purchase_required");
        assertThat(add(buyer[1], "course", course.id(), 1).status()).as("not owned").isBetween(200, 204);
    }

    /**
     * The cart takes a course back while its card order waits for the payment (which may fail, and the course be bought
     * again); once the payment confirms the order, the course, now the buyer's, leaves the cart. Before 2026-12-06
     * (sixth session) it stayed there priced and for sale, and the checkout refused it (course_already_owned).
     */
    @Test
    void aCourseAddedBackWhileItsCardOrderWaited_leavesTheCartOnceThePaymentGrantsIt() {
        Course course = courses.published("Breads", 2_599, 70);
        String[] buyer = buyer();
        assertThat(add(buyer[1], "course", course.id(), 1).status()).isBetween(200, 204);
        String[] order = cardCheckout(buyer[1]);
        assertThat(add(buyer[1], "course", course.id(), 1).status()).as("not owned yet").isBetween(200, 204);
        assertThat(api.get("/api/v1/cart", buyer[1]).body().get("totalCents").asLong()).isEqualTo(2_599);

        pay(order, buyer[1]);
        awaitProgress(course.id(), buyer[1], p -> "active".equals(p.path("status").asText()), "enrolled");
        Await.until(() -> api.get("/api/v1/cart", buyer[1]).body().path("items").isEmpty(), Duration.ofSeconds(20),
                "the course left the cart");
        JsonNode cart = api.get("/api/v1/cart", buyer[1]).body();
        assertThat(cart.get("totalCents").asLong()).isZero();
        Api.Response again = add(buyer[1], "course", course.id(), 1);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("course_already_owned");
    }

    private static JsonNode grant(JsonNode progress, String reference) {
        for (JsonNode g : progress.path("grants")) if (reference.equals(g.path("reference").asText())) return g;
        return null;
    }

    private static String revokedAt(JsonNode progress, String reference) {
        JsonNode g = grant(progress, reference);
        return g == null || g.path("revokedAt").isNull() || g.path("revokedAt").isMissingNode() ? null : g.get("revokedAt").asText();
    }
}
