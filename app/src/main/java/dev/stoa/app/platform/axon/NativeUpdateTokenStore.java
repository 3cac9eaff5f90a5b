package dev.stoa.app.platform.axon;

import java.lang.management.ManagementFactory;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;

/**
 * Axon's JPA token store, with the one statement every processor runs after every batch it handles sent as plain SQL.
 * <p>
 * {@link JpaTokenStore#storeToken} updates the token with a JPQL {@code UPDATE}. Hibernate 6 keeps no plan for a
 * JPQL mutation, so it translated that statement to SQL anew on every batch of every processor: in a recording of the
 * checkout scenario the token store took 17 % of the processors' CPU, 7 % of it in that translation (bench/README,
 * 2026-12-06). Here the same update goes through the transaction's own connection (so it commits or rolls back with
 * the batch), as a prepared statement the driver keeps. Same table, columns, values and claim check (the row is
 * updated only where this node owns it); an update that finds no such row, or a token of {@code null}, goes to Axon's
 * own code, which loads and claims the row or fails as it always did. Every other operation is Axon's.
 * <p>
 * Hibernate is not asked to flush first, as it was before the JPQL update: nothing a handler writes is in
 * {@code token_entry}, and each handler's writes are flushed when it returns ({@code IsolatedHandlers}) and at the
 * commit.
 */
public class NativeUpdateTokenStore extends JpaTokenStore {
    static final String UPDATE = "update token_entry set token = ?, token_type = ?, timestamp = ? "
            + "where owner = ? and processor_name = ? and segment = ?";
    private final EntityManagerProvider entityManagers;
    private final String nodeId;

    private NativeUpdateTokenStore(Builder builder, EntityManagerProvider entityManagers, String nodeId) {
        super(builder);
        this.entityManagers = entityManagers;
        this.nodeId = nodeId;
    }

    /** As Axon's Spring Boot configuration builds its store: this JVM's name as the owner, the configured claim timeout. */
    public static NativeUpdateTokenStore create(EntityManagerProvider entityManagers, Serializer serializer, Duration claimTimeout) {
        return create(entityManagers, serializer, claimTimeout, ManagementFactory.getRuntimeMXBean().getName()); // Axon's default owner
    }

    /** With an owner of its own (two processes in one JVM, in tests). */
    public static NativeUpdateTokenStore create(EntityManagerProvider entityManagers, Serializer serializer, Duration claimTimeout,
                                                String nodeId) {
        Builder builder = JpaTokenStore.builder().entityManagerProvider(entityManagers).serializer(serializer)
                .claimTimeout(claimTimeout).nodeId(nodeId);
        return new NativeUpdateTokenStore(builder, entityManagers, nodeId);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (token == null) { // a reset to the start: rare, Axon's own code
            super.storeToken(null, processorName, segment);
            return;
        }
        TokenEntry entry = new TokenEntry(processorName, segment, token, serializer()); // serialised as Axon's store does
        int updated = entityManagers.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                update.setBytes(1, entry.getSerializedToken().getData());
                update.setString(2, entry.getTokenType().getName());
                update.setString(3, entry.timestampAsString());
                update.setString(4, nodeId);
                update.setString(5, processorName);
                update.setInt(6, segment);
                return update.executeUpdate();
            }
        });
        if (updated == 0) super.storeToken(token, processorName, segment); // not ours (yet): Axon claims it or fails
    }
}
