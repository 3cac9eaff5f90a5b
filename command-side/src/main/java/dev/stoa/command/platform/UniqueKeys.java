package dev.stoa.command.platform;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Set-based rules (unique SKU, slug, e-mail, voucher code) that no single aggregate can check. Each key is
 * a row in {@code unique_key}, written so that a stored event never lacks its claim ({@link BeforeEvents}: in the
 * events' own transaction with the JPA store, so a refused command leaves no claim either; committed first with
 * Axon Server, where {@link UniqueKeyReconciler} releases the claim of a command that then failed). Two concurrent
 * claims of one key serialise on the primary key: the second waits for the first to commit, then sees it.
 */
@Component
public class UniqueKeys {
    private final JdbcTemplate jdbc;
    private final BeforeEvents beforeEvents;

    public UniqueKeys(JdbcTemplate jdbc, BeforeEvents beforeEvents) {
        this.jdbc = jdbc;
        this.beforeEvents = beforeEvents;
    }

    /** @return true if {@code owner} holds the key now (newly, or already) */
    public boolean claim(String kind, String value, String owner) {
        return beforeEvents.write(() -> jdbc.update("insert into unique_key(kind, value, owner_id) values (?, ?, ?) "
                + "on conflict do nothing", kind, value, owner) == 1 || owner.equals(ownerOf(kind, value).orElse(null)));
    }

    /** Gives the key up, if {@code owner} holds it. */
    public void release(String kind, String value, String owner) {
        beforeEvents.write(() -> jdbc.update("delete from unique_key where kind = ? and value = ? and owner_id = ?",
                kind, value, owner));
    }

    public Optional<String> ownerOf(String kind, String value) {
        return jdbc.query("select owner_id from unique_key where kind = ? and value = ?",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.empty(), kind, value);
    }

    public boolean exists(String kind, String value) { return ownerOf(kind, value).isPresent(); }
}
