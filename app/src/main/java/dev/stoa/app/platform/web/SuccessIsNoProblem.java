package dev.stoa.app.platform.web;

import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * An answer that is not a problem is never labelled {@code application/problem+json}. Spring MVC's JSON converter
 * writes every {@code application/*+json} type, so an {@code Accept} that named the problem type first ("application/
 * problem+json, application/json") had a placed and paid order answered as a problem, which a client that reads the
 * content type takes for a refusal (found by a walkthrough, 2026-12-06). Such an answer is labelled
 * {@code application/json}; an Accept that admits only the problem type is refused before the handler runs
 * ({@link AcceptableAnswers}). Nor is an answer labelled with another JSON-based type ({@code application/hal+json},
 * chosen by Spring over a plain JSON range the same Accept names): it is plain JSON, labelled so (2026-12-07).
 */
@ControllerAdvice
class SuccessIsNoProblem implements ResponseBodyAdvice<Object> {
    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) { return true; }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selected,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (selected == null || selected.isWildcardSubtype()) return body;
        boolean problemType = MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(selected);
        if (problemType ? !(body instanceof ProblemDetail) : AcceptableAnswers.otherJson(selected) && !declared(request, selected))
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return body;
    }

    /** A type the operation declares it produces (the actuator's {@code application/vnd.spring-boot.actuator.v3+json}). */
    private static boolean declared(ServerHttpRequest request, MediaType selected) {
        return request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) instanceof Set<?> types
                && types.stream().anyMatch(t -> t instanceof MediaType type && type.includes(selected));
    }
}
