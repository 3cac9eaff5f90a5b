package dev.stoa.app.platform.web;

import dev.stoa.api.platform.DomainException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A POST, PUT, PATCH or DELETE whose operation takes no body (a refund's approval, a course's publication, an account's
 * deactivation, a replay) is 400 {@code validation_failed} when it comes with one, before the operation runs: ignored,
 * {@code POST /refunds/{id}/approve {"amountCents": 500}} approved the whole refund, and a deactivation's
 * {@code {"reason": ...}} was dropped without a word (before 2026-12-07; walkthrough Z4 found a replay's body ignored).
 * No body, an empty one, {@code {}} and {@code null} (what clients send by default) are taken. Operations that read the request
 * themselves (a parameter of the servlet request, a stream, a reader, an entity, a part, a model attribute) are left
 * alone. A DELETE's body has no meaning in HTTP, and a client that sends one means something by it ({@code DELETE
 * /cart/items/{id} {"quantity": 1}} emptied the line): since 2026-12-07 it is refused as well, where the operation takes
 * none (the account's closing takes its password). The body is read here only where nothing else would.
 */
@Configuration
class BodylessOperations implements WebMvcConfigurer, HandlerInterceptor {
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** What is read of an unwanted body to tell {@code {}} from more: a little more than any spacing around it. */
    private static final int LOOK = 4_096;
    private final Map<HandlerMethod, Boolean> bodyless = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) { registry.addInterceptor(this).addPathPatterns("/api/**"); }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!METHODS.contains(request.getMethod()) || !(handler instanceof HandlerMethod method)) return true;
        if (!bodyless.computeIfAbsent(method, BodylessOperations::takesNoBody)) return true;
        if (request.getContentLengthLong() == 0) return true;
        // a form's body was read into parameters already (Spring's FormContentFilter does so for PUT, PATCH and DELETE):
        // its stream reads empty, and DELETE /cart/items/{id} with a form body ran (walkthrough Z13)
        if (!isForm(request) || !hasBody(request)) {
            if (isNothing(request.getInputStream())) return true;
        }
        RefusedBeforeTheHandler.mark(request);
        String message = "this operation takes no body: send none (or {})";
        throw DomainException.invalidField("body", message, message);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** A body is on its way: a length above 0, or chunks. */
    private static boolean hasBody(HttpServletRequest request) {
        String chunks = request.getHeader("Transfer-Encoding");
        return request.getContentLengthLong() > 0 || chunks != null && chunks.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    /** Whether the operation reads no body: none of its parameters is one, or reads the request itself. */
    static boolean takesNoBody(HandlerMethod method) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(RequestBody.class) || parameter.hasParameterAnnotation(RequestPart.class)
                    || parameter.hasParameterAnnotation(ModelAttribute.class)
                    || ServletRequest.class.isAssignableFrom(type) || InputStream.class.isAssignableFrom(type)
                    || Reader.class.isAssignableFrom(type) || HttpEntity.class.isAssignableFrom(type)
                    || MultipartFile.class.isAssignableFrom(type)) return false;
        }
        return true;
    }

    /** Whether the body is empty, blank, an empty JSON object or JSON's null. */
    static boolean isNothing(InputStream body) throws IOException {
        byte[] read = body.readNBytes(LOOK);
        String text = new String(read, StandardCharsets.UTF_8).replaceAll("\\s+", "");
        return text.isEmpty() || text.equals("{}") || text.equals("null");
    }
}
