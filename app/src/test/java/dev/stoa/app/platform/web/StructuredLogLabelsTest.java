package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * JSON logs, as an operator turns them on ({@code logging.structured.format.console}), with the platform's own
 * {@code application.yml}: a line written inside a request carries the platform's correlation id and the user's id, never
 * the client's labels ({@code X-Correlation-Id}, {@code Idempotency-Key}), which are the user's personal data, sealed in
 * the events and erased with the user; a log cannot be erased (every MDC entry was written out before 2026-12-07).
 */
class StructuredLogLabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash", "gelf"})
    void aJsonLogLineCarriesNoClientLabel(String format) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("dev.stoa.test"), Level.WARN, "refused", null, null);
        event.setMDCPropertyMap(Map.of("correlationId", "c0ffee-platform", "userId", "u-1",
                "clientCorrelationId", "Erin-Erasmus-order", "idempotencyKey", "erin-key-42"));
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).contains("c0ffee-platform", "u-1").doesNotContain("Erin-Erasmus-order", "erin-key-42");
    }
}
