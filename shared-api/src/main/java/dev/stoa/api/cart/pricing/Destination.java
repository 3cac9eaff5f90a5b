package dev.stoa.api.cart.pricing;

import java.util.Locale;

/** Where goods go, for tax and shipping: ISO 3166-1 alpha-2 country and, optionally, a state or region code. */
public record Destination(String countryCode, String state) {
    public Destination {
        if (countryCode == null || !countryCode.matches("[A-Za-z]{2}"))
            throw new IllegalArgumentException("countryCode must be ISO 3166-1 alpha-2");
        countryCode = countryCode.toUpperCase(Locale.ROOT);
        state = state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT);
    }
}
