package dev.stoa.app.platform.security;

import com.google.crypto.tink.Aead;
import dev.stoa.api.platform.PersonalDataUnavailable;
import jakarta.annotation.PostConstruct;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each user's own keyset in {@code personal_data_key.keyset}, stored only wrapped by the master keyset
 * ({@link Sealing#wrap}). Rows from before (a raw AES key in {@code key_bytes}) are wrapped at start-up: the raw key
 * joins the user's keyset as a prefix-less key, so {@code pd1:} fields still open, and {@code key_bytes} is nulled.
 * Destroying a key nulls both columns and keeps the row as a tombstone: only that reads as erased. A new key commits
 * no later than the events that carry what it sealed. With the JPA event store it joins the caller's transaction
 * (the command's, which stores those events): were it to take a second connection, as many registrations at once as
 * the pool has connections would each hold one and wait for another. With Axon Server, whose events can be seen
 * before PostgreSQL commits, it commits in a transaction of its own first. The row is read per call (a primary-key
 * lookup), never cached, so an erasure holds at once; only the unwrapping of the stored bytes is remembered (parsing and
 * decrypting a keyset costs more than the lookup), keyed by those very bytes, so a destroyed or re-wrapped key is
 * never served from memory.
 */
@Component
class PersonalKeys {
    private static final Logger log = LoggerFactory.getLogger(PersonalKeys.class);
    private static final int BATCH = 500;
    private final JdbcTemplate jdbc;
    private final Sealing sealing;
    private final TransactionTemplate keyTransaction;
    private final boolean separately;

    PersonalKeys(JdbcTemplate jdbc, Sealing sealing, PlatformTransactionManager transactions,
                 @Value("${axon.axonserver.enabled:false}") boolean eventsCommitElsewhere) {
        this.jdbc = jdbc;
        this.sealing = sealing;
        this.keyTransaction = new TransactionTemplate(transactions);
        keyTransaction.setPropagationBehavior(eventsCommitElsewhere
                ? TransactionDefinition.PROPAGATION_REQUIRES_NEW : TransactionDefinition.PROPAGATION_REQUIRED);
        this.separately = eventsCommitElsewhere;
    }

    /** Where a new key commits on its own, commits the user's now unless there is one (see PersonalData#prepareKey). */
    void prepare(String userId) {
        if (separately && rows(userId).isEmpty()) create(userId);
    }

    private record Row(byte[] keyset, byte[] legacyKey) {}

    /** What a stored keyset unwrapped to: valid only while the row still holds exactly {@code wrapped}. */
    private record Unwrapped(byte[] wrapped, Aead aead) {}

    private static final int UNWRAPPED_KEPT = 4096;
    private final Map<String, Unwrapped> unwrapped = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Unwrapped> eldest) { return size() > UNWRAPPED_KEPT; }
            });

    /**
     * The user's AEAD; null when its key was destroyed (the tombstone erasure leaves). A user without any row gets
     * a key when {@code create}; otherwise that is {@link PersonalDataUnavailable}: not yet, never "erased".
     */
    Aead keysOf(String userId, boolean create) {
        List<Row> rows = rows(userId);
        if (rows.isEmpty() && create) {
            create(userId);
            rows = rows(userId); // ours, or that of whoever inserted first (on conflict, the insert waited for its commit)
        }
        if (rows.isEmpty()) throw new PersonalDataUnavailable(userId);
        Row row = rows.get(0);
        if (row.keyset() == null && row.legacyKey() != null) {
            // written by a process of the previous version after this one started: wrap it before any use
            wrapLegacy(userId, row.legacyKey());
            return keysOf(userId, false);
        }
        if (row.keyset() == null) {
            unwrapped.remove(userId);
            return null;
        }
        Unwrapped known = unwrapped.get(userId);
        if (known != null && Arrays.equals(known.wrapped(), row.keyset())) return known.aead();
        try {
            Aead aead = Keysets.aead(sealing.unwrap(row.keyset(), userId));
            unwrapped.put(userId, new Unwrapped(row.keyset(), aead));
            return aead;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unwrap the personal-data keyset of user " + userId
                    + ": the sealing keyset does not hold the key that wrapped it", e);
        }
    }

    /**
     * A new key. With the JPA event store in the caller's transaction (or one of its own when there is none): it
     * commits with the events, or neither does. With Axon Server it commits before the caller goes on (its own
     * transaction, the caller's suspended meanwhile): a command's events are visible to the projections before
     * PostgreSQL commits the command's transaction, so a key created in that transaction would be missing when they
     * open the fields. If the command then fails, the key stays behind, an orphan: harmless, since nothing that was
     * stored is sealed with it (user ids are fresh random UUIDs; the same id coming again would simply use it, erasure
     * would tombstone it).
     */
    private void create(String userId) {
        keyTransaction.executeWithoutResult(status -> jdbc.update(
                "insert into personal_data_key(user_id, keyset) values (?, ?) on conflict do nothing", userId, wrap(userId, null)));
    }

    boolean isDestroyed(String userId) {
        List<Boolean> destroyed = jdbc.queryForList("select keyset is null and key_bytes is null from personal_data_key "
                + "where user_id = ?", Boolean.class, userId);
        return !destroyed.isEmpty() && destroyed.get(0);
    }

    /** Destroys the user's key in the caller's transaction; also for a user that never had one. */
    void destroy(String userId) {
        unwrapped.remove(userId);
        jdbc.update("insert into personal_data_key(user_id, destroyed_at) values (?, now()) on conflict (user_id) "
                + "do update set keyset = null, key_bytes = null, destroyed_at = now()", userId);
    }

    /**
     * At start-up, before any event handler runs: wraps the legacy raw keys, then proves that this process's
     * master keyset opens the stored keysets, so a missing or foreign keyset file stops the start instead of
     * failing on every personal field later.
     */
    @PostConstruct
    void wrapLegacyKeysAndCheck() {
        int wrapped = 0;
        List<Object[]> legacy;
        do { // in batches; a row that another process wraps or erases meanwhile simply drops out
            legacy = jdbc.query("select user_id, key_bytes from personal_data_key where key_bytes is not null limit " + BATCH,
                    (rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2)});
            for (Object[] row : legacy) wrapped += wrapLegacy((String) row[0], (byte[]) row[1]);
        } while (legacy.size() == BATCH);
        if (wrapped > 0) log.info("Wrapped {} legacy personal-data keys with the sealing keyset", wrapped);
        jdbc.query("select user_id, keyset from personal_data_key where keyset is not null limit 1", rs -> {
            try {
                sealing.unwrap(rs.getBytes(2), rs.getString(1));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The sealing keyset (stoa.security.sealing.keyset-file) does not open the "
                        + "personal-data keys in the database: every process must use the keyset file that wrapped them", e);
            }
        });
    }

    private int wrapLegacy(String userId, byte[] legacyKey) {
        return jdbc.update("update personal_data_key set keyset = ?, key_bytes = null where user_id = ? and key_bytes = ?",
                wrap(userId, legacyKey), userId, legacyKey);
    }

    /** A new keyset for the user (holding {@code legacyKey}, if any, to open old fields), wrapped for storage. */
    private byte[] wrap(String userId, byte[] legacyKey) {
        try {
            return sealing.wrap(legacyKey == null ? Keysets.fresh() : Keysets.withLegacyKey(legacyKey), userId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Row> rows(String userId) {
        return jdbc.query("select keyset, key_bytes from personal_data_key where user_id = ?",
                (rs, i) -> new Row(rs.getBytes(1), rs.getBytes(2)), userId);
    }
}
