package dev.stoa.app.platform.openapi;

import static dev.stoa.api.platform.ErrorCode.*;

import dev.stoa.api.platform.ErrorCode;
import dev.stoa.app.platform.security.AccessRules;
import dev.stoa.app.platform.web.CatalogEtagFilter;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * What the HTTP layer around an endpoint answers (filters, validation, security, idempotency, rate limits), and the
 * headers it reads and writes. Kept beside the filters' own rules: a filter that starts answering a new code adds it
 * here, and the document-versus-behaviour test fails until it does.
 */
final class HttpLayerCodes {
    private HttpLayerCodes() {}

    static Set<ErrorCode> of(HttpMethod method, String path, Operation operation, AccessRules.Rule access, boolean secret) {
        // the firewall reads every request's path, method and headers before any endpoint does, and Tomcat before it
        // (bad_request: %00 or an encoded slash in the path, a malformed header; ProblemReportValve)
        Set<ErrorCode> codes = EnumSet.of(SERVICE_UNAVAILABLE, REQUEST_REJECTED, BAD_REQUEST_CODE);
        boolean hasBody = operation.getRequestBody() != null;
        if (hasBody) codes.addAll(Set.of(VALIDATION_FAILED, MALFORMED_REQUEST, UNSUPPORTED_MEDIA_TYPE));
        // the size limit reads every request's body before routing, also where the operation takes none (a publish, an
        // approval): a body over the limit sent there is 413 too (it was answered and not documented)
        if (!HttpMethod.GET.equals(method)) codes.add(PAYLOAD_TOO_LARGE);
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()) codes.add(VALIDATION_FAILED);
        if (answersABody(operation)) codes.add(NOT_ACCEPTABLE);
        // an open endpoint needs no token, but one that is sent is checked: expired or invalid, it is 401 (RFC 6750)
        codes.add(UNAUTHORIZED);
        codes.add(TOKEN_EXPIRED);
        if (!access.roles().isEmpty()) codes.add(FORBIDDEN_CODE);
        // a browser's request from an origin not allowed, or a preflight asking for what may not be sent (CORS, before
        // any endpoint; a problem since 2026-12-06, ninth session): wherever an Origin header is sent
        codes.add(FORBIDDEN_CODE);
        // a read-only token (an auditor's) writes nothing but its own session and account
        if (!access.open() && AccessRules.refusedToReadOnly(method, path)) codes.add(FORBIDDEN_CODE);
        // nor does a suspended or closed account's token, which is checked wherever it is sent (ActiveAccountWrites)
        // and a staff role's read of what is not its own nor open (AccessRules.staffRead)
        if (AccessRules.writesBeyondOwnSession(method, path) || AccessRules.reads(method) && AccessRules.staffRead(method, path))
            codes.addAll(Set.of(ACCOUNT_SUSPENDED, ACCOUNT_DEACTIVATED, SESSION_ENDED));
        if (HttpMethod.GET.equals(method)) codes.add(VALIDATION_FAILED); // X-Stoa-Min-Position
        // a query parameter the operation does not take, or one given twice (QueryParameters), wherever it is sent
        if (path.startsWith("/api/")) codes.add(VALIDATION_FAILED);
        if (HttpMethod.POST.equals(method)) {
            codes.addAll(Set.of(VALIDATION_FAILED, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_IN_PROGRESS, IDEMPOTENCY_RETRY));
            if (secret) codes.add(IDEMPOTENCY_RESPONSE_WITHHELD);
            if (path.startsWith("/api/v1/auth/")) codes.add(RATE_LIMITED_CODE);
        }
        return codes;
    }

    private static final String CORRELATION_ID = "X-Correlation-Id", CONSISTENCY = "X-Stoa-Consistency",
            CONSISTENCY_OF_WRITE = "X-Stoa-Consistency-of-a-write", CONSISTENCY_OF_READ = "X-Stoa-Consistency-of-a-read",
            POSITION = "X-Stoa-Position", REPLAYED = "Idempotent-Replayed";

    /** The answers' headers that most operations send, once in the components: each response refers to them. */
    static void registerHeaders(io.swagger.v3.oas.models.Components components) {
        components.addHeaders(CORRELATION_ID, header("The platform's id for this request: the correlationId of every event "
                + "it causes (the audit filter correlationId); quote it when reporting an error"));
        components.addHeaders(CONSISTENCY_OF_WRITE, new Header().description("consistent: the read models reflect this write "
                        + "(of a refusal: what it undid); pending: not yet (the write happened)")
                .schema(new StringSchema().addEnumItem("consistent").addEnumItem("pending")));
        components.addHeaders(CONSISTENCY_OF_READ, new Header().description("consistent or pending: whether "
                        + "X-Stoa-Min-Position was reached")
                .schema(new StringSchema().addEnumItem("consistent").addEnumItem("pending")));
        components.addHeaders(POSITION, new Header().description("The event position this write produced (of a refusal: "
                + "that of the writes it undid, when it made any); send it as X-Stoa-Min-Position")
                .schema(new IntegerSchema().format("int64")));
        components.addHeaders(REPLAYED, header("true when this is the stored answer (a refusal's too) to an earlier "
                + "request with the same Idempotency-Key"));
    }

    private static Header ref(String name) { return new Header().$ref("#/components/headers/" + name); }

    static void documentHeaders(Operation operation, HttpMethod method, String path) {
        operation.addParametersItem(new HeaderParameter().name("X-Correlation-Id").required(false)
                .description("Your own label for this request (1-64 of A-Z a-z 0-9 . _ : -): stored as clientCorrelationId with "
                        + "every event it causes, beside the platform's correlation id, which it never replaces")
                .schema(new StringSchema().pattern("^[A-Za-z0-9._:-]{1,64}$")));
        if (HttpMethod.POST.equals(method))
            operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                    .description("A retry with the same key and body answers the first response and does nothing twice; "
                            + "another body with the same key is 422 idempotency_key_reused. Remembered 24 h.")
                    .schema(new StringSchema().minLength(1).maxLength(255)));
        if (HttpMethod.GET.equals(method))
            operation.addParametersItem(new HeaderParameter().name("X-Stoa-Min-Position").required(false)
                    .description("The X-Stoa-Position of your last write: the read waits (bounded) until it is reflected")
                    .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
        boolean conditional = HttpMethod.GET.equals(method) && CatalogEtagFilter.catalog(path);
        if (conditional) {
            operation.addParametersItem(new HeaderParameter().name("If-None-Match").required(false)
                    .description("The ETag of the answer you hold: 304 without a body while it is still the answer")
                    .schema(new StringSchema()));
        }
        boolean write = !HttpMethod.GET.equals(method);
        operation.getResponses().forEach((status, response) -> {
            if (status.equals("201"))
                response.addHeaderObject("Location", header("Where to read what was created"));
            if (status.equals("401"))
                response.addHeaderObject("WWW-Authenticate", header("The challenge: Bearer, with error=\"invalid_token\" and "
                        + "why for a token that was sent and refused"));
            if (status.equals("429") || status.equals("503"))
                response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                        .schema(new IntegerSchema()));
            if (conditional && status.startsWith("2")) {
                response.addHeaderObject("ETag", header("This answer's tag (a hash of its body); send it as If-None-Match"));
                response.addHeaderObject("Cache-Control", header("no-cache: keep the answer, but ask again before using it"));
            }
            // every answer names its request, and a write's refusal answers as its success does (its position, when it
            // undid writes of its own; replayed for a kept Idempotency-Key): they were declared on 2xx only before
            // 2026-12-07, sixth session, and a generated client could not read them off a refusal (walkthrough Z26)
            response.addHeaderObject(CORRELATION_ID, ref(CORRELATION_ID));
            if (status.equals("409") && withheld(response))
                response.addHeaderObject("Location", header("idempotency_response_withheld: where to read what the first "
                        + "request with this Idempotency-Key created"));
            if (status.startsWith("5") || !(write || status.startsWith("2"))) return;
            response.addHeaderObject(CONSISTENCY, ref(write ? CONSISTENCY_OF_WRITE : CONSISTENCY_OF_READ));
            if (write) response.addHeaderObject(POSITION, ref(POSITION));
            if (HttpMethod.POST.equals(method)) response.addHeaderObject(REPLAYED, ref(REPLAYED));
        });
        if (conditional) {
            operation.getResponses().addApiResponse("304", new ApiResponse()
                    .description("Not Modified: the If-None-Match sent is still this answer's ETag; no body")
                    .addHeaderObject("ETag", header("The answer's tag, as sent")));
        }
    }

    /** Whether this response's problem codes hold {@code idempotency_response_withheld}. */
    private static boolean withheld(ApiResponse response) {
        Object codes = response.getExtensions() == null ? null : response.getExtensions().get(ProblemDocumentation.CODES_EXTENSION);
        return codes instanceof java.util.Collection<?> list && list.contains(IDEMPOTENCY_RESPONSE_WITHHELD.code());
    }

    /** An answer with a body is negotiated: an Accept header that rules out its media type is refused. */
    private static boolean answersABody(Operation operation) {
        return operation.getResponses() != null && operation.getResponses().entrySet().stream().anyMatch(r ->
                r.getKey().startsWith("2") && r.getValue().getContent() != null && !r.getValue().getContent().isEmpty());
    }

    private static Header header(String description) { return new Header().description(description).schema(new StringSchema()); }
}
