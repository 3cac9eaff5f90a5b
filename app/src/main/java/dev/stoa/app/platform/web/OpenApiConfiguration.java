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
    static {
        // the id records are UUIDs wherever they stand (path, query, body): the document said "string" only, and a
        // generated client could not know that ?categoryId=nope is refused (found by a walkthrough, 2026-12-06, eighth
        // session). A pattern, not format uuid, so that generated clients keep them strings, as before
        for (Class<?> id : java.util.List.of(dev.stoa.api.catalog.CategoryId.class, dev.stoa.api.catalog.ProductId.class,
                dev.stoa.api.identity.UserId.class, dev.stoa.api.learning.CertificateId.class,
                dev.stoa.api.learning.CourseId.class, dev.stoa.api.learning.EnrollmentId.class,
                dev.stoa.api.learning.LessonId.class, dev.stoa.api.ordering.OrderId.class,
                dev.stoa.api.payment.PaymentId.class, dev.stoa.api.payment.RefundRequestId.class,
                dev.stoa.api.review.ReviewId.class, dev.stoa.api.wallet.VoucherBatchId.class))
            org.springdoc.core.utils.SpringDocUtils.getConfig().replaceWithSchema(id,
                    new io.swagger.v3.oas.models.media.StringSchema().pattern(dev.stoa.api.platform.Ids.UUID_PATTERN));
    }

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
