package dev.stoa.app.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The generated OpenAPI document's header and its bearer-token scheme, so Swagger UI can send tokens. */
@Configuration
public class OpenApiConfiguration {
    static final String BEARER = "bearerAuth";

    @Bean
    OpenAPI stoaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Stoa API").version("v1")
                        .description("Shop and school backend. Errors are application/problem+json with a stable `code`; "
                                + "POSTs accept an Idempotency-Key; writes answer X-Stoa-Position for read-your-writes.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token from POST /api/v1/auth/login (RS256, 15 minutes)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                // fixed, not the serving request's address: the document is committed (openapi/stoa-api.json)
                .servers(java.util.List.of(new io.swagger.v3.oas.models.servers.Server().url("http://localhost:8080")
                        .description("The platform on its embedded defaults (README); use your deployment's address")));
    }
}
