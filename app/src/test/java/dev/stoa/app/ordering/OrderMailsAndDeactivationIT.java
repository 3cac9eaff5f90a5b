package dev.stoa.app.ordering;

import static dev.stoa.app.ordering.Orders.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.wallet.DebitWallet;
import dev.stoa.api.wallet.TopUpWallet;
import dev.stoa.api.wallet.VoucherId;
import dev.stoa.api.ordering.ConfirmOrder;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import java.time.Duration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import dev.stoa.app.support.Mailbox;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The buyer's mails (confirmed, shipped with tracking, cancelled), and a deactivated buyer's pending orders cancelled. */
class OrderMailsAndDeactivationIT extends ApiTest {
    @Autowired
    CommandGateway gateway;
    @Autowired
    JdbcTemplate jdbc;

    private static final String HASH = new BCryptPasswordEncoder(4).encode("correct horse 42");

    private record Buyer(String id, String email) {}

    private Buyer registeredBuyer() {
        UserId id = UserId.random();
        String email = unique("buyer") + "@example.org";
        gateway.sendAndWait(new RegisterUser(id, email, HASH, "Ada",
                "Lovelace", null, Set.of("customer"), true));
        return new Buyer(id.value(), email);
    }

    /**
     * Each vendor of a paid order is mailed their own lines to ship, once, and nothing of the buyer's; a vendor with no
     * line in it gets nothing. Before 2026-12-06 (ninth session) no vendor was mailed (found by a walkthrough).
     */
    @Test
    void eachVendorIsMailedTheirOwnLinesToShip_once_andNothingOfTheBuyers() throws Exception {
        Buyer buyer = registeredBuyer();
        Buyer lamps = account("vendor"), shades = account("vendor"), idle = account("vendor"), fonts = account("vendor");
        Mailbox mailbox = new Mailbox(api);
        dev.stoa.api.ordering.OrderLine ebook = new dev.stoa.api.ordering.OrderLine(
                dev.stoa.api.ordering.OrderLine.PRODUCT, UUID.randomUUID().toString(), new UserId(lamps.id()),
                "Lamp manual", "SKU-MANUAL", 500, 1, 500, false);
        dev.stoa.api.ordering.OrderLine font = new dev.stoa.api.ordering.OrderLine(
                dev.stoa.api.ordering.OrderLine.PRODUCT, UUID.randomUUID().toString(), new UserId(fonts.id()),
                "Serif font", "SKU-FONT", 900, 1, 900, false);
        OrderId id = Orders.place(gateway, buyer.id(), List.of(Orders.product(lamps.id(), "Lamp", 3_000, 2),
                Orders.product(shades.id(), "Shade", 1_500, 1), ebook, font));
        String number = awaitStatus(api, id, tokenAs(buyer.id(), "customer"), "pending").body().get("orderNumber").asText();
        assertThat(toShip(mailbox, lamps)).as("nothing before the payment").isEmpty();

        gateway.sendAndWait(new ConfirmOrder(id, "debit-" + id));
        JsonNode toLamps = mailbox.await(lamps.email(), "is paid");
        // the manual, digital beside the lamps, comes with the order: not the vendor's to ship (it was counted "3 units
        // to ship" before 2026-12-07; walkthrough Z19)
        assertThat(toLamps.get("subject").asText()).isEqualTo("Order " + number + " is paid: 2 units to ship");
        String lampsText = toLamps.get("text").asText();
        assertThat(lampsText).contains("- 2 x Lamp (SKU SKU-LAMP)", "Sold with the order, nothing to ship",
                        "- 1 x Lamp manual (SKU SKU-MANUAL, digital)")
                .doesNotContain("Shade", "Lovelace", "leave at the door", Orders.ADDRESS.streetLine1(), buyer.email());
        assertThat(lampsText.indexOf("nothing to ship")).isLessThan(lampsText.indexOf("Lamp manual"));
        JsonNode toShades = mailbox.await(shades.email(), "is paid");
        assertThat(toShades.get("subject").asText()).endsWith("1 unit to ship");
        assertThat(toShades.get("text").asText()).contains("- 1 x Shade (SKU SKU-SHADE)").doesNotContain("Lamp");
        // a vendor with a digital line only has nothing to ship, and is not sent for an address it is not shown (the
        // mail read "The address and what is left to ship" before 2026-12-07; walkthrough Z39)
        JsonNode toFonts = mailbox.await(fonts.email(), "is paid");
        assertThat(toFonts.get("subject").asText()).endsWith("nothing to ship");
        assertThat(toFonts.get("text").asText()).contains("- 1 x Serif font (SKU SKU-FONT, digital)", "The order: ")
                .doesNotContain("The address", "to ship at");
        mailbox.await(buyer.email(), "is confirmed");

        Thread.sleep(500); // anything sent twice would be here by now
        assertThat(toShip(mailbox, lamps)).hasSize(1);
        assertThat(toShip(mailbox, shades)).hasSize(1);
        assertThat(toShip(mailbox, idle)).isEmpty();
        assertThat(mailbox.all(buyer.email())).noneMatch(m -> m.get("subject").asText().contains("to ship"));

        // the lamps ship; then an admin cancels the order: the shades' vendor is told not to ship theirs (before
        // 2026-12-07 no vendor heard of a cancellation; walkthrough Z9), the lamps' vendor of their manual left
        assertThat(api.put("/api/v1/orders/" + id + "/status", Map.of("status", "shipped", "trackingNumber", "TRK-LAMPS"),
                tokenAs(lamps.id(), "vendor")).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "buyer asked by phone"), tokenFor("admin"))
                .status()).isEqualTo(204);
        JsonNode stopShades = mailbox.await(shades.email(), "was cancelled");
        assertThat(stopShades.get("subject").asText()).isEqualTo("Order " + number + " was cancelled: do not ship it");
        assertThat(stopShades.get("text").asText()).contains("- 1 x Shade (SKU SKU-SHADE)")
                .doesNotContain("Lamp", "Lovelace", "buyer asked by phone", Orders.ADDRESS.streetLine1(), buyer.email());
        assertThat(stopShades.get("text").asText()).contains("Do not ship").doesNotContain("nothing to ship");
        // the lamps' vendor has only the digital manual left: cancelled with the order, nothing to stop (it read "do not
        // ship it" before 2026-12-07 evening; walkthrough Z22)
        JsonNode stopLamps = mailbox.await(lamps.email(), "was cancelled");
        assertThat(stopLamps.get("subject").asText()).isEqualTo("Order " + number + " was cancelled");
        String lampsCancelled = stopLamps.get("text").asText();
        assertThat(lampsCancelled).as("shipped lines are not listed")
                .contains("Cancelled with the order, nothing to ship (digital):", "- 1 x Lamp manual (SKU SKU-MANUAL, digital)")
                .doesNotContain("- 2 x Lamp (", "Do not ship", "back on hand");
        assertThat(lampsCancelled.indexOf("nothing to ship")).isLessThan(lampsCancelled.indexOf("Lamp manual"));
        assertThat(mailbox.all(idle.email())).isEmpty();
    }

    /**
     * A refund that takes a vendor's units back before they ship tells that vendor to ship fewer, their lines only.
     * Before 2026-12-07 only their own attempt to ship told them, 409 "nothing left to ship" (walkthroughs Z9, Z10).
     */
    @Test
    void aVendorIsMailedWhenARefundTakesTheirUnitsBackBeforeShipping() throws Exception {
        TwoVendors order = paidOrderOfTwoVendors();
        Buyer buyer = order.buyer(), lamps = order.lamps(), shades = order.shades();
        Mailbox mailbox = new Mailbox(api);
        String number = order.number();
        mailbox.await(lamps.email(), "is paid");

        refundTwoLamps(order);
        JsonNode fewer = mailbox.await(lamps.email(), "ship fewer units");
        assertThat(fewer.get("subject").asText()).isEqualTo("Order " + number + ": ship fewer units, a refund took some back");
        assertThat(fewer.get("text").asText()).contains("- 2 x Lamp (SKU SKU-LAMP)")
                .doesNotContain("Shade", "Lovelace", Orders.ADDRESS.streetLine1(), buyer.email());
        Thread.sleep(300);
        assertThat(mailbox.all(shades.email())).noneMatch(m -> m.get("subject").asText().contains("fewer"));
    }

    /**
     * A refund that pays back units that had shipped tells their vendor they are coming back, their lines only, and the
     * order shows them as sentBackQuantity to the buyer and the vendor. Before 2026-12-07 neither heard or saw anything:
     * the vendor's stock rose when the return was received (walkthrough Z21).
     */
    @Test
    void aVendorIsMailedWhenARefundPaysBackUnitsThatShipped_andTheOrderShowsThemSentBack() throws Exception {
        TwoVendors order = paidOrderOfTwoVendors();
        Buyer buyer = order.buyer(), lamps = order.lamps(), shades = order.shades();
        Mailbox mailbox = new Mailbox(api);
        OrderId id = order.id();
        String number = order.number();
        assertThat(api.put("/api/v1/orders/" + id + "/status", Map.of("status", "shipped", "trackingNumber", "1Z1"),
                tokenAs(lamps.id(), "vendor")).status()).isEqualTo(204);

        refundTwoLamps(order);
        JsonNode back = mailbox.await(lamps.email(), "coming back");
        assertThat(back.get("subject").asText()).isEqualTo("Order " + number + ": units you shipped were refunded and are coming back");
        assertThat(back.get("text").asText()).contains("- 2 x Lamp (SKU SKU-LAMP)")
                .doesNotContain("Shade", "Lovelace", Orders.ADDRESS.streetLine1(), buyer.email());
        Await.until(() -> api.get("/api/v1/orders/" + id, tokenAs(buyer.id(), "customer")).body()
                .at("/items/0/sentBackQuantity").asInt() > 0, Duration.ofSeconds(20), "the read model has the refund");
        for (String reader : List.of(tokenAs(buyer.id(), "customer"), tokenAs(lamps.id(), "vendor"))) {
            JsonNode line = api.get("/api/v1/orders/" + id, reader).body().get("items").get(0);
            assertThat(line.get("sentBackQuantity").asInt()).as(line.toString()).isEqualTo(2);
            assertThat(line.get("withdrawnQuantity").asInt()).isZero();
        }
        Thread.sleep(300);
        assertThat(mailbox.all(shades.email())).noneMatch(m -> m.get("subject").asText().contains("coming back"));
        assertThat(mailbox.all(lamps.email())).noneMatch(m -> m.get("subject").asText().contains("fewer"));
    }

    /** A paid order of three lamps from one vendor and a shade from another, all three of them with accounts. */
    private record TwoVendors(Buyer buyer, Buyer lamps, Buyer shades, dev.stoa.api.ordering.OrderLine lamp, OrderId id,
                              String number) {}

    private TwoVendors paidOrderOfTwoVendors() {
        Buyer buyer = registeredBuyer();
        Buyer lamps = account("vendor"), shades = account("vendor");
        dev.stoa.api.ordering.OrderLine lamp = Orders.product(lamps.id(), "Lamp", 3_000, 3);
        OrderId id = Orders.place(gateway, buyer.id(), List.of(lamp, Orders.product(shades.id(), "Shade", 1_500, 1)));
        String number = awaitStatus(api, id, tokenAs(buyer.id(), "customer"), "pending").body().get("orderNumber").asText();
        gateway.sendAndWait(new ConfirmOrder(id, "debit-" + id));
        return new TwoVendors(buyer, lamps, shades, lamp, id, number);
    }

    /** An approved refund request's two lamps, as the approval hands them to the order. */
    private void refundTwoLamps(TwoVendors order) {
        gateway.sendAndWait(new dev.stoa.api.ordering.WithdrawRefundedUnits(order.id(), UUID.randomUUID().toString(),
                List.of(new dev.stoa.api.ordering.WithdrawnUnits(order.lamp().itemId(), 2))));
    }

    private static List<JsonNode> toShip(Mailbox mailbox, Buyer vendor) {
        return mailbox.all(vendor.email()).stream().filter(m -> m.get("subject").asText().contains("to ship")).toList();
    }

    private Buyer account(String role) {
        UserId id = UserId.random();
        String email = unique(role) + "@example.org";
        gateway.sendAndWait(new RegisterUser(id, email, HASH, "Vera", "Vendor", null, Set.of(role), true));
        return new Buyer(id.value(), email);
    }

    /**
     * Two vendors: the first parcel mails the buyer what is on its way and its tracking number; the last one mails that
     * the order has shipped, as before, and no parcel mail of its own. Before 2026-12-07 the buyer heard nothing until the
     * last vendor shipped.
     */
    @Test
    void eachParcelButTheLastMailsTheBuyerWhatIsOnItsWay() throws Exception {
        Buyer buyer = registeredBuyer();
        String token = tokenAs(buyer.id(), "customer");
        String lamps = UUID.randomUUID().toString(), shades = UUID.randomUUID().toString();
        Mailbox mailbox = new Mailbox(api);
        OrderId id = Orders.place(gateway, buyer.id(), List.of(Orders.product(lamps, "Lamp", 3_000, 2),
                Orders.product(shades, "Shade", 1_500, 1)));
        String number = awaitStatus(api, id, token, "pending").body().get("orderNumber").asText();
        gateway.sendAndWait(new ConfirmOrder(id, "debit-" + id));
        mailbox.await(buyer.email(), "is confirmed");

        assertThat(api.put("/api/v1/orders/" + id + "/status", Map.of("status", "shipped", "trackingNumber", "1Z-LAMPS"),
                tokenAs(lamps, "vendor")).status()).isEqualTo(204);
        JsonNode parcel = mailbox.await(buyer.email(), "is on its way");
        assertThat(parcel.get("subject").asText()).isEqualTo("Part of your order " + number + " is on its way");
        assertThat(parcel.get("text").asText()).contains("- 2 x Lamp", "Tracking number: 1Z-LAMPS").doesNotContain("Shade");

        assertThat(api.put("/api/v1/orders/" + id + "/status", Map.of("status", "shipped", "trackingNumber", "1Z-SHADE"),
                tokenAs(shades, "vendor")).status()).isEqualTo(204);
        assertThat(mailbox.await(buyer.email(), "has shipped").get("text").asText()).contains("1Z-LAMPS, 1Z-SHADE");
        Thread.sleep(500); // a parcel mail for the last one would be here by now
        assertThat(mailbox.all(buyer.email()).stream().filter(m -> m.get("subject").asText().contains("on its way")))
                .hasSize(1);
    }

    @Test
    void theBuyerIsMailedTheConfirmationTheShipmentWithTrackingAndTheCancellation_once() throws Exception {
        Buyer buyer = registeredBuyer();
        String token = tokenAs(buyer.id(), "customer");
        String vendor = UUID.randomUUID().toString();
        Mailbox mailbox = new Mailbox(api);
        OrderId id = Orders.place(gateway, buyer.id(), List.of(Orders.product(vendor, "Lamp", 3_000, 1)));
        String number = awaitStatus(api, id, token, "pending").body().get("orderNumber").asText();

        gateway.sendAndWait(new ConfirmOrder(id, "debit-" + id));
        JsonNode confirmation = mailbox.await(buyer.email(), "is confirmed");
        assertThat(confirmation.get("subject").asText()).contains(number);
        // 30.00 - 5.00 + 2.50 tax + 4.99 shipping
        assertThat(confirmation.get("text").asText()).contains("32.49 USD");

        assertThat(api.put("/api/v1/orders/" + id + "/status", Map.of("status", "shipped", "trackingNumber", "1Z-LAMP-77"),
                tokenAs(vendor, "vendor")).status()).isEqualTo(204);
        assertThat(mailbox.find(buyer.email(), "has shipped", "Tracking number: (\\S+)")).isEqualTo("1Z-LAMP-77");

        OrderId other = Orders.place(gateway, buyer.id(), List.of(Orders.product(vendor, "Shade", 1_500, 1)));
        awaitStatus(api, other, token, "pending");
        // paid from the wallet (the saga confirms the order on its debit), so the cancellation gives the debit back
        gateway.sendAndWait(new TopUpWallet(new UserId(buyer.id()), VoucherId.ofHash((UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "")), 5_000, "USD"));
        gateway.sendAndWait(new DebitWallet(new UserId(buyer.id()), other, 1_599, "USD"));
        awaitStatus(api, other, token, "confirmed");
        assertThat(api.post("/api/v1/orders/" + other + "/cancel", Map.of("reason", "wrong colour"), token).status()).isEqualTo(204);
        JsonNode cancelled = mailbox.await(buyer.email(), "was cancelled");
        assertThat(cancelled.get("text").asText()).contains("wrong colour").contains("Your payment of 15.99 USD goes back to your Stoa wallet.");

        Thread.sleep(500); // anything sent twice would be here by now
        List<JsonNode> all = mailbox.all(buyer.email());
        assertThat(all.stream().filter(m -> m.get("subject").asText().contains("is confirmed"))).hasSize(2);
        assertThat(all.stream().filter(m -> m.get("subject").asText().contains("has shipped"))).hasSize(1);
        assertThat(all.stream().filter(m -> m.get("subject").asText().contains("was cancelled"))).hasSize(1);
        Await.until(() -> jdbc.queryForObject("select count(*) from notification_view where user_id = ? and template_name "
                + "like 'order-%'", Long.class, buyer.id()) == 4, Duration.ofSeconds(10), "the notification log shows the 4 mails");
    }

    @Test
    void anOrderOfDigitalItemsOnly_isMailedAsDelivered_notAsShippedWithAnEmptyTrackingNumber() throws Exception {
        Buyer buyer = registeredBuyer();
        String token = tokenAs(buyer.id(), "customer");
        String vendor = UUID.randomUUID().toString();
        OrderId id = OrderId.random();
        gateway.sendAndWait(new dev.stoa.api.ordering.PlaceOrder(id, new UserId(buyer.id()), List.of(new dev.stoa.api.ordering.OrderLine(
                dev.stoa.api.ordering.OrderLine.PRODUCT, UUID.randomUUID().toString(), new UserId(vendor), "E-book", "EBOOK-1",
                1_200, 1, 1_200, false)), new dev.stoa.api.ordering.OrderAmounts(1_200, 0, 0, 0, 1_200, "USD"), null, null,
                dev.stoa.api.ordering.PlaceOrder.WALLET, null));
        gateway.sendAndWait(new ConfirmOrder(id, "debit-" + id));
        awaitStatus(api, id, token, "confirmed");
        // the order waits for its vendor, whose list of orders to ship has it (it did not before 2026-12-07: only
        // physical lines counted, and the vendor's mail pointed at a list without it; found by a walkthrough)
        String toShip = "/api/v1/vendors/me/orders?status=confirmed";
        assertThat(api.get(toShip, tokenAs(vendor, "vendor")).body().get("items").findValuesAsText("id")).containsExactly(id.value());
        assertThat(api.put("/api/v1/orders/" + id + "/status", Map.of("status", "shipped"), tokenAs(vendor, "vendor")).status())
                .isEqualTo(204);
        assertThat(api.get(toShip, tokenAs(vendor, "vendor")).body().get("total").asLong()).as("shipped: nothing left").isZero();
        // and delivered with it, as its mail says (it stayed shipped before 2026-12-07; walkthrough Z19)
        JsonNode sent = api.get("/api/v1/orders/" + id, token).body();
        assertThat(sent.get("status").asText()).as(sent.toString()).isEqualTo("delivered");
        assertThat(sent.at("/items/0/deliveredAt").asText()).as(sent.toString()).isNotEmpty();
        JsonNode mail = new Mailbox(api).await(buyer.email(), "is delivered");
        assertThat(mail.get("text").asText()).contains("its items are digital").doesNotContain("Tracking number");
    }

    @Test
    void deactivatingABuyerCancelsItsPendingOrders_paidOnesGoOn() throws Exception {
        Buyer buyer = registeredBuyer();
        String vendor = UUID.randomUUID().toString();
        OrderId pending = Orders.place(gateway, buyer.id(), List.of(Orders.product(vendor, "Rug", 9_900, 1)));
        OrderId pending2 = Orders.place(gateway, buyer.id(), List.of(Orders.product(vendor, "Vase", 2_000, 2)));
        OrderId paid = Orders.place(gateway, buyer.id(), List.of(Orders.product(vendor, "Chair", 12_000, 1)));
        gateway.sendAndWait(new ConfirmOrder(paid, "debit-" + paid));
        String admin = tokenFor("admin");
        awaitStatus(api, paid, admin, "confirmed");

        assertThat(api.post("/api/v1/admin/users/" + buyer.id() + "/deactivate", null, admin).status()).isEqualTo(204);

        for (OrderId id : List.of(pending, pending2)) {
            JsonNode order = awaitStatus(api, id, admin, "cancelled").body();
            assertThat(order.get("cancelReason").asText()).isEqualTo("user_deactivated");
        }
        assertThat(api.get("/api/v1/orders/" + paid, admin).body().get("status").asText()).isEqualTo("confirmed");
        assertThat(jdbc.queryForObject("select count(*) from order_payment_hold where buyer_id = ?", Long.class, buyer.id())).isZero();
        JsonNode mail = new Mailbox(api).await(buyer.email(), "was cancelled");
        assertThat(mail.get("text").asText()).contains("the account was closed");
    }
}
