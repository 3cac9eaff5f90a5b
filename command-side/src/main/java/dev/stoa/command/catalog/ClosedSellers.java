package dev.stoa.command.catalog;

import dev.stoa.api.catalog.ProductCreated;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.UnlistProduct;
import dev.stoa.api.identity.UserDeactivated;
import dev.stoa.api.identity.UserErased;
import dev.stoa.api.learning.ArchiveCourse;
import dev.stoa.api.learning.CourseCreated;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.platform.Actor;
import dev.stoa.command.platform.web.Commands;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A closed seller's offers leave the catalog: when a vendor's or an instructor's account is deactivated or erased,
 * its products are unlisted and its courses archived (their students keep their access; nobody new buys what nobody
 * will ship or teach). Before 2026-12-06 (fifth session) they stayed on sale, and a buyer paid for a closed vendor's
 * product (found by a walkthrough). Keeps its own ledger ({@code seller_offer}, {@code closed_seller}), in the
 * processor's transaction; an offer made for a seller already closed (a token issued before the closing) is withdrawn
 * at once. One segment: the log's order. From the start of the log, so the offers of sellers closed before this
 * version are withdrawn too; sends commands, so never replayed. Unlisting and archiving again change nothing.
 */
@Component
@ProcessingGroup(ClosedSellers.NAME)
@DisallowReplay
class ClosedSellers {
    static final String NAME = "closed-sellers";
    private static final String PRODUCT = "product", COURSE = "course";
    private static final Logger log = LoggerFactory.getLogger(ClosedSellers.class);
    private final JdbcTemplate jdbc;
    private final Commands commands;

    ClosedSellers(JdbcTemplate jdbc, Commands commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventHandler
    void on(ProductCreated e) { offered(e.vendorId().value(), PRODUCT, e.productId().value()); }

    @EventHandler
    void on(CourseCreated e) { offered(e.instructorId().value(), COURSE, e.courseId().value()); }

    @EventHandler
    void on(UserDeactivated e, @Timestamp Instant at) { closed(e.userId().value(), at); }

    @EventHandler
    void on(UserErased e, @Timestamp Instant at) { closed(e.userId().value(), at); }

    private void offered(String seller, String type, String item) {
        jdbc.update("insert into seller_offer (seller_id, item_type, item_id) values (?, ?, ?) on conflict do nothing",
                seller, type, item);
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from closed_seller where seller_id = ?)",
                Boolean.class, seller))) withdraw(seller, type, item);
    }

    private void closed(String seller, Instant at) {
        jdbc.update("insert into closed_seller (seller_id, closed_at) values (?, ?) on conflict do nothing", seller,
                java.sql.Timestamp.from(at));
        List<String[]> offers = jdbc.query("select item_type, item_id from seller_offer where seller_id = ?",
                (row, n) -> new String[] {row.getString(1), row.getString(2)}, seller);
        for (String[] offer : offers) withdraw(seller, offer[0], offer[1]);
    }

    private void withdraw(String seller, String type, String item) {
        log.info("Seller {} closed: {} {} leaves the catalog", seller, type, item);
        if (PRODUCT.equals(type)) commands.send(new UnlistProduct(new ProductId(item), Actor.system()));
        else commands.send(new ArchiveCourse(new CourseId(item), Actor.system()));
    }
}
