package dev.stoa.app.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.EraseUser;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.ConfirmOrder;
import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.ordering.ShippingAddress;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order read model's segments handle an order's events and its buyer's erasure (another aggregate's event) on
 * different threads at the same time, each writing the whole row back. The test holds the order's row as one of the
 * order's own event handlers would (locked, a change written, not yet committed) while the erasure is handled: the
 * erasure must wait and erase what that handler committed, so both changes survive.
 */
class OrderReadModelLockIT extends ApiTest {
    @Autowired CommandGateway gateway;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aBuyersErasureBesideAnOrderEventKeepsBothChanges() throws Exception {
        UserId buyer = UserId.random();
        gateway.sendAndWait(new RegisterUser(buyer, unique("locked") + "@example.org", "$2a$10$abcdefghijklmnopqrstuv",
                "Ada", "Lovelace", null, Set.of("customer"), true));
        OrderId order = OrderId.random();
        OrderLine line = new OrderLine(OrderLine.PRODUCT, UUID.randomUUID().toString(), UserId.random(), "Lamp", "SKU-LAMP",
                2_500, 1, 2_500, true);
        gateway.sendAndWait(new PlaceOrder(order, buyer, List.of(line), new OrderAmounts(2_500, 0, 0, 499, 2_999, "USD"),
                null, new ShippingAddress("Ada Lovelace", "12 St James's Square", null, "London", null, "SW1Y 4JH", "GB"),
                PlaceOrder.WALLET, null));
        gateway.sendAndWait(new ConfirmOrder(order, "debit-" + order.value())); // confirmed: no process cancels it
        Await.until(() -> jdbc.queryForList("SELECT 1 FROM order_view WHERE id = ? AND status = 'confirmed'", order.value())
                .size() == 1, Duration.ofSeconds(30), "the order confirmed in order_view");

        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement lock = held.prepareStatement("SELECT id FROM order_view WHERE id = ? FOR UPDATE");
                 PreparedStatement ship = held.prepareStatement("UPDATE order_view SET status = 'shipped' WHERE id = ?")) {
                lock.setString(1, order.value());
                lock.executeQuery().close();
                ship.setString(1, order.value());
                ship.executeUpdate();
            }
            gateway.sendAndWait(new EraseUser(buyer, new Actor(buyer.value(), Set.of("customer"))));
            // the erasure's handler reaches the order's row and waits for this transaction
            Await.until(() -> waitingOnOrderView() > 0, Duration.ofSeconds(30), "the erasure waiting for the order's row");
            assertThat(row(order).get("recipient_name")).as("nothing erased while the row is held").isEqualTo("Ada Lovelace");
            held.commit();
        }

        Await.until(() -> PersonalData.ERASED.equals(row(order).get("recipient_name")), Duration.ofSeconds(30),
                "the buyer's address erased");
        Map<String, Object> after = row(order);
        assertThat(after.get("status")).as("the order's own change, committed first, kept").isEqualTo("shipped");
        assertThat(after.get("street_line1")).isEqualTo(PersonalData.ERASED);
        assertThat(after.get("city")).isEqualTo(PersonalData.ERASED);
        assertThat(after.get("country_code")).isEqualTo("GB");
        assertThat(after.get("total_cents")).isEqualTo(2_999L);
    }

    private Map<String, Object> row(OrderId order) {
        return jdbc.queryForMap("SELECT status, recipient_name, street_line1, city, country_code, total_cents FROM order_view"
                + " WHERE id = ?", order.value());
    }

    /** Backends other than this test's waiting for a lock while working on order_view. */
    private int waitingOnOrderView() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query ILIKE '%order_view%' AND pid <> pg_backend_pid()", Integer.class);
        return n == null ? 0 : n;
    }
}
