package dev.stoa.app.embedded;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mails the embedded SMTP server received, so a newcomer reads the verification mail or login code without
 * configuring a mail server. Exists only in embedded mode ({@code stoa.embedded.smtp.active}, set when the
 * embedded SMTP server starts); with a real {@code spring.mail.host} it is not there at all. Needs no token.
 */
@RestController
@RequestMapping("/api/v1/dev/mailbox")
@ConditionalOnProperty(name = "stoa.embedded.smtp.active", havingValue = "true")
@Tag(name = "Development")
class DevMailboxController {
    private final EmbeddedSmtp smtp;

    DevMailboxController(@Value("${stoa.data-dir:./data}") String dataDir) {
        this.smtp = EmbeddedSmtp.forDataDir(Path.of(dataDir));
    }

    @GetMapping
    @Operation(summary = "Embedded mode only: mails received by the embedded SMTP server, oldest first")
    List<EmbeddedSmtp.ReceivedMail> mailbox(@RequestParam(required = false) String to) {
        return smtp.received(to);
    }
}
