package dev.stoa.command.platform;

import java.time.Duration;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code unique_key} true to the event store. A claim commits with the command's database
 * transaction; with Axon Server the events commit separately, so a failure between the two could leave a
 * claim whose owner never came to be (a SKU or e-mail blocked for good). Every {@code interval}, claims older
 * than {@code grace} that are not yet confirmed are checked: owner has events → confirmed; none → released.
 */
@Component
public class UniqueKeyReconciler extends PeriodicTask {
    private static final Logger log = LoggerFactory.getLogger(UniqueKeyReconciler.class);
    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final Duration grace;

    public UniqueKeyReconciler(JdbcTemplate jdbc, EventStore eventStore,
                               @Value("${stoa.unique-keys.reconcile-interval:1m}") Duration interval,
                               @Value("${stoa.unique-keys.grace:5m}") Duration grace) {
        super("unique-key-reconciler", interval);
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.grace = grace;
    }

    private record Claim(String kind, String value, String owner) {}

    /** One pass over up to 500 unconfirmed claims past the grace period; returns how many were released. */
    @Override
    public int runOnce() {
        List<Claim> claims = jdbc.query("select kind, value, owner_id from unique_key where not confirmed "
                        + "and claimed_at < now() - make_interval(secs => ?) order by claimed_at limit 500",
                (rs, i) -> new Claim(rs.getString(1), rs.getString(2), rs.getString(3)), (double) grace.toSeconds());
        int released = 0;
        for (Claim claim : claims) {
            if (eventStore.lastSequenceNumberFor(claim.owner()).isPresent()) {
                jdbc.update("update unique_key set confirmed = true where kind = ? and value = ? and owner_id = ?",
                        claim.kind(), claim.value(), claim.owner());
            } else {
                released += jdbc.update("delete from unique_key where kind = ? and value = ? and owner_id = ? and not confirmed",
                        claim.kind(), claim.value(), claim.owner());
                log.warn("Released {} '{}': its owner {} has no events (its command failed after the claim committed)",
                        claim.kind(), claim.value(), claim.owner());
            }
        }
        return released;
    }
}
