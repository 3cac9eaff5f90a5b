package dev.stoa.app.platform.web;

import dev.stoa.command.platform.web.SecretResponse;
import dev.stoa.command.platform.web.SecretResponseMarker;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Notes on the request that its handler is a {@link SecretResponse} endpoint, once Spring MVC has routed it, so
 * the {@link IdempotencyFilter} (which runs before routing) stores no copy of the response; and forbids caches
 * to keep it (RFC 6749 §5.1 asks the same of token responses).
 */
@Configuration
class SecretResponses implements WebMvcConfigurer, HandlerInterceptor {
    private static final String ATTRIBUTE = SecretResponses.class.getName();

    static boolean isSecret(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null || request.getAttribute(SecretResponseMarker.ATTRIBUTE) != null;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) { registry.addInterceptor(this); }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(SecretResponse.class)
                && method.getMethodAnnotation(SecretResponse.class).always()) {
            request.setAttribute(ATTRIBUTE, Boolean.TRUE);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        }
        return true;
    }
}
