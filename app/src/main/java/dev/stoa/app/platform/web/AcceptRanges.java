package dev.stoa.app.platform.web;

import java.util.List;
import org.springframework.http.MediaType;

/** How an {@code Accept} header's ranges weigh one media type, by RFC 9110 12.5.1. */
public final class AcceptRanges {
    private AcceptRanges() {}

    /**
     * The most specific range that includes {@code type} (a type and subtype before a subtype wildcard before
     * {@code *}{@code /*}, then one with parameters other than {@code q}), whose weight is the type's; null when none does.
     */
    public static MediaType bestFor(List<MediaType> ranges, MediaType type) {
        MediaType best = null;
        int bestSpecificity = -1;
        for (MediaType range : ranges) {
            if (!range.includes(type)) continue;
            int specificity = (range.isWildcardType() ? 0 : 4) + (range.isWildcardSubtype() ? 0 : 2)
                    + (range.getParameters().keySet().stream().anyMatch(p -> !"q".equalsIgnoreCase(p)) ? 1 : 0);
            if (specificity > bestSpecificity) {
                best = range;
                bestSpecificity = specificity;
            }
        }
        return best;
    }

    /** The weight the ranges give {@code type}: its most specific range's, 0 when none includes it. */
    public static double quality(List<MediaType> ranges, MediaType type) {
        MediaType best = bestFor(ranges, type);
        return best == null ? 0 : best.getQualityValue();
    }
}
