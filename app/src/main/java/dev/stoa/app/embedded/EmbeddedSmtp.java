package dev.stoa.app.embedded;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server in this JVM (GreenMail) for the zero-install default: the platform's mails really go out
 * over SMTP and land here, readable at {@code GET /api/v1/dev/mailbox}. One per data directory and JVM, like
 * the embedded PostgreSQL, so every application context of a test run shares it. Mails live in memory only.
 */
public final class EmbeddedSmtp {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtp.class);
    private static final Map<Path, EmbeddedSmtp> RUNNING = new ConcurrentHashMap<>();
    private final GreenMail greenMail;

    static {
        // stopped once the application contexts closed (their graceful stop may still send mail), not at once
        EmbeddedRuntime.afterContexts(() -> RUNNING.values().forEach(s -> s.greenMail.stop()));
    }

    private EmbeddedSmtp(GreenMail greenMail) { this.greenMail = greenMail; }

    /** The server of this data directory, started on a free port of 127.0.0.1 when it is not running yet. */
    public static EmbeddedSmtp forDataDir(Path dataDir) {
        return RUNNING.computeIfAbsent(dataDir.toAbsolutePath().normalize(), dir -> {
            GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            log.info("Embedded SMTP server ready on 127.0.0.1:{}", server.getSmtp().getPort());
            return new EmbeddedSmtp(server);
        });
    }

    /** The running server of this data directory, or null. */
    public static EmbeddedSmtp running(Path dataDir) { return RUNNING.get(dataDir.toAbsolutePath().normalize()); }

    public int port() { return greenMail.getSmtp().getPort(); }

    /** The GreenMail server itself, for tests that wait for or inspect mail. */
    public GreenMail greenMail() { return greenMail; }

    /** One received mail as the dev mailbox shows it. */
    public record ReceivedMail(List<String> to, String from, String subject, String text, String html,
                               String notificationId, Instant receivedAt) {}

    /** Every mail received so far, oldest first; with {@code to} only those to that address (any case). */
    public List<ReceivedMail> received(String to) {
        return greenMail.getManagers().getImapHostManager().getAllMessages().stream()
                .sorted(Comparator.comparing(StoredMessage::getReceivedDate).thenComparing(StoredMessage::getUid))
                .map(EmbeddedSmtp::mail)
                .filter(m -> to == null || to.isBlank() || m.to().stream().anyMatch(a -> a.equalsIgnoreCase(to.trim())))
                .toList();
    }

    private static ReceivedMail mail(StoredMessage stored) {
        MimeMessage m = stored.getMimeMessage();
        try {
            String[] id = m.getHeader("X-Stoa-Notification-Id");
            return new ReceivedMail(addresses(m.getRecipients(Message.RecipientType.TO)), addresses(m.getFrom()).stream()
                    .findFirst().orElse(null), m.getSubject(), part(m, "text/plain"), part(m, "text/html"),
                    id == null ? null : id[0], stored.getReceivedDate().toInstant());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail in the embedded mailbox", e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses)
                .map(a -> a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString())
                .toList();
    }

    /** The first part of this MIME type, searched depth-first through multiparts. */
    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) return String.valueOf(part.getContent());
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) return found;
            }
        }
        return null;
    }

}
