package dev.stoa.command.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order id a checkout derives from its Idempotency-Key: the same for a retry, another for anyone else. */
class KeyedOrderIdTest {
    private final UserId ada = new UserId("0b6f4c1e-2f4a-4d63-9a55-3c2f7f0e9a11");
    private final UserId bob = new UserId("5d1f0e3a-8c7b-4e2d-b6a9-1f0e2d3c4b5a");

    @Test
    void aRetryWithTheSameKeyNamesTheSameOrder_anotherKeyOrBuyerAnother() {
        OrderId first = Checkout.keyedOrderId(ada, "checkout-7", 0);
        assertThat(Checkout.keyedOrderId(ada, "checkout-7", 0)).isEqualTo(first);
        assertThat(Checkout.keyedOrderId(ada, "checkout-8", 0)).isNotEqualTo(first);
        assertThat(Checkout.keyedOrderId(bob, "checkout-7", 0)).as("keys are per buyer").isNotEqualTo(first);
    }

    /** The key's next ids (after an attempt that gave its id up) differ from each other and from the first. */
    @Test
    void eachOfAKeysIdsIsItsOwn() {
        java.util.Set<OrderId> ids = new java.util.HashSet<>();
        for (int n = 0; n < Checkout.KEYED_IDS; n++) ids.add(Checkout.keyedOrderId(ada, "checkout-7", n));
        assertThat(ids).hasSize(Checkout.KEYED_IDS);
        assertThat(Checkout.keyedOrderId(ada, "checkout-7", 1)).isEqualTo(Checkout.keyedOrderId(ada, "checkout-7", 1));
    }

    @Test
    void theIdIsAVersion8UuidThatDoesNotShowTheKey() {
        String key = "a0000000-0000-4000-8000-000000000000";
        UUID id = UUID.fromString(Checkout.keyedOrderId(ada, key, 1).value());
        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).isNotEqualTo(key).doesNotContain("a0000000");
    }
}
