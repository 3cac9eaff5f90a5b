package dev.stoa.api.platform;

import java.util.Locale;
import java.util.Set;

/** Country codes a request may name: ISO 3166-1 alpha-2 as the JDK knows them ({@code ZZ} is none). */
public final class Countries {
    private static final Set<String> ISO_3166 = Set.of(Locale.getISOCountries());

    private Countries() {}

    public static boolean isCountry(String code) { return code != null && ISO_3166.contains(code); }
}
