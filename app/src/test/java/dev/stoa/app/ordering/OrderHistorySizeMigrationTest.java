package dev.stoa.app.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V94 on a real PostgreSQL holding orders from before it: each order's row learns how many history entries it has,
 * so that the projection numbers its next status after them (no gap, no clash with an existing entry's key).
 */
class OrderHistorySizeMigrationTest {
    @Test
    void ordersPlacedBeforeTheUpgradeCountTheirHistory() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            JdbcTemplate jdbc = new JdbcTemplate(db);
            Flyway.configure().dataSource(db).target("93").load().migrate();
            order(jdbc, "o-confirmed", "ORD-1", 2);
            order(jdbc, "o-shipped", "ORD-2", 3);
            order(jdbc, "o-pending", "ORD-3", 1);
            Flyway.configure().dataSource(db).load().migrate();
            assertThat(jdbc.queryForMap("select (select history_size from order_view where id = 'o-confirmed') c, "
                    + "(select history_size from order_view where id = 'o-shipped') s, "
                    + "(select history_size from order_view where id = 'o-pending') p"))
                    .containsEntry("c", 2).containsEntry("s", 3).containsEntry("p", 1);
        }
    }

    private static void order(JdbcTemplate jdbc, String id, String number, int entries) {
        jdbc.update("insert into order_view (id, order_number, buyer_id, status, subtotal_cents, discount_cents, tax_cents, "
                + "shipping_cents, total_cents, currency, payment_method, placed_at, updated_at) "
                + "values (?, ?, 'buyer', 'pending', 1000, 0, 0, 0, 1000, 'EUR', 'wallet', now(), now())", id, number);
        for (int seq = 0; seq < entries; seq++)
            jdbc.update("insert into order_history_view (order_id, seq, status, at) values (?, ?, 'pending', now())", id, seq);
    }
}
