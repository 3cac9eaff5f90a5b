package dev.stoa.command.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuyerMailsTest {

    @Test
    void amountsAreWrittenWithTheirCurrencysOwnDecimals() {
        assertThat(BuyerMails.amount(1_234, "USD")).isEqualTo("12.34 USD");
        assertThat(BuyerMails.amount(5, "EUR")).isEqualTo("0.05 EUR");
        assertThat(BuyerMails.amount(1_500, "JPY")).as("yen have no decimals").isEqualTo("1500 JPY");
        assertThat(BuyerMails.amount(1_234, "BHD")).as("three decimals").isEqualTo("1.234 BHD");
        assertThat(BuyerMails.amount(1_234, "usd")).isEqualTo("12.34 usd");
        assertThat(BuyerMails.amount(150_000, "ISK")).as("hundredths at Stripe").isEqualTo("1500.00 ISK");
        assertThat(BuyerMails.amount(1_234, "XYZ1")).as("unknown: two").isEqualTo("12.34 XYZ1");
    }
}
