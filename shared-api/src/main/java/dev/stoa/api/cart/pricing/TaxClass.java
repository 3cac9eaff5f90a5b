package dev.stoa.api.cart.pricing;

import java.util.Locale;

/**
 * How an item is taxed. A product with a weight is physical (it ships), one without is digital; courses are
 * their own class.
 */
public enum TaxClass {
    PHYSICAL, DIGITAL, COURSE;

    public String value() { return name().toLowerCase(Locale.ROOT); }

    public static TaxClass ofProduct(Integer weightGrams) {
        return weightGrams != null && weightGrams > 0 ? PHYSICAL : DIGITAL;
    }
}
