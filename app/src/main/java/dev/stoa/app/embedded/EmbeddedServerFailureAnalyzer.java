package dev.stoa.app.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an embedded server that could not start as Spring Boot's "APPLICATION FAILED TO START": which server,
 * why (Elasticsearch's message quotes the end of its log), where to look, what to do.
 */
public class EmbeddedServerFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedServerFailed> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedServerFailed cause) {
        String log = "Elasticsearch".equals(cause.server())
                ? "its log in " + cause.dir().resolve("logs") : "its output in the log above";
        String property = "Elasticsearch".equals(cause.server()) ? "spring.elasticsearch.uris" : "spring.datasource.url";
        return new FailureAnalysis(cause.getMessage(),
                "See " + log + ". Fix the cause (a port or data directory in use, too little memory or disk), or run "
                        + "against a server of your own by setting " + property + ".",
                cause);
    }
}
