package dev.stoa.app.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stoa.app.support.ApiTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's token store writes a processor's token as Axon's JPA store does (the same row, byte for byte) and
 * keeps its claim check: a segment another node holds is not updated, a segment nobody holds is claimed.
 */
class NativeUpdateTokenStoreIT extends ApiTest {
    @Autowired TokenStore store;
    @Autowired EntityManagerProvider entityManagers;
    @Autowired @Qualifier("serializer") Serializer serializer;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theProcessorsStoreIsThisOne() {
        assertThat(store).isInstanceOf(NativeUpdateTokenStore.class);
    }

    @Test
    void storesTheRowAxonsStoreWrites_andOnlyWhereThisNodeHoldsTheClaim() {
        String ours = "native-" + UUID.randomUUID(), axons = "axon-" + UUID.randomUUID();
        JpaTokenStore axon = JpaTokenStore.builder().entityManagerProvider(entityManagers).serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10)).build(); // the store Axon's Spring Boot configuration builds
        for (var s : Map.of(ours, (TokenStore) store, axons, axon).entrySet()) {
            tx.executeWithoutResult(t -> s.getValue().initializeSegment(null, s.getKey(), 0));
            tx.executeWithoutResult(t -> s.getValue().fetchToken(s.getKey(), 0)); // claims it
            tx.executeWithoutResult(t -> s.getValue().storeToken(new GlobalSequenceTrackingToken(41), s.getKey(), 0));
            tx.executeWithoutResult(t -> s.getValue().storeToken(new GlobalSequenceTrackingToken(42), s.getKey(), 0));
        }
        Map<String, Object> mine = row(ours), theirs = row(axons);
        assertThat((byte[]) mine.get("token")).isEqualTo((byte[]) theirs.get("token"));
        assertThat(mine.get("token_type")).isEqualTo(theirs.get("token_type")).isEqualTo(GlobalSequenceTrackingToken.class.getName());
        assertThat(mine.get("owner")).isEqualTo(theirs.get("owner")).isNotNull();
        assertThat(fetched(ours)).isEqualTo(new GlobalSequenceTrackingToken(42));

        // another node holds it, and its claim is fresh: no update, Axon's refusal
        jdbc.update("update token_entry set owner = 'another-node' where processor_name = ?", ours);
        assertThatThrownBy(() -> tx.executeWithoutResult(t -> store.storeToken(new GlobalSequenceTrackingToken(43), ours, 0)))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat((byte[]) row(ours).get("token")).as("still 42").isEqualTo((byte[]) mine.get("token"));
        // nobody holds it: the store claims it and writes the token
        jdbc.update("update token_entry set owner = null where processor_name = ?", ours);
        tx.executeWithoutResult(t -> store.storeToken(new GlobalSequenceTrackingToken(44), ours, 0));
        assertThat(row(ours).get("owner")).isEqualTo(theirs.get("owner"));
        assertThat(fetched(ours)).isEqualTo(new GlobalSequenceTrackingToken(44));
        // a reset to the start (no token) goes through Axon's code
        tx.executeWithoutResult(t -> store.storeToken(null, ours, 0));
        assertThat(row(ours).get("token")).isNull();
        jdbc.update("delete from token_entry where processor_name in (?, ?)", ours, axons);
    }

    private Object fetched(String processor) {
        return tx.execute(t -> (Object) store.fetchToken(processor, 0));
    }

    private Map<String, Object> row(String processor) {
        return jdbc.queryForMap("select token, token_type, owner from token_entry where processor_name = ? and segment = 0", processor);
    }
}
