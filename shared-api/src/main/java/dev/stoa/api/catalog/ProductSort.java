package dev.stoa.api.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The sort orders of product lists and search, by their API.md spelling. */
public enum ProductSort {
    PRICE_ASC("price"), PRICE_DESC("-price"), RATING("rating"), NEWEST("newest");

    private final String param;

    ProductSort(String param) { this.param = param; }

    public String param() { return param; }

    public static Optional<ProductSort> fromParam(String value) {
        return Arrays.stream(values()).filter(s -> s.param.equals(value)).findFirst();
    }
}
