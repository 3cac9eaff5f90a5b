package dev.stoa.app.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.catalog.CreateProduct;
import dev.stoa.api.catalog.ProductDetails;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.ChangeRoles;
import dev.stoa.api.identity.LogIn;
import dev.stoa.api.identity.LoginOutcome;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.InventoryIds;
import dev.stoa.api.inventory.OpenInventory;
import dev.stoa.api.inventory.RestockProduct;
import dev.stoa.api.platform.Actor;
import dev.stoa.app.support.ApiTest;
import dev.stoa.command.identity.UserAccount;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Aggregates whose streams grow without bound are snapshotted every {@code stoa.snapshots.threshold} events, and an
 * aggregate loaded from its snapshot (the cache emptied, as in another process or after a restart) behaves as
 * before: login lockout counts, roles, stock.
 */
@ExtendWith(OutputCaptureExtension.class)
class SnapshotsIT extends ApiTest {
    private static final String PASSWORD = "correct horse 42";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD); // cheap: 250 logins
    @Autowired CommandGateway commands;
    @Autowired Cache aggregateCache;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventStore eventStore;
    @Autowired Serializer serializer;
    @Value("${stoa.snapshots.threshold}") int threshold;

    @Test
    void anAccountWithManyLoginsLoadsFromItsSnapshotAndStillCountsFailures(CapturedOutput output) {
        UserId user = UserId.random();
        commands.sendAndWait(new RegisterUser(user, unique("snap") + "@example.org", HASH, "Sam", "Snap", null,
                Set.of("customer"), true));
        commands.sendAndWait(new ChangeRoles(user, Set.of("customer", "instructor"), Actor.system()));
        for (int i = 0; i < 250; i++) assertThat(logIn(user, PASSWORD).accepted()).isTrue();

        assertThat(threshold).isEqualTo(100);
        Long snapshotAt = jdbc.queryForObject("select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, user.value());
        // every 100 events the aggregate handled; an aggregate the cache lost and reloaded counts its loaded ones too
        assertThat(snapshotAt).as("the newest snapshot, of the 252 events").isBetween(99L, 250L);
        UserAccount snapshot = snapshotOf(user.value(), UserAccount.class);
        assertThat(snapshot).extracting("userId", "roles.roles", "credentials.passwordHash", "credentials.failures")
                .containsExactly(user, Set.of("customer", "instructor"), HASH, 0);

        aggregateCache.removeAll(); // the next command loads the snapshot and the events after it
        LoginOutcome welcome = logIn(user, PASSWORD);
        assertThat(welcome.accepted()).isTrue();
        assertThat(welcome.roles()).containsExactlyInAnyOrder("customer", "instructor");
        for (int i = 1; i <= 4; i++) assertThat(logIn(user, "wrong password " + i).refusal()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        aggregateCache.removeAll();
        LoginOutcome fifth = logIn(user, "wrong password 5");
        assertThat(fifth.lockedUntil()).as("the fifth failure in a row locks, counted across the reload").isNotNull();
        aggregateCache.removeAll();
        assertThat(logIn(user, PASSWORD).refusal()).as("locked: the right password too").isEqualTo(ErrorCode.ACCOUNT_LOCKED);
        assertThat(output.getAll()).doesNotContain("Error reading snapshot", "create and store a snapshot resulted in an exception");
    }

    @Test
    void anInventoryWithManyStockChangesLoadsFromItsSnapshot() {
        ProductId product = ProductId.random();
        Actor vendor = new Actor(UserId.random().value(), Set.of("vendor"));
        commands.sendAndWait(new CreateProduct(product, new UserId(vendor.userId()), new ProductDetails(unique("SNAP"),
                unique("snap-kettle"), "Snap Kettle", null, 2_500, null, "EUR", null, null, null, true), vendor));
        commands.sendAndWait(new OpenInventory(product, new UserId(vendor.userId())));
        for (int i = 0; i < 120; i++) commands.sendAndWait(new RestockProduct(product, 2, vendor));

        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Integer.class, InventoryIds.of(product))).isOne();
        aggregateCache.removeAll();
        commands.sendAndWait(new RestockProduct(product, 1, vendor));
        Object last = eventStore.readEvents(InventoryIds.of(product)).asStream().reduce((a, b) -> b).orElseThrow().getPayload();
        assertThat(last).hasFieldOrPropertyWithValue("onHand", 241).hasFieldOrPropertyWithValue("available", 241);
    }

    private LoginOutcome logIn(UserId user, String password) { return commands.sendAndWait(new LogIn(user, password, null)); }

    private <T> T snapshotOf(String aggregateId, Class<T> type) {
        return jdbc.queryForObject("select payload, payload_revision from snapshot_event_entry where aggregate_identifier = ?",
                (rs, i) -> serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, type.getName(),
                        rs.getString(2))), aggregateId);
    }
}
