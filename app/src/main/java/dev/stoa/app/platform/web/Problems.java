package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.api.platform.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problems of API.md: status, title, detail and a stable machine {@code code}. */
public final class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    static final String UNEXPECTED = "an unexpected error occurred; quote the X-Correlation-Id header when reporting it";

    private Problems() {}

    public static ProblemDetail of(ErrorCode code, String detail) { return of(code.status(), code.code(), detail); }

    /** A domain refusal as it arrived (its code may have crossed a process boundary as text). */
    public static ProblemDetail of(int status, String code, String detail) {
        HttpStatus resolved = HttpStatus.valueOf(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(resolved, detail);
        problem.setTitle(resolved.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    /** A 400 listing each bad field. */
    public static ProblemDetail validation(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = of(ErrorCode.VALIDATION_FAILED, detail);
        problem.setProperty("errors", errors);
        return problem;
    }



    /**
     * The problem for a status chosen by the servlet container or a filter ({@code sendError}), which
     * gives no reason we could show: its own message may echo the request, so the detail is ours.
     */
    public static ProblemDetail forStatus(int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null) resolved = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        String detail = switch (resolved.value()) {
            case 400 -> "the request is malformed: its request line, URL or headers cannot be accepted";
            case 404 -> "there is nothing at this path";
            case 405 -> "this method is not allowed here";
            case 500 -> UNEXPECTED;
            default -> "the server refused the request: " + resolved.getReasonPhrase();
        };
        return of(ErrorCode.forStatus(resolved.value()), detail);
    }

    /** A request the security firewall refuses before routing: a 400 the client must fix, not retry. */
    public static ProblemDetail requestRejected() {
        return of(ErrorCode.REQUEST_REJECTED, "the request was rejected: its URL, method or headers "
                + "are not allowed (e.g. //, ;, encoded dots, slashes or control characters)");
    }

    /**
     * For filters that answer before Spring MVC is reached. The problem's {@code instance} is the request's path, as
     * Spring MVC gives the problems it writes (the original path on an error dispatch; without the query string, which
     * may hold a token); {@code request} null: none (a path the firewall refused is not echoed).
     */
    /** The challenge of a 401 that is not about a token that was sent (none sent, or a login refused). */
    public static final String BEARER_CHALLENGE = "Bearer";

    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper mapper,
                             ProblemDetail problem) throws IOException {
        if (request != null && problem.getInstance() == null) problem.setInstance(path(request));
        response.setStatus(problem.getStatus());
        // every 401 names its scheme (RFC 9110 15.5.2); the security entry point sets a fuller challenge first
        if (problem.getStatus() == 401 && response.getHeader(HttpHeaders.WWW_AUTHENTICATE) == null)
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        response.setContentType(PROBLEM_JSON.toString());
        mapper.writeValue(response.getOutputStream(), problem);
    }

    private static URI path(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        try {
            return path == null ? null : URI.create(path); // the path as sent, encoded
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
