package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorDetails;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.*;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns failures into problem+json: domain refusals keep their code and status,
 * bad input is a 400 listing each field, framework errors keep their 4xx status with a code; only an
 * unexpected exception is a 500, and that is a bug.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e) {
        ProblemDetail problem = Problems.of(e.kind().status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        if (ErrorCode.VALIDATION_FAILED.code().equals(e.code()) && !e.properties().containsKey("errors"))
            problem.setProperty("errors", List.of(Map.of("field", fieldOf(e.getMessage()), "message", e.getMessage())));
        ResponseEntity<Object> response = respond(problem);
        if (e.retryAfterSeconds() == null) return response;
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds().toString()).body(response.getBody());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> command(CommandExecutionException e) {
        ErrorDetails details = e.getDetails().filter(ErrorDetails.class::isInstance).map(ErrorDetails.class::cast)
                .orElse(null);
        if (details != null) return domain(details.toException());
        if (Unavailability.isUnavailable(e)) return unavailable(e);
        return unexpected(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "has an invalid value" + (e.getRequiredType() == null ? "" : " (expected " + typeName(e) + ")");
        return respond(Problems.validation("invalid parameter " + e.getName(),
                List.of(Map.of("field", e.getName(), "message", message))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> errors.add(Map.of("field", leaf(v.getPropertyPath().toString()),
                "message", v.getMessage())));
        return respond(Problems.validation("invalid request", errors));
    }

    /** The firewall checks a header value only when it is read, and MVC may be the first to read it. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e) { return respond(Problems.requestRejected()); }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception e) {
        if (Unavailability.isUnavailable(e)) return unavailable(e);
        return unexpected(e);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError f : e.getBindingResult().getFieldErrors())
            errors.add(Map.of("field", fieldNamed(f), "message", String.valueOf(f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(Map.of("field", g.getObjectName(), "message", String.valueOf(g.getDefaultMessage()))));
        return respond(Problems.validation("the request body has invalid fields", errors));
    }

    /** A required query parameter that is missing is an invalid field like any other. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return respond(Problems.validation("a required parameter is missing",
                List.of(Map.of("field", e.getParameterName(), "message", "is required"))));
    }

    /**
     * A required part of a multipart upload that is missing, as a missing parameter: it was 400 {@code bad_request}
     * with Spring's words and no field before 2026-12-07, sixth session (walkthrough Z24).
     */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return respond(Problems.validation("a required part is missing",
                List.of(Map.of("field", e.getRequestPartName(), "message", "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(Map.of("field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", String.valueOf(err.getDefaultMessage())))));
        return respond(Problems.validation("invalid request parameters", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof BodyTooLargeException tooLarge) return respond(tooLarge.problem());
        if (e.getMostSpecificCause() instanceof StorableText.Refused refused)
            return respond(Problems.validation("the request body has invalid fields",
                    List.of(Map.of("field", fieldPath(refused), "message", refused.getOriginalMessage()))));
        // classified by Jackson's own exception, which knows the field; its cause may be anything (a date's parse error)
        Throwable cause = e.getCause();
        // a value of the right JSON type that a body's own type refuses ("podcast" as a lesson type, an id record's
        // value that is no UUID): our words, naming the field (it read "the request body is missing or unreadable")
        if (cause instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException creator
                && creator.getCause() instanceof IllegalArgumentException refused && refused.getMessage() != null)
            return respond(Problems.validation("the request body has invalid fields",
                    List.of(Map.of("field", fieldPath(creator), "message", refused.getMessage()))));
        // a string a type could not read (a date, a UUID): what the field must be, never the parser's words
        if (cause instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException format
                && format.getValue() instanceof String && JsonTypes.readFromString(format.getTargetType())) {
            String expected = "must be " + JsonTypes.expected(format.getTargetType());
            return respond(Problems.validation("the request body has invalid fields",
                    List.of(Map.of("field", fieldPath(format), "message", expected))));
        }
        // a whole number too large for its field (quantity 2^40): the field and its range (it came without errors[])
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException coercion) {
            String field = fieldPath(mapping);
            String expected = "must be " + JsonTypes.range(coercion.getTargetType());
            ProblemDetail problem = Problems.of(ErrorCode.MALFORMED_REQUEST,
                    "the request body is not valid JSON for this endpoint: " + field + " " + expected);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", expected)));
            return respond(problem);
        }
        // a member the body does not have (a misspelt field): which, and the fields it has (StrictJsonConfiguration)
        if (cause instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            String field = fieldPath(unknown);
            String message = "is not a field of this body" + known(unknown.getKnownPropertyIds());
            ProblemDetail problem = Problems.of(ErrorCode.MALFORMED_REQUEST,
                    "the request body is not valid JSON for this endpoint: " + field + " " + message);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
            return respond(problem);
        }
        // a value of the wrong JSON type: which field, and what it must be, never Jackson's words (they name Java types)
        if (cause instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch) {
            String expected = "must be " + JsonTypes.expected(mismatch.getTargetType());
            if (mismatch.getPath().isEmpty())
                return respond(Problems.of(ErrorCode.MALFORMED_REQUEST, "the request body " + expected));
            String field = fieldPath(mismatch);
            ProblemDetail problem = Problems.of(ErrorCode.MALFORMED_REQUEST,
                    "the request body is not valid JSON for this endpoint: " + field + " " + expected);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", expected)));
            return respond(problem);
        }
        return respond(Problems.of(ErrorCode.MALFORMED_REQUEST, unreadable(cause)));
    }

    /** The body's own fields, for a member it does not have: "(its fields: a, b, c)", sorted; empty when unknown. */
    private static String known(java.util.Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) return "";
        return " (its fields: " + ids.stream().map(String::valueOf).sorted().collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    /** Why a body could not be read, for {@code malformed_request}: where, never what it held. */
    private static String unreadable(Throwable cause) {
        // not JSON: a token quoted back could be part of a password or a code
        if (cause instanceof com.fasterxml.jackson.core.JsonParseException parse) {
            // a member given twice is named (a field's name is no secret); any other parse error only located
            String what = parse.getOriginalMessage() != null && parse.getOriginalMessage().startsWith("Duplicate field ")
                    ? "the request body names a field twice" : "the request body is not valid JSON";
            return parse.getLocation() == null ? what
                    : what + " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty())
            return "the request body is not valid JSON for this endpoint at " + fieldPath(mapping);
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException)
            return "the request body is not valid JSON for this endpoint";
        return "the request body is missing or unreadable";
    }

    /** Words a rule's message may start with that name no field ("a quiz needs at least one question"). */
    private static final Set<String> NOT_FIELDS = Set.of("a", "an", "the", "every", "each", "order",
            "at", "this", "that", "no", "only", "one", "both", "either", "nothing", "none", "all", "any");
    private static final Pattern LEADING_FIELD =
            Pattern.compile("^([a-z][A-Za-z0-9]*(?:\\[[^\\]]*])*(?:\\.[a-z][A-Za-z0-9]*(?:\\[[^\\]]*])*)*)[ ,:].*", Pattern.DOTALL);

    /**
     * The field a domain rule's {@code validation_failed} is about, for its {@code errors} (API.md: always
     * {@code [{field, message}]}): the rules name it first ("trackingNumber is required", "shippingAddress.countryCode
     * must be ...", "quiz[0].correct indexes ...", with its indexes: before 2026-12-06, fourth session, those became
     * {@code quizAnswers} without its index, and {@code request} for an index inside the path); a rule across fields,
     * or one that names none, is about the {@code request}.
     */
    static String fieldOf(String message) {
        if (message == null) return "request";
        Matcher m = LEADING_FIELD.matcher(message);
        return m.matches() && !NOT_FIELDS.contains(m.group(1)) ? m.group(1) : "request";
    }

    /**
     * The field a body's invalid field is: its name, but for a rule across fields ({@code @AssertTrue} on a method
     * such as {@code isWindowOrdered}), whose method's name is no field of the body: the field its message names first
     * ("validUntil must be after validFrom"), beside the method's path ({@code items[0].}), or the {@code request}.
     */
    static String fieldNamed(FieldError f) {
        if (!"AssertTrue".equals(f.getCode())) return f.getField();
        String named = fieldOf(f.getDefaultMessage());
        int dot = f.getField().lastIndexOf('.');
        if (dot < 0) return named;
        String parent = f.getField().substring(0, dot);
        return "request".equals(named) ? parent : parent + "." + named;
    }

    /** The JSON path of a body's field as the validation names fields: {@code items[0].name}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0) path.append('[').append(r.getIndex()).append(']');
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /**
     * A 405's {@code Allow} names what the path answers, as {@code OPTIONS} on it does: {@code HEAD} beside {@code GET},
     * and {@code OPTIONS} (before 2026-12-07 it named the mapped methods alone, {@code PUT, GET, DELETE} where
     * {@code OPTIONS} answered {@code PUT,GET,HEAD,DELETE,OPTIONS}; walkthrough Z14).
     */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            org.springframework.web.HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        Set<HttpMethod> mapped = e.getSupportedHttpMethods();
        if (mapped == null || mapped.isEmpty()) return super.handleHttpRequestMethodNotSupported(e, headers, status, request);
        Set<HttpMethod> allowed = new java.util.LinkedHashSet<>(mapped);
        if (allowed.contains(HttpMethod.GET)) allowed.add(HttpMethod.HEAD);
        allowed.add(HttpMethod.OPTIONS);
        HttpHeaders withAllow = new HttpHeaders();
        withAllow.putAll(headers);
        withAllow.setAllow(allowed);
        return super.handleHttpRequestMethodNotSupported(e, withAllow, status, request);
    }

    /** Framework-raised errors (404 route, 405, 415, ...) get a code beside Spring's problem fields. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code"))
                problem.setProperty("code", ErrorCode.forStatus(status.value()).code());
            // labelled here, not negotiated: an Accept header Spring cannot parse (q=abc) failed the negotiation of its
            // own refusal, which went out as a 406 without a body (before 2026-12-06, seventh session; a walkthrough)
            if (response.getHeaders().getContentType() == null) {
                HttpHeaders labelled = new HttpHeaders();
                labelled.putAll(response.getHeaders());
                labelled.setContentType(Problems.PROBLEM_JSON);
                return new ResponseEntity<>(problem, labelled, response.getStatusCode());
            }
        }
        return response;
    }

    private ResponseEntity<Object> unavailable(Exception e) {
        log.warn("Service unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(ErrorCode.SERVICE_UNAVAILABLE,
                        "a backing service (database, event store, message bus or search) is unreachable; retry shortly"));
    }

    private ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return respond(Problems.of(ErrorCode.INTERNAL_ERROR, Problems.UNEXPECTED));
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON);
        // every 401 names its scheme (RFC 9110 15.5.2): a refused login or refresh, a session ended
        if (problem.getStatus() == 401) answer.header(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER_CHALLENGE);
        return answer.body(problem);
    }

    /** What a path or query parameter must be, in the words a body's field gets ("a UUID" for every id). */
    private static String typeName(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        // a java.util.UUID read "expected uuid", an id record "expected a UUID" (found by a walkthrough)
        if (type == java.util.UUID.class || type.getSimpleName().endsWith("Id")) return "a UUID";
        String expected = JsonTypes.expected(type);
        // a whole number beyond the parameter's type (offset=100000000000): its range (it read "expected a whole number")
        if (expected.equals("a whole number") && e.getValue() instanceof String value && value.strip().matches("-?[0-9]+"))
            return JsonTypes.range(type);
        return expected;
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
