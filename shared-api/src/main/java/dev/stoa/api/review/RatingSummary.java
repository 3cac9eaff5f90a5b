package dev.stoa.api.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A product's rating after a review event: how many live reviews it has and the sum of their stars (both exact, so the
 * average is never a running float). Every review event carries it, so a projection sets it and never adds it up.
 */
public record RatingSummary(long count, long total) {
    public static final RatingSummary NONE = new RatingSummary(0, 0);

    /** The mean of the stars to two decimals (half up), or null without reviews. */
    public Double average() {
        if (count == 0) return null;
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).doubleValue();
    }

    public RatingSummary plus(int rating) { return new RatingSummary(count + 1, total + rating); }

    public RatingSummary minus(int rating) { return new RatingSummary(count - 1, total - rating); }
}
