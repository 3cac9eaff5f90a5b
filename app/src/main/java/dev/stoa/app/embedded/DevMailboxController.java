package dev.stoa.app.embedded;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mails the embedded SMTP server received, so a newcomer reads the verification mail or login code without
 * configuring a mail server. Exists only when this process started that server, which happens in the fully
 * embedded mode alone ({@link EmbeddedSmtpStarter}); no property switches it on elsewhere. Needs no token.
 */
@RestController
@RequestMapping("/api/v1/dev/mailbox")
@Conditional(DevMailboxController.EmbeddedSmtpRunning.class)
@Tag(name = "Development")
@Hidden // a development convenience of the embedded mode, not part of the API
class DevMailboxController {
    private final EmbeddedSmtp smtp;

    DevMailboxController(Environment env) {
        this.smtp = Objects.requireNonNull(EmbeddedSmtp.running(EmbeddedSmtpStarter.dataDir(env)));
    }

    @GetMapping
    @Operation(operationId = "devMailbox", summary = "Embedded mode only: mails received by the embedded SMTP server, oldest first")
    List<EmbeddedSmtp.ReceivedMail> mailbox(@RequestParam(required = false) String to) {
        return smtp.received(to);
    }

    static final class EmbeddedSmtpRunning implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return EmbeddedSmtpStarter.active(context.getEnvironment());
        }
    }
}
