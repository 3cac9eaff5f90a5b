package dev.stoa.app.platform.openapi;

import dev.stoa.api.platform.ErrorCode;
import dev.stoa.app.platform.security.AccessRules;
import dev.stoa.command.platform.web.GuessingLimited;
import dev.stoa.command.platform.web.SecretResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import dev.stoa.api.platform.Actor;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every operation's error responses, derived, not written by hand: the codes its code can reach
 * ({@link ReachableProblemCodes}) plus what the HTTP layer around it answers ({@link HttpLayerCodes}), grouped by
 * status, each response the shared {@code Problem} with an example per code and the list in {@code x-problem-codes};
 * and its security from {@link AccessRules} (open operations need no token). Built with the document, on its first
 * request, not at start-up.
 */
@Component
class ProblemDocumentation implements OpenApiCustomizer {
    static final String CODES_EXTENSION = "x-problem-codes";
    private final RequestMappingHandlerMapping mappings;

    ProblemDocumentation(RequestMappingHandlerMapping requestMappingHandlerMapping) {
        this.mappings = requestMappingHandlerMapping;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null) {
            ProblemSchemas.register(openApi.getComponents());
            HttpLayerCodes.registerHeaders(openApi.getComponents());
        }
        ReachableProblemCodes reachable = new ReachableProblemCodes(BytecodeIndex.load(getClass().getClassLoader()));
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String path : mapping.getKey().getPatternValues()) {
                PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
                if (item == null) continue;
                for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                    Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name()));
                    if (operation != null) document(operation, HttpMethod.valueOf(method.name()), path, mapping.getValue(), reachable);
                }
            }
        }
    }

    private void document(Operation operation, HttpMethod method, String path, HandlerMethod handler,
                          ReachableProblemCodes reachable) {
        AccessRules.Rule access = AccessRules.forRequest(method, path);
        boolean secret = handler.hasMethodAnnotation(SecretResponse.class);
        Set<ErrorCode> codes = EnumSet.copyOf(reachable.of(handler.getMethod()));
        codes.addAll(HttpLayerCodes.of(method, path, operation, access, secret));
        if (handler.hasMethodAnnotation(GuessingLimited.class)) codes.add(ErrorCode.RATE_LIMITED_CODE);
        codes.remove(ErrorCode.INTERNAL_ERROR); // a 5xx is a bug, not part of the contract
        Map<Integer, List<ErrorCode>> byStatus = codes.stream().collect(Collectors.groupingBy(ErrorCode::status, TreeMap::new,
                Collectors.toList()));
        byStatus.forEach((status, group) -> operation.getResponses().addApiResponse(status.toString(), response(status, group)));
        operation.setSecurity(security(access, handler));
        HttpLayerCodes.documentHeaders(operation, method, path);
    }

    /**
     * Who may call: a bearer token, none, or either for an open operation whose answer depends on the caller (its
     * handler takes the {@link Actor}: a draft course for its instructor, the stock settings for the product's vendor).
     * {@code security: []} alone told generated clients never to send a token there, so an instructor's client could not
     * open its own draft (walkthrough Z34, 2026-12-07).
     */
    static List<SecurityRequirement> security(AccessRules.Rule access, HandlerMethod handler) {
        SecurityRequirement bearer = new SecurityRequirement().addList("bearerAuth");
        if (!access.open()) return List.of(bearer);
        boolean asksWhoCalls = java.util.Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> Actor.class.isAssignableFrom(p.getParameterType()));
        return asksWhoCalls ? List.of(new SecurityRequirement(), bearer) : List.of();
    }

    private static ApiResponse response(int status, List<ErrorCode> codes) {
        MediaType problem = new MediaType().schema(new Schema<>().$ref(ProblemSchemas.ref(ProblemSchemas.forStatus(status))));
        codes.forEach(code -> problem.addExamples(code.code(), ProblemSchemas.example(code)));
        String list = codes.stream().map(c -> "`" + c.code() + "`").distinct().collect(Collectors.joining(", "));
        ApiResponse response = new ApiResponse().description(HttpStatus.valueOf(status).getReasonPhrase() + ". Problem codes: " + list)
                .content(new Content().addMediaType("application/problem+json", problem));
        response.addExtension(CODES_EXTENSION, codes.stream().map(ErrorCode::code).distinct().toList());
        return response;
    }
}
