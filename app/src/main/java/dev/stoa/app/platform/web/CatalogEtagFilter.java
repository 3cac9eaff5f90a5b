package dev.stoa.app.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional reads of the public catalog ({@code /products}, a product and its reviews, {@code /search},
 * {@code /suggest}, {@code /categories}, {@code /courses}): each answer carries an {@code ETag} (a hash of its body)
 * and {@code Cache-Control: no-cache}, so a client may keep it but asks again every time; a read whose
 * {@code If-None-Match} still matches answers {@code 304} without a body. The hash is of the answer itself, so a
 * write that changed it (read-your-writes: answered after the read model has it) never gets a 304 for the old one.
 * Every other path keeps Spring Security's {@code no-store}.
 */
@Component
@Order(30)
public class CatalogEtagFilter extends ShallowEtagHeaderFilter {
    private static final Set<String> EXACT = Set.of("/api/v1/products", "/api/v1/search", "/api/v1/suggest",
            "/api/v1/categories", "/api/v1/courses");

    /** Whether the path (or path template) is one of the catalog reads answered with an ETag. */
    public static boolean catalog(String path) {
        return EXACT.contains(path) || (path.startsWith("/api/v1/products/") && path.indexOf('/', "/api/v1/products/".length()) < 0)
                || (path.startsWith("/api/v1/products/") && path.endsWith("/reviews"));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || !catalog(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        super.doFilterInternal(request, response, chain);
    }
}
