package dev.stoa.api.review;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;

/**
 * One review as anyone reads it: {@code authorName} is the author's first name and initial ({@code [erased]} once the
 * author was erased, null if unknown); {@code comment} null when none, {@code [erased]} once the author was erased.
 */
public record ReviewView(String id, String productId, int rating, @MayBeNull String comment, @MayBeNull String authorName,
                         boolean verifiedPurchase, Instant createdAt, Instant updatedAt) {}
