package dev.stoa.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

/** Builders of catalog requests for the tests. */
public final class Catalog {
    private final Api api;

    public Catalog(Api api) { this.api = api; }

    public String category(String adminToken, String name, String slug, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "slug", slug));
        if (parentId != null) body.put("parentId", parentId);
        Api.Response r = api.post("/api/v1/categories", body, adminToken);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("categoryId").asText();
    }

    public static Map<String, Object> product(String sku, String name, long priceCents, String categoryId, String brand) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", sku);
        body.put("slug", sku.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        body.put("name", name);
        body.put("description", "The " + name + ", described.");
        body.put("priceCents", priceCents);
        body.put("currency", "USD");
        body.put("categoryId", categoryId);
        body.put("brand", brand);
        body.put("weightGrams", 250);
        return body;
    }

    public String create(String token, Map<String, Object> product) {
        Api.Response r = api.post("/api/v1/products", product, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("productId").asText();
    }
}
