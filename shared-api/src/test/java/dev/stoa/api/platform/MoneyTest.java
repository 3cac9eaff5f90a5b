package dev.stoa.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAreWrittenWithTheirCurrencysOwnDecimals() {
        assertThat(Money.format(1_234, "USD")).isEqualTo("12.34 USD");
        assertThat(Money.format(5, "EUR")).isEqualTo("0.05 EUR");
        assertThat(Money.format(1_500, "JPY")).as("yen have no decimals").isEqualTo("1500 JPY");
        assertThat(Money.format(1_234, "BHD")).as("three decimals").isEqualTo("1.234 BHD");
        assertThat(Money.format(1_234, "usd")).isEqualTo("12.34 usd");
        assertThat(Money.format(150_000, "ISK")).as("hundredths at Stripe").isEqualTo("1500.00 ISK");
        assertThat(Money.format(1_234, "XYZ1")).as("unknown: two").isEqualTo("12.34 XYZ1");
    }
}
