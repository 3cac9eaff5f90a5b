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
        OrderId first = Checkout.keyedOrderId(ada, "checkout-7");
        assertThat(Checkout.keyedOrderId(ada, "checkout-7")).isEqualTo(first);
        assertThat(Checkout.keyedOrderId(ada, "checkout-8")).isNotEqualTo(first);
        assertThat(Checkout.keyedOrderId(bob, "checkout-7")).as("keys are per buyer").isNotEqualTo(first);
    }

    @Test
    void theIdIsAVersion8UuidThatDoesNotShowTheKey() {
        String key = "a0000000-0000-4000-8000-000000000000";
        UUID id = UUID.fromString(Checkout.keyedOrderId(ada, key).value());
        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).isNotEqualTo(key).doesNotContain("a0000000");
    }
}
