package dev.stoa.query.identity;

import dev.stoa.api.identity.FindAddresses;
import dev.stoa.api.identity.FindUserById;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.identity.UserView;
import dev.stoa.api.notification.FindNotifications;
import dev.stoa.api.platform.DomainException;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GDPR access: every personal datum the platform holds about the caller, in one JSON document. */
@RestController
@Tag(name = "Identity")
class ExportController {
    /** Orders, payments, enrollments and reviews join this document as those capabilities arrive. */
    record Export(Instant exportedAt, UserView profile, FindAddresses.Result addresses, FindNotifications.Result notifications) {}

    private final Queries queries;

    ExportController(Queries queries) { this.queries = queries; }

    @GetMapping("/api/v1/users/me/export")
    @Operation(operationId = "exportMyData", summary = "GDPR export: your profile, addresses and notification log as JSON")
    Export export(@AuthenticationPrincipal Jwt jwt) {
        UserId me = new UserId(jwt.getSubject());
        UserView profile = queries.ask(new FindUserById(me), UserView.class);
        if (profile == null) throw DomainException.notFound("user " + me);
        return new Export(Instant.now(), profile, queries.ask(new FindAddresses(me), FindAddresses.Result.class),
                queries.ask(new FindNotifications(me.value(), 100, 0), FindNotifications.Result.class));
    }
}
