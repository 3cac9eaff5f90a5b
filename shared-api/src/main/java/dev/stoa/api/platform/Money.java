package dev.stoa.api.platform;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/** An amount in the smallest unit of an ISO 4217 currency. Never floating point. */
public record Money(long amountCents, String currency) {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        if (currency == null || !CURRENCY.matcher(currency).matches())
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD");
    }

    /**
     * Codes of the currencies the JDK knows (ISO 4217) that are money: with minor units. The codes ISO 4217 gives none
     * (precious metals, the IMF's drawing right, the code for testing and the one for "no currency") were accepted
     * until 2026-12-06, and a product priced in one could never be paid.
     */
    private static final java.util.Set<String> ISO_4217 = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getDefaultFractionDigits() >= 0)
            .map(Currency::getCurrencyCode).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** What {@link #isCurrency} asks of a code, for a refusal: "currency must be " + this. */
    public static final String CURRENCY_RULE = "the ISO 4217 code of a currency, such as USD (not of a metal or a fund, such as XAU)";

    /** A currency a request may name: an ISO 4217 code of money (three capitals that name no currency, {@code XYZ}, are not). */
    public static boolean isCurrency(String code) {
        return code != null && CURRENCY.matcher(code).matches() && ISO_4217.contains(code);
    }

    /**
     * An amount in the unit Stripe counts it in, as a person reads it, with the currency's own decimals (ISO 4217):
     * 1234 USD → "12.34 USD", 1500 JPY → "1500 JPY", 1234 BHD → "1.234 BHD"; ISK and UGX in hundredths, as Stripe
     * counts them. An unknown code gets two decimals.
     */
    public static String format(long minorUnits, String currency) {
        int digits = 2;
        try {
            String code = currency.toUpperCase(Locale.ROOT);
            // Stripe counts these two in hundredths, though ISO 4217 gives them none
            if (!code.equals("ISK") && !code.equals("UGX"))
                digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // two decimals
        }
        return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + currency;
    }
}
