package dev.stoa.command.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.GrantEnrollment;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.MetadataKeys;
import dev.stoa.api.wallet.RefundToWallet;
import dev.stoa.api.wallet.WalletDebited;
import dev.stoa.api.wallet.WalletId;
import dev.stoa.api.wallet.WalletRefunded;
import dev.stoa.command.platform.PeriodicTask;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Wallet purchases of courses under way when the platform was upgraded, one row each in {@code course_wallet_purchase}:
 * a purchase from the wallet was, before 2026-12-05, a debit and a grant without an order, noted here before the debit
 * and deleted once the course was granted or the debit refunded. Since then it is an order of the course alone
 * ({@code Checkout#buyCourse}), whose checkout note, payment hold and saga settle it, and no row is written any more;
 * this settles the rows the last requests before the upgrade may have left. A row older than
 * {@code stoa.learning.wallet-purchase.recovery-after} belongs to a request that died between debit and grant: if the
 * wallet was debited, the grant is made now (idempotent per purchase), or, refused (the course archived or owned
 * meanwhile), the debit is refunded; if it was not debited, or debited and refunded already (the request refunded a
 * refused grant and died before ending the row), the row just goes; a grant that gets no answer (a timeout) keeps the
 * row for the next pass. So no money stays taken without access, and no access is given for money given back.
 */
@Component
public class WalletPurchases extends PeriodicTask {
    static final String REFUND_PREFIX = "enrollment-refused-";
    private static final Logger log = LoggerFactory.getLogger(WalletPurchases.class);
    private final JdbcTemplate jdbc;
    private final Commands commands;
    private final EventStore events;
    private final Duration recoveryAfter;

    WalletPurchases(JdbcTemplate jdbc, Commands commands, EventStore events,
                    @Value("${stoa.learning.wallet-purchase.recovery-after:2m}") Duration recoveryAfter,
                    @Value("${stoa.learning.wallet-purchase.recovery-interval:30s}") Duration interval) {
        super("course-wallet-purchase-recovery", interval);
        this.jdbc = jdbc;
        this.commands = commands;
        this.events = events;
        this.recoveryAfter = recoveryAfter;
    }

    void end(OrderId purchase) {
        jdbc.update("delete from course_wallet_purchase where purchase_id = ?", purchase.value());
    }

    /** One pass over up to 100 abandoned purchases; returns how many were settled. */
    @Override
    public int runOnce() {
        List<Map<String, Object>> due = jdbc.queryForList("select purchase_id, user_id, course_id, amount_cents, currency "
                + "from course_wallet_purchase where started_at <= now() - make_interval(secs => ?) order by started_at limit 100",
                (double) recoveryAfter.toSeconds());
        for (Map<String, Object> row : due) {
            OrderId purchase = new OrderId((String) row.get("purchase_id"));
            UserId user = new UserId((String) row.get("user_id"));
            long amount = ((Number) row.get("amount_cents")).longValue();
            String currency = (String) row.get("currency");
            Owed owed = owed(user, purchase);
            if (owed == Owed.ACCESS) {
                Map<String, String> meta = Map.of(MetadataKeys.USER_ID, "system", MetadataKeys.CORRELATION_ID,
                        UUID.randomUUID().toString(), MetadataKeys.CAUSATION_ID, "course-wallet-purchase:" + purchase.value());
                try {
                    commands.send(GenericCommandMessage.asCommandMessage(new GrantEnrollment(user,
                            new CourseId((String) row.get("course_id")), GrantEnrollment.WALLET, purchase.value(), amount,
                            currency)).andMetaData(meta));
                } catch (RuntimeException failed) {
                    if (!Refusals.any(failed)) { // no answer (a timeout, an outage): the grant may be made; the next pass sees
                        log.warn("Wallet purchase {}: the grant got no answer ({}); tried again later", purchase, failed.getMessage());
                        continue;
                    }
                    log.info("Wallet purchase {}: grant refused ({}); refunding", purchase, failed.getMessage());
                    commands.send(GenericCommandMessage.asCommandMessage(new RefundToWallet(user, purchase,
                            REFUND_PREFIX + purchase.value(), amount, currency)).andMetaData(meta));
                }
            } else if (owed == Owed.NOTHING_REFUNDED_ALREADY) {
                log.info("Wallet purchase {}: its debit was refunded already; no grant", purchase);
            }
            end(purchase);
        }
        return due.size();
    }

    /** What a noted purchase is owed: nothing (never debited), nothing (debited and given back), or the course. */
    enum Owed { NOTHING_NOT_DEBITED, NOTHING_REFUNDED_ALREADY, ACCESS }

    /**
     * From the wallet's own stream (from its first event: snapshots aside): a purchase debited and then refunded (its
     * grant was refused, and the request died before it could end the row) is owed nothing; granting it now would give
     * the course for free.
     */
    private Owed owed(UserId user, OrderId purchase) {
        boolean debited = false, refunded = false;
        for (Object payload : events.readEvents(WalletId.of(user), 0).asStream().map(m -> m.getPayload()).toList()) {
            if (payload instanceof WalletDebited d && d.orderId().equals(purchase)) debited = true;
            if (payload instanceof WalletRefunded r && r.orderId().equals(purchase)) refunded = true;
        }
        return !debited ? Owed.NOTHING_NOT_DEBITED : refunded ? Owed.NOTHING_REFUNDED_ALREADY : Owed.ACCESS;
    }
}
