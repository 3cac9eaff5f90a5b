package dev.stoa.app.platform.web;

import dev.stoa.command.platform.web.NothingRan;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A request refused before its handler ran: by an interceptor (its {@code Accept}: {@link AcceptableAnswers}; its query:
 * {@link QueryParameters}), or by Spring MVC while it read the request for the handler (its {@code Content-Type} 415, a
 * body that is no JSON or fails its constraints 400, a path variable or parameter of the wrong type, a method or route
 * there is not). Nothing happened, so the {@link IdempotencyFilter} keeps no answer for its key and the mended retry
 * runs: before 2026-12-07 the 415 of a body sent as {@code text/plain}, and the 400 of a body that failed its
 * constraints, were kept, and the retry with the body mended was answered the 415 again, or 422
 * {@code idempotency_key_reused}, for the key's whole retention (walkthrough Z43).
 */
final class RefusedBeforeTheHandler {
    private RefusedBeforeTheHandler() {}

    static void mark(HttpServletRequest request) { NothingRan.mark(request); }

    /** Marked here or by a handler that refused its input before doing anything ({@link NothingRan}), or see above. */
    static boolean is(HttpServletRequest request) {
        if (NothingRan.marked(request)) return true;
        // the exception an @ExceptionHandler answered, which the DispatcherServlet leaves on the request
        Object failure = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
        // not a 406 (HttpMediaTypeNotAcceptableException): Spring may find that out as it writes the answer, after the
        // handler ran (AcceptableAnswers refuses what it can before, and marks it)
        return failure instanceof HttpMediaTypeNotSupportedException || failure instanceof HttpMessageNotReadableException
                || failure instanceof MethodArgumentNotValidException || failure instanceof HandlerMethodValidationException
                || failure instanceof org.springframework.beans.TypeMismatchException
                || failure instanceof ServletRequestBindingException || failure instanceof MissingServletRequestPartException
                || failure instanceof MultipartException || failure instanceof HttpRequestMethodNotSupportedException
                || failure instanceof NoHandlerFoundException || failure instanceof NoResourceFoundException;
    }
}
