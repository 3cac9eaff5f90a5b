package dev.stoa.app.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Examples of the main request bodies, so a client developer sees a whole valid request at a glance. */
@Component
class RequestExamples implements OpenApiCustomizer {
    private static final Map<String, Map<String, Object>> EXAMPLES = Map.of(
            "RegisterRequest", ordered("email", "ada@example.org", "password", "correct horse 42", "firstName", "Ada",
                    "lastName", "Lovelace", "phone", "+441234567890", "roles", List.of("customer")),
            "VerifyRequest", ordered("token", "eyJraWQiOi…", "password", "correct horse 42"),
            "LoginRequest", ordered("email", "ada@example.org", "password", "correct horse 42"),
            "ProductRequest", ordered("sku", "WH-1", "slug", "wireless-headphones", "name", "Wireless Headphones",
                    "description", "Over-ear, 30 h battery", "priceCents", 19999, "compareAtPriceCents", 24999,
                    "currency", "USD", "brand", "Sonora", "weightGrams", 250),
            "CategoryRequest", ordered("name", "Audio", "slug", "audio"),
            "AddressRequest", ordered("label", "home", "streetLine1", "12 Analytical Row", "city", "London",
                    "postalCode", "N1 9GU", "countryCode", "GB", "isDefault", true),
            "Reauthentication", ordered("password", "correct horse 42", "code", "123456"));

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) return;
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        EXAMPLES.forEach((name, example) -> {
            Schema<?> schema = schemas.get(name);
            if (schema != null) schema.setExample(example);
        });
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
        return map;
    }
}
