package dev.stoa.api.platform;

import java.util.Locale;
import java.util.Set;

/**
 * Country codes an address may name: ISO 3166-1 alpha-2 as the JDK knows them ({@code ZZ} is none), and {@code XK}
 * (Kosovo: user-assigned in ISO 3166, used by the EU, Stripe and the carriers, missing from the JDK's list).
 */
public final class Countries {
    private static final Set<String> ISO_3166 = java.util.stream.Stream.concat(
            java.util.Arrays.stream(Locale.getISOCountries()), java.util.stream.Stream.of("XK")).collect(
            java.util.stream.Collectors.toUnmodifiableSet());

    private Countries() {}

    public static boolean isCountry(String code) { return code != null && ISO_3166.contains(code); }
}
