package dev.stoa.api.platform;

import java.util.regex.Pattern;

/** An amount in the smallest unit of an ISO 4217 currency. Never floating point. */
public record Money(long amountCents, String currency) {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        if (currency == null || !CURRENCY.matcher(currency).matches())
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD");
    }

    public static boolean isCurrency(String code) {
        return code != null && CURRENCY.matcher(code).matches();
    }
}
