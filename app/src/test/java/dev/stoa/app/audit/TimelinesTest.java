package dev.stoa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an order's timeline says of each moment: amounts in the currency's own decimals, as the mails show them. */
class TimelinesTest {
    private final ObjectMapper json = new ObjectMapper();

    private AggregateHistory.Moment moment(String type, String payload) throws Exception {
        return Timelines.moment(new AuditEntry(7, "e-1", "Order", "o-1", 1, type, "1", Instant.parse("2026-12-05T12:00:00Z"),
                json.readTree(payload), null));
    }

    @Test
    void anAmountIsWrittenWithItsCurrencysDecimals() throws Exception {
        assertThat(moment("OrderConfirmed", "{\"orderNumber\":\"ORD-20261205-AB7K\",\"totalCents\":1500,\"currency\":\"JPY\"}").text())
                .isEqualTo("Order confirmed ORD-20261205-AB7K: 1500 JPY");
        assertThat(moment("OrderConfirmed", "{\"orderNumber\":\"ORD-20261205-AB7K\",\"totalCents\":1234,\"currency\":\"USD\"}").text())
                .isEqualTo("Order confirmed ORD-20261205-AB7K: 12.34 USD");
        assertThat(moment("WalletDebited", "{\"amountCents\":12345,\"currency\":\"BHD\"}").text())
                .isEqualTo("Wallet debited: 12.345 BHD");
    }
}
