package dev.stoa.command.catalog;

import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.catalog.ProductDetails;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Money;
import dev.stoa.api.platform.Roles;
import dev.stoa.api.platform.Slugs;
import dev.stoa.command.platform.UniqueKeys;

/** The checks a product's fields must pass and the set-based keys it holds, shared by create and update. */
final class ProductRules {
    static final String SKU = "product-sku";
    static final String SLUG = "product-slug";
    static final String CATEGORY = CategoryRules.CATEGORY_ID;

    private ProductRules() {}

    static void requireSeller(Actor actor) {
        if (actor == null || !(actor.isAdmin() || actor.has(Roles.VENDOR)))
            throw DomainException.forbidden("only vendors and admins manage products");
    }

    static void requireOwnerOrAdmin(Actor actor, String vendorId) {
        requireSeller(actor);
        if (!actor.isAdmin() && !actor.userId().equals(vendorId))
            throw DomainException.forbidden("this product belongs to another vendor");
    }

    static void validate(ProductDetails d, UniqueKeys keys) {
        if (blank(d.sku()) || blank(d.name()) || blank(d.slug()))
            throw DomainException.badInput("sku, slug and name are required");
        if (!Slugs.isSlug(d.slug())) throw DomainException.badInput("slug " + Slugs.MESSAGE);
        if (d.priceCents() < 0) throw DomainException.badInput("priceCents must not be negative");
        if (d.compareAtPriceCents() != null && d.compareAtPriceCents() < d.priceCents())
            throw DomainException.badInput("compareAtPriceCents must not be below priceCents");
        if (!Money.isCurrency(d.currency())) throw DomainException.badInput("currency must be " + Money.CURRENCY_RULE);
        if (d.weightGrams() != null && d.weightGrams() < 1)
            throw DomainException.badInput("weightGrams must be at least 1: leave it out for a digital product, which has no weight");
        if (d.categoryId() != null && !keys.exists(CATEGORY, d.categoryId().value()))
            throw new DomainException(ErrorCode.UNKNOWN_CATEGORY, "category " + d.categoryId() + " does not exist");
    }

    /** SKUs compare without case or surrounding space: "ab-1" and "AB-1 " are one SKU. */
    static String skuKey(String sku) { return sku.trim().toUpperCase(java.util.Locale.ROOT); }

    static void claimSku(UniqueKeys keys, String sku, String productId) {
        if (!keys.claim(SKU, skuKey(sku), productId))
            throw new DomainException(ErrorCode.DUPLICATE_SKU, "SKU " + sku.trim() + " is already in use");
    }

    static void claimSlug(UniqueKeys keys, String slug, String productId) {
        if (!keys.claim(SLUG, slug, productId))
            throw new DomainException(ErrorCode.DUPLICATE_SLUG, "slug " + slug + " is already in use");
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
