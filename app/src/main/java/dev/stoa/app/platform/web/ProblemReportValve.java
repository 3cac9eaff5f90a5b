package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word on errors that never reached the application (a malformed request line or
 * header, an encoded slash or backslash, {@code %00}, a bad Host, an unsupported HTTP version):
 * the stock valve answers them with an HTML page, this one with a problem, keeping Tomcat's status.
 */
public class ProblemReportValve extends ErrorReportValve {
    private final ObjectMapper mapper;

    public ProblemReportValve(ObjectMapper mapper) { this.mapper = mapper; }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as the stock valve: only an error status, only if nothing is written yet, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return; // the connection is already broken: nobody would read a body
        try {
            String body = mapper.writeValueAsString(Problems.forStatus(status));
            response.setContentType(Problems.PROBLEM_JSON.toString());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            CorrelationIdFilter.ensureOn(response);
            PrintWriter writer = response.getReporter();
            if (writer == null) return;
            writer.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was committed meanwhile: nothing left to tell it
        }
    }
}
