package dev.stoa.command.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.platform.UniqueKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Order numbers: ORD-YYYYMMDD-XXXX, UTC date, no look-alike characters, a taken number drawn again. */
class OrderNumbersTest {
    private final UniqueKeys keys = mock(UniqueKeys.class);
    // 23:30 in UTC is already the next day in Asia; the number follows UTC
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneOffset.ofHours(9));
    private final OrderId orderId = OrderId.random();

    @Test
    void aNumberIsTheUtcDateAndFourCharactersWithoutLookAlikes() {
        when(keys.claim(eq("order-number"), anyString(), eq(orderId.value()))).thenReturn(true);
        for (int i = 0; i < 200; i++)
            assertThat(new OrderNumbers(keys, clock).claim(orderId)).matches("ORD-20261130-[2-9A-HJ-NP-Z]{4}");
    }

    @Test
    void aTakenNumberIsDrawnAgain() {
        when(keys.claim(eq("order-number"), anyString(), eq(orderId.value()))).thenReturn(false, false, true);
        assertThat(new OrderNumbers(keys, clock).claim(orderId)).startsWith("ORD-20261130-");
        verify(keys, times(3)).claim(eq("order-number"), anyString(), eq(orderId.value()));
    }

    @Test
    void whenEveryDrawIsTaken_thenARetryableConflict() {
        when(keys.claim(anyString(), anyString(), anyString())).thenReturn(false);
        assertThatThrownBy(() -> new OrderNumbers(keys, clock).claim(orderId))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("concurrent_modification"));
    }
}
