package dev.stoa.app.platform;

import dev.stoa.command.platform.StartupRefused;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a refused configuration as Spring Boot's "APPLICATION FAILED TO START": what is wrong, what to do. */
public class StartupRefusedAnalyzer extends AbstractFailureAnalyzer<StartupRefused> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), null);
    }
}
