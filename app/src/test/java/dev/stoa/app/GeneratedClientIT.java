package dev.stoa.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Mailbox;
import dev.stoa.client.ApiClient;
import dev.stoa.client.ApiException;
import dev.stoa.client.api.CatalogApi;
import dev.stoa.client.api.IdentityApi;
import dev.stoa.client.api.SearchApi;
import dev.stoa.client.model.LoginRequest;
import dev.stoa.client.model.Problem;
import dev.stoa.client.model.ProblemCode;
import dev.stoa.client.model.ProductRequest;
import dev.stoa.client.model.ProductView;
import dev.stoa.client.model.RegisterRequest;
import dev.stoa.client.model.SearchResult;
import dev.stoa.client.model.Tokens;
import dev.stoa.client.model.VerifyRequest;
import dev.stoa.client.model.CreatedProduct;
import dev.stoa.client.model.CreatedUser;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A real flow through the Java client generated from the committed OpenAPI document (module clients), as a client
 * developer would use it: register, verify, log in, list a product, find it, search it, and branch on a typed
 * problem code when a refusal comes back.
 */
class GeneratedClientIT extends ApiTest {
    private static final String PASSWORD = "generated client 7";

    @Test
    void aClientDeveloperSignsUpSellsAndSearchesThroughTheGeneratedClient() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        IdentityApi identity = new IdentityApi(client);
        String email = unique("gen") + "@example.org";

        CreatedUser registered = identity.register(new RegisterRequest().email(email).password(PASSWORD)
                .firstName("Grace").lastName("Hopper").roles(Set.of("vendor")), null, null);
        assertThat(registered.getUserId()).as("the new id, a typed field since 2026-12-06 (a map before)").isNotBlank();
        String link = new Mailbox(api).find(email, "confirm", "signed up: (\\S+)");
        identity.verifyEmail(new VerifyRequest().token(link).password(PASSWORD), null, null);
        Tokens tokens = identity.login(new LoginRequest().email(email).password(PASSWORD), null, null);
        assertThat(tokens.getTokenType()).isEqualTo("Bearer");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.getAccessToken()));

        CatalogApi catalog = new CatalogApi(client);
        String sku = unique("GEN");
        ProductRequest kettle = new ProductRequest().sku(sku).slug(sku.toLowerCase()).name("Generated Kettle")
                .priceCents(4_250L).currency("EUR").brand("Codegen");
        CreatedProduct created = catalog.createProduct(kettle, null, UUID.randomUUID().toString());
        ProductView product = catalog.getProduct(created.getProductId(), null, null, null);
        assertThat(product.getName()).isEqualTo("Generated Kettle");
        assertThat(product.getPriceCents()).isEqualTo(4_250L);
        assertThat(product.getVendorId()).isEqualTo(registered.getUserId());

        SearchResult found = new SearchApi(client).searchCatalog("generatd kettle", null, null, null, null, null, "Codegen",
                "eur", null, 10, 0, null, null, null);
        assertThat(found.getItems()).extracting(hit -> hit.getId()).contains(created.getProductId());

        // a conditional read: the ETag held still matches, so 304 without a body (an ApiException with code 304)
        String etag = catalog.getProductWithHttpInfo(created.getProductId(), null, null, null).getHeaders().get("etag").get(0);
        ApiException notModified = catchThrowableOfType(ApiException.class,
                () -> catalog.getProduct(created.getProductId(), null, null, etag));
        assertThat(notModified.getCode()).isEqualTo(304);

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> catalog.createProduct(kettle, null, UUID.randomUUID().toString()));
        assertThat(refused.getCode()).isEqualTo(409);
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo(ProblemCode.DUPLICATE_SKU);
    }
}
