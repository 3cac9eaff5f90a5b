package dev.stoa.app.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
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
 * ({@link AcceptableAnswers}).
 */
@ControllerAdvice
class SuccessIsNoProblem implements ResponseBodyAdvice<Object> {
    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) { return true; }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selected,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail) && selected != null && !selected.isWildcardSubtype()
                && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(selected))
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return body;
    }
}
