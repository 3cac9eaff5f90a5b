package dev.stoa.command.catalog;

import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.ProductDetails;
import dev.stoa.api.platform.Ids;
import dev.stoa.api.platform.Slugs;
import jakarta.validation.constraints.*;

/** Body of POST and PUT /api/v1/products: the seed fields of a product. */
record ProductRequest(
        @NotBlank @Size(max = 64) String sku,
        @NotBlank @Size(max = 120) @Pattern(regexp = Slugs.REGEX, message = Slugs.MESSAGE) String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10000) @dev.stoa.command.platform.web.VisibleWhenGiven String description,
        @NotNull @PositiveOrZero @Max(10_000_000_000L) Long priceCents,
        @PositiveOrZero @Max(10_000_000_000L) Long compareAtPriceCents,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a UUID") String categoryId,
        @Size(max = 100) @dev.stoa.command.platform.web.VisibleWhenGiven String brand,
        // 0 was taken, and made the product digital without a word (no shipping, no tracking; walkthrough Z9, 2026-12-07)
        @io.swagger.v3.oas.annotations.media.Schema(minimum = "1", description = "Grams, 1 to 10,000,000: a product with a weight is "
                + "physical (shipped, with a tracking number); leave it out for a digital one")
        @jakarta.validation.constraints.Positive(message = "must be at least 1: leave it out for a digital product, which has no weight")
        @Max(10_000_000) Integer weightGrams,
        @io.swagger.v3.oas.annotations.media.Schema(description = "On sale. Left out: true on POST; on PUT the product "
                + "stays as it is, listed or not (a PUT left out of it listed the product again before 2026-12-07)") Boolean active,
        @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a UUID") String vendorId) {

    @AssertTrue(message = "compareAtPriceCents must not be below priceCents")
    boolean isCompareAtPriceValid() {
        return compareAtPriceCents == null || priceCents == null || compareAtPriceCents >= priceCents;
    }

    ProductDetails details() {
        return new ProductDetails(sku, slug, name, description, priceCents, compareAtPriceCents, currency,
                categoryId == null ? null : new CategoryId(categoryId), brand, weightGrams, active == null || active);
    }
}
