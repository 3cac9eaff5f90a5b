package dev.stoa.app.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AesGcmKey;
import com.zaxxer.hikari.HikariDataSource;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.platform.PersonalDataUnavailable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crypto-shredding with per-user keysets on a real PostgreSQL (no Spring): the schema is first migrated to V7 with
 * legacy rows and {@code pd1:} fields made the old way, then to the current version, as an upgrade would.
 */
class PersonalDataSealingTest {
    private static final String LEGACY_USER = UUID.randomUUID().toString();
    private static final byte[] LEGACY_KEY = LegacySealing.randomKey();
    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static Path keysetFile;
    private static String legacyField;
    private static PersonalData personal;

    @BeforeAll
    static void upgradeADatabaseWithLegacyKeys() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSource db = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(db);
        Flyway.configure().dataSource(db).target("7").load().migrate();
        jdbc.update("insert into personal_data_key(user_id, key_bytes) values (?, ?)", LEGACY_USER, LEGACY_KEY);
        legacyField = LegacySealing.pd1(LEGACY_KEY, LEGACY_USER, "lea@example.org");
        Flyway.configure().dataSource(db).load().migrate();
        keysetFile = Files.createTempDirectory("sealing").resolve("keyset.json");
        personal = new JdbcPersonalData(start(new Sealing(SealingKeyset.loadOrCreate(keysetFile, null))));
    }

    @AfterAll
    static void stop() throws Exception { postgres.close(); }

    /** What a process does at start-up. */
    private static PersonalKeys start(Sealing sealing) {
        PersonalKeys started = new PersonalKeys(jdbc, sealing, new DataSourceTransactionManager(jdbc.getDataSource()), false);
        started.wrapLegacyKeysAndCheck();
        return started;
    }

    @Test
    void anOpenerOpensOneUsersFieldsLikeOpenAndReadsErasedOnceTheKeyIsGone() {
        String carol = UUID.randomUUID().toString(), dave = UUID.randomUUID().toString();
        String street = personal.seal(carol, "1 Rue Haute"), city = personal.seal(carol, "Lyon");
        var open = personal.opener(carol);
        assertThat(open.apply(street)).isEqualTo("1 Rue Haute");
        assertThat(open.apply(city)).isEqualTo("Lyon");
        assertThat(open.apply("FR")).as("not sealed").isEqualTo("FR");
        assertThat(open.apply(null)).isNull();
        assertThat(personal.opener(LEGACY_USER).apply(legacyField)).as("pd1").isEqualTo("lea@example.org");
        String daves = personal.seal(dave, "dave@example.org");
        assertThatThrownBy(() -> personal.opener(carol).apply(daves)).as("another user's field").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> personal.opener(UUID.randomUUID().toString()).apply(street))
                .as("no key at all: retry, never erased").isInstanceOf(PersonalDataUnavailable.class);
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                .executeWithoutResult(status -> personal.erase(carol));
        var afterErasure = personal.opener(carol);
        assertThat(afterErasure.apply(street)).isEqualTo(PersonalData.ERASED);
        assertThat(afterErasure.apply(city)).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void aFieldRoundTripsIsBoundToItsUserAndCannotBeAltered() {
        String alice = UUID.randomUUID().toString(), bob = UUID.randomUUID().toString();
        String sealed = personal.seal(alice, "alice@example.org");
        assertThat(sealed).startsWith("pd2:").doesNotContain("alice");
        assertThat(personal.open(alice, sealed)).isEqualTo("alice@example.org");
        personal.seal(bob, "bob@example.org");
        assertThatThrownBy(() -> personal.open(bob, sealed)).as("alice's field filed under bob").isInstanceOf(IllegalStateException.class);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(4));
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> personal.open(alice, "pd2:" + Base64.getEncoder().encodeToString(bytes)))
                .as("tampered").isInstanceOf(IllegalStateException.class);
        assertThat(personal.open(alice, "not sealed")).isEqualTo("not sealed");
        assertThat(personal.seal(alice, null)).isNull();
    }

    @Test
    void legacyKeysAreWrappedAtStartUpAndTheirFieldsStillOpen() throws Exception {
        assertThat(personal.open(LEGACY_USER, legacyField)).isEqualTo("lea@example.org");
        assertThat(jdbc.queryForObject("select key_bytes is null and keyset is not null from personal_data_key where user_id = ?",
                Boolean.class, LEGACY_USER)).isTrue();
        assertThat(contains(storedKeyset(LEGACY_USER), LEGACY_KEY)).as("the raw key is not in the stored row").isFalse();
        String fresh = personal.seal(LEGACY_USER, "lea@example.net");
        assertThat(fresh).startsWith("pd2:").satisfies(f -> assertThat(personal.open(LEGACY_USER, f)).isEqualTo("lea@example.net"));
    }

    @Test
    void aLegacyRowWrittenAfterStartUpIsWrappedOnFirstUse() throws Exception {
        String late = UUID.randomUUID().toString();
        byte[] raw = LegacySealing.randomKey();
        jdbc.update("insert into personal_data_key(user_id, key_bytes) values (?, ?)", late, raw);
        assertThat(personal.open(late, LegacySealing.pd1(raw, late, "late@example.org"))).isEqualTo("late@example.org");
        assertThat(jdbc.queryForObject("select key_bytes is null from personal_data_key where user_id = ?", Boolean.class, late)).isTrue();
    }

    @Test
    void theStoredKeysetIsWrappedNotTheRawKey() throws Exception {
        String user = UUID.randomUUID().toString();
        personal.seal(user, "x");
        byte[] stored = storedKeyset(user);
        KeysetHandle unwrapped = new Sealing(SealingKeyset.load(keysetFile)).unwrap(stored, user);
        byte[] rawKey = ((AesGcmKey) unwrapped.getPrimary().getKey()).getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
        assertThat(stored.length).isNotEqualTo(32);
        assertThat(contains(stored, rawKey)).isFalse();
        assertThatThrownBy(() -> new Sealing(SealingKeyset.load(keysetFile)).unwrap(stored, "someone-else"))
                .as("a wrapped keyset is bound to its row's user").isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void erasureDestroysTheKeyAndFieldsReadErased() {
        String user = UUID.randomUUID().toString();
        String sealed = personal.seal(user, "erin@example.org");
        personal.erase(user);
        assertThat(personal.isErased(user)).isTrue();
        assertThat(personal.open(user, sealed)).isEqualTo(PersonalData.ERASED);
        assertThat(personal.open(user, "pd1:AAAA")).as("legacy fields too").isEqualTo(PersonalData.ERASED);
        assertThatThrownBy(() -> personal.seal(user, "again")).isInstanceOf(DomainException.class);
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where user_id = ? and keyset is null "
                + "and key_bytes is null and destroyed_at is not null", Integer.class, user)).isOne();
    }

    /** No key at all is not erasure: with Axon Server a projection may see the events before the key commits. */
    @Test
    void aUserWithoutAnyKeyIsUnavailableNotErased() {
        String user = UUID.randomUUID().toString();
        assertThatThrownBy(() -> personal.open(user, "pd2:AAAA")).isInstanceOf(PersonalDataUnavailable.class)
                .hasMessageContaining(user);
        assertThat(personal.isErased(user)).isFalse();
        assertThat(personal.open(user, "never sealed")).as("nothing to open, no key needed").isEqualTo("never sealed");
        personal.erase(user); // erasure of a user that never had a key leaves the tombstone all the same
        assertThat(personal.open(user, "pd2:AAAA")).isEqualTo(PersonalData.ERASED);
    }

    /** With Axon Server the key is committed before the caller's transaction (and the events it writes) can be seen. */
    @Test
    void withEventsStoredElsewhereANewKeyIsCommittedAtOnceAndOutlivesTheCallersRollback() throws Exception {
        PersonalData axonServers = personalDataOn(jdbc.getDataSource(), true);
        String user = UUID.randomUUID().toString();
        TransactionTemplate caller = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        String sealed = caller.execute(status -> {
            String value = axonServers.seal(user, "kim@example.org");
            assertThat(countFromAnotherConnection(user)).as("visible to everybody while the caller still runs").isOne();
            status.setRollbackOnly();
            return value;
        });
        assertThat(axonServers.open(user, sealed)).as("the command failed; its key stays, harmless").isEqualTo("kim@example.org");
    }

    /**
     * With Axon Server a first seal inside a command's transaction takes a second connection for the key; a
     * registration therefore prepares the key before it sends its command, and the command then needs none.
     */
    @Test
    void withEventsStoredElsewhereAPreparedKeyNeedsNoSecondConnection() throws Exception {
        try (HikariDataSource one = poolOfOne()) {
            PersonalData onOne = personalDataOn(one, true);
            TransactionTemplate command = new TransactionTemplate(new DataSourceTransactionManager(one));
            String prepared = UUID.randomUUID().toString(), unprepared = UUID.randomUUID().toString();
            onOne.prepareKey(prepared);
            assertThat(countFromAnotherConnection(prepared)).as("committed at once").isOne();
            onOne.prepareKey(prepared); // a second call finds it
            String sealed = command.execute(status -> onOne.seal(prepared, "kim@example.org"));
            assertThat(onOne.open(prepared, sealed)).isEqualTo("kim@example.org");
            assertThatThrownBy(() -> command.executeWithoutResult(status -> onOne.seal(unprepared, "lee@example.org")))
                    .as("unprepared, the command's held connection is the pool's only one")
                    .isInstanceOf(CannotCreateTransactionException.class);
            assertThat(countFromAnotherConnection(unprepared)).isZero();
        }
    }

    /**
     * With the JPA event store the key commits with the caller's transaction, which stores the events: on the
     * caller's own connection. Sealed on a pool of one connection that the caller holds, a second connection would
     * never come (Hikari gives up after its time-out); and a rolled-back command leaves no key behind.
     */
    @Test
    void withEventsInPostgresANewKeyCommitsWithTheCallersTransactionOnItsConnection() throws Exception {
        try (HikariDataSource one = poolOfOne()) {
            PersonalData onOne = personalDataOn(one, false);
            TransactionTemplate caller = new TransactionTemplate(new DataSourceTransactionManager(one));
            String kept = UUID.randomUUID().toString(), rolledBack = UUID.randomUUID().toString();
            String sealed = caller.execute(status -> {
                String value = onOne.seal(kept, "kim@example.org");
                assertThat(countFromAnotherConnection(kept)).as("not before the caller commits").isZero();
                return value;
            });
            assertThat(countFromAnotherConnection(kept)).isOne();
            assertThat(onOne.open(kept, sealed)).isEqualTo("kim@example.org");
            caller.executeWithoutResult(status -> {
                onOne.seal(rolledBack, "lee@example.org");
                status.setRollbackOnly();
            });
            assertThat(countFromAnotherConnection(rolledBack)).as("the command failed: no key, nothing sealed with it").isZero();
        }
    }

    @Test
    void afterAMasterRotationOldKeysetsOpenAndNewOnesAreWrappedWithTheNewKey() throws Exception {
        String before = UUID.randomUUID().toString();
        String sealed = personal.seal(before, "before@example.org");
        Sealing old = new Sealing(SealingKeyset.load(keysetFile));
        SealingKeyset.rotate(keysetFile);
        PersonalData after = new JdbcPersonalData(start(new Sealing(SealingKeyset.load(keysetFile)))); // a restart
        assertThat(after.open(before, sealed)).isEqualTo("before@example.org");
        String later = UUID.randomUUID().toString();
        after.seal(later, "later@example.org");
        assertThatThrownBy(() -> old.unwrap(storedKeyset(later), later)).as("wrapped with the new key")
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aProcessWithAnotherMasterKeysetRefusesToStart() throws Exception { // the legacy user's row is always there
        Path foreign = Files.createTempDirectory("foreign").resolve("keyset.json");
        assertThatThrownBy(() -> start(new Sealing(SealingKeyset.loadOrCreate(foreign, null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stoa.security.sealing.keyset-file");
    }

    /**
     * Personal data on {@code db} as a process seals it whose events are stored elsewhere (Axon Server) or, when
     * {@code eventsCommitElsewhere} is false, in PostgreSQL; with the current master keyset.
     */
    private static PersonalData personalDataOn(DataSource db, boolean eventsCommitElsewhere) throws Exception {
        return new JdbcPersonalData(new PersonalKeys(new JdbcTemplate(db), new Sealing(SealingKeyset.load(keysetFile)),
                new DataSourceTransactionManager(db), eventsCommitElsewhere));
    }

    /** A pool of one connection that gives up after a second when it is taken. */
    private static HikariDataSource poolOfOne() {
        HikariDataSource one = new HikariDataSource();
        one.setDataSource(postgres.getPostgresDatabase());
        one.setMaximumPoolSize(1);
        one.setConnectionTimeout(1000);
        return one;
    }

    private static int countFromAnotherConnection(String user) {
        try (java.sql.Connection other = postgres.getPostgresDatabase().getConnection();
             java.sql.PreparedStatement count = other.prepareStatement("select count(*) from personal_data_key where user_id = ?")) {
            count.setString(1, user);
            try (java.sql.ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] storedKeyset(String user) {
        return jdbc.queryForObject("select keyset from personal_data_key where user_id = ?", byte[].class, user);
    }

    private static boolean contains(byte[] haystack, byte[] needle) { // ISO-8859-1: one char per byte, byte for byte
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
    }
}
