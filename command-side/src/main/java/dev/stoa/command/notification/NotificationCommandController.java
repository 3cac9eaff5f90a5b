package dev.stoa.command.notification;

import dev.stoa.api.notification.NotificationId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Ids;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.command.identity.AccountAddresses;
import dev.stoa.command.platform.RequestContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** An admin's manual e-mail (API.md "Notifications"): queued like any other, shown in the user's log. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationCommandController {
    private final Mailer mailer;
    private final EventStore events;
    private final PersonalData personal;
    private final AccountAddresses addresses;

    NotificationCommandController(Mailer mailer, EventStore events, PersonalData personal, AccountAddresses addresses) {
        this.mailer = mailer;
        this.events = events;
        this.personal = personal;
        this.addresses = addresses;
    }

    record ManualNotification(@Pattern(regexp = Ids.UUID_PATTERN, message = "must be a UUID") String userId,
                              @NotBlank @Email @Size(max = 320) String recipient,
                              @NotBlank @Size(max = 200) String subject,
                              @NotBlank @Size(max = 20_000) String text) {}

    /** The mail taken for sending (its id, as the notification log shows it). */
    record NotificationAccepted(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String notificationId) {}

    @PostMapping("/send")
    @Operation(operationId = "sendNotification", summary = "Send a manual e-mail (admin); with Idempotency-Key a retry sends nothing twice")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<NotificationAccepted> send(@Valid @RequestBody ManualNotification body,
                                             Actor actor) {
        if (!actor.isAdmin()) throw DomainException.forbidden("only an admin sends manual notifications");
        // the mail goes into that user's log: a user who never was, or was erased, has none (it was 202, and the mail
        // went out into the log of nobody)
        String userId = body.userId() == null ? null : body.userId().toLowerCase(java.util.Locale.ROOT);
        if (userId != null && (events.lastSequenceNumberFor(userId).isEmpty() || personal.isErased(userId)))
            throw DomainException.notFound("user " + body.userId());
        // the log a mail goes into is its recipient's: an account's address names that account (a mail sent to a user's
        // address without userId went into nobody's log), and a userId names only its own address (a mail to another
        // address went into the user's log, shown as theirs; before 2026-12-06, seventh session, found by a walkthrough)
        Optional<String> owner = addresses.ownerOf(body.recipient());
        if (userId == null) userId = owner.orElse(null);
        else if (!owner.map(userId::equals).orElse(false))
            throw DomainException.badInput("recipient is not the address of user " + body.userId()
                    + ": leave userId out to mail another address");
        // the same caller and Idempotency-Key name the same notification, even past the idempotency record
        NotificationId id = RequestContext.idempotencyKey()
                .map(key -> NotificationId.derivedFrom("manual", actor.userId(), key))
                .orElseGet(NotificationId::random);
        Map<String, Object> model = new HashMap<>();
        model.put("subject", body.subject().replaceAll("[\\r\\n]+", " "));
        model.put("text", body.text());
        mailer.send(new MailRequest(id.value(), userId, body.recipient(), "manual", model));
        return ResponseEntity.accepted().body(new NotificationAccepted(id.value()));
    }
}
