package dev.stoa.api.catalog;

/**
 * One seller's own products, listed and unlisted alike ({@code listed}: true only the listed ones, false only the
 * unlisted, null both), sorted as the public list ({@code sort}: price, -price, rating, newest by default) and paged;
 * answered as a {@link FindProducts.Result}.
 */
public record FindVendorProducts(String vendorId, Boolean listed, ProductSort sort, int limit, int offset) {}
