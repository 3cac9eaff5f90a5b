package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.*;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over {@code stoa.http.max-body-size} with a 413 problem: at once when Content-Length
 * says so, and while reading when the body is chunked; and a body sent with a {@code Content-Encoding} (415). Lesson media uploads (multipart) have their own limit,
 * {@code stoa.learning.content.max-upload-size} plus room for the multipart framing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeLimitFilter extends OncePerRequestFilter {
    /** Multipart boundaries and part headers around an upload's bytes. */
    private static final long MULTIPART_FRAMING = 64 * 1024;
    private static final java.util.regex.Pattern UPLOADS =
            java.util.regex.Pattern.compile("/api/v1/courses/[^/]+/lessons/[^/]+/media");
    private final long defaultLimit;
    private final long uploadLimit;
    private final ObjectMapper mapper;

    public BodySizeLimitFilter(@Value("${stoa.http.max-body-size:1MB}") DataSize limit,
                               @Value("${stoa.learning.content.max-upload-size:200MB}") DataSize uploadLimit,
                               ObjectMapper mapper) {
        this.defaultLimit = limit.toBytes();
        this.uploadLimit = Math.max(uploadLimit.toBytes() + MULTIPART_FRAMING, defaultLimit);
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = "POST".equals(request.getMethod()) && UPLOADS.matcher(request.getRequestURI()).matches()
                ? uploadLimit : defaultLimit;
        if (encoded(request)) {
            response.setHeader(org.springframework.http.HttpHeaders.ACCEPT_ENCODING, "identity");
            Problems.write(request, response, mapper, Problems.of(dev.stoa.api.platform.ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding " + request.getHeader(org.springframework.http.HttpHeaders.CONTENT_ENCODING).strip()
                            + " is not supported: send the body uncompressed"));
            return;
        }
        if (request.getContentLengthLong() > limit) {
            Problems.write(request, response, mapper, new BodyTooLargeException(limit).problem());
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream stream;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (stream == null) stream = new LimitedInputStream(super.getInputStream(), limit);
                return stream;
            }
        }, response);
    }

    /**
     * A body compressed (or otherwise coded) is refused, 415 with {@code Accept-Encoding: identity} (RFC 9110, 8.4.1):
     * it was parsed as it came before 2026-12-07, so a gzipped body read "not valid JSON" and a body labelled {@code br}
     * but sent plain was taken (walkthrough Z43).
     */
    private static boolean encoded(HttpServletRequest request) {
        String coding = request.getHeader(org.springframework.http.HttpHeaders.CONTENT_ENCODING);
        if (coding == null || coding.isBlank() || coding.strip().equalsIgnoreCase("identity")) return false;
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) throw new BodyTooLargeException(limit);
        }

        @Override public boolean isFinished() { return in.isFinished(); }
        @Override public boolean isReady() { return in.isReady(); }
        @Override public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
    }
}
