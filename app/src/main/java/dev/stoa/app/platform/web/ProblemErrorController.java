package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's BasicErrorController at {@code /error}, where the container forwards every
 * {@code sendError} and every exception that escaped the filters: answers a problem with the status the
 * container chose. Opened directly, {@code /error} is just a path with nothing behind it: 404.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {
    private final ObjectMapper mapper;

    public ProblemErrorController(ObjectMapper mapper) { this.mapper = mapper; }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // written straight to the response: content negotiation must not turn an error into a 406
        CorrelationIdFilter.ensureOn(response);
        Problems.write(request, response, mapper, Problems.forStatus(status(request)));
    }

    static int status(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status && status >= 400
                ? status : HttpServletResponse.SC_NOT_FOUND;
    }
}
