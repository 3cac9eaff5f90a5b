package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.api.platform.ErrorKind;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problems of API.md: status, title, detail and a stable machine {@code code}. */
public final class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    static final String UNEXPECTED = "an unexpected error occurred; quote the X-Correlation-Id header when reporting it";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    /** A 400 listing each bad field. */
    public static ProblemDetail validation(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation_failed", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static HttpStatus status(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The default code of a status, for problems raised by the framework rather than by us. */
    public static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 417 -> "expectation_failed";
            case 422 -> "unprocessable";
            case 429 -> "rate_limited";
            case 431 -> "headers_too_large";
            case 501 -> "not_implemented";
            case 503 -> "service_unavailable";
            case 505 -> "http_version_not_supported";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
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
        return of(resolved, defaultCode(resolved.value()), detail);
    }

    /** A request the security firewall refuses before routing: a 400 the client must fix, not retry. */
    public static ProblemDetail requestRejected() {
        return of(HttpStatus.BAD_REQUEST, "request_rejected", "the request was rejected: its URL, method or headers "
                + "are not allowed (e.g. //, ;, encoded dots, slashes or control characters)");
    }

    /** For filters that answer before Spring MVC is reached. */
    public static void write(HttpServletResponse response, ObjectMapper mapper, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
