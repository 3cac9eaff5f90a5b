package dev.stoa.app.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.Samples;
import dev.stoa.command.catalog.Product;
import dev.stoa.command.cart.Cart;
import dev.stoa.command.cart.Coupon;
import dev.stoa.command.identity.TokenFamily;
import dev.stoa.command.identity.UserAccount;
import dev.stoa.command.inventory.Inventory;
import dev.stoa.command.learning.Enrollment;
import dev.stoa.command.wallet.Wallet;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A snapshot is the aggregate written as JSON by the same serializer as the events: every field of the aggregate and
 * of the classes holding its state, all set, must come back equal, so a snapshot never loses state (a new field of a
 * type Jackson cannot write, or a new state class without {@code @SnapshotState}, fails here, not in production).
 */
class SnapshotSerializationTest {
    private final Serializer serializer = AxonJson.serializer();

    @ParameterizedTest
    @ValueSource(classes = {UserAccount.class, TokenFamily.class, Product.class, Inventory.class, Cart.class, Coupon.class, Wallet.class,
            Enrollment.class})
    void everyFieldOfTheAggregateSurvivesASnapshot(Class<?> aggregate) {
        Object state = Samples.object(aggregate);

        SerializedObject<byte[]> snapshot = serializer.serialize(state, byte[].class);
        Object loaded = serializer.deserialize(snapshot);

        assertThat(snapshot.getType().getRevision()).as("the aggregate's @Revision, checked when a snapshot is read").isEqualTo(aggregate.getAnnotation(Revision.class).value());
        assertThat(loaded).usingRecursiveComparison().isEqualTo(state);
    }
}
