package dev.stoa.query.notification;

import dev.stoa.api.identity.FindUserById;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.identity.UserView;
import dev.stoa.api.notification.FindNotifications;
import dev.stoa.api.platform.Access;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Roles;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * The notification log (API.md "Notifications"): the caller's own, or any user's for an admin. Another
 * user's log is a 404, not a 403, so nobody learns which user ids exist (API.md privacy rule).
 */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Notifications")
class NotificationQueryController {
    private final Queries queries;

    NotificationQueryController(Queries queries) { this.queries = queries; }

    @GetMapping("/users/me/notifications")
    @Operation(operationId = "listMyNotifications", summary = "The caller's notifications, newest first")
    FindNotifications.Result mine(@AuthenticationPrincipal Jwt jwt,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                  @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return find(jwt.getSubject(), limit, offset);
    }

    @GetMapping("/notifications/{userId}")
    @Operation(operationId = "listUserNotifications", summary = "A user's notifications, newest first (that user, admin)")
    FindNotifications.Result ofUser(@PathVariable UserId userId, Actor actor,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                    @RequestParam(defaultValue = "0") @Min(0) int offset) {
        Access.requireSelfOr(actor, userId.value(), "notifications of user " + userId, Roles.ADMIN);
        FindNotifications.Result log = find(userId.value(), limit, offset);
        // a user id nobody has, with no log, is 404, as sending to it is (it was 200 and empty before 2026-12-06,
        // eighth session; found by a walkthrough); an erased user's log stays readable, each mail's personal parts erased
        if (log.total() == 0 && !userId.value().equals(actor.userId())
                && queries.ask(new FindUserById(userId), UserView.class) == null)
            throw DomainException.notFound("user " + userId);
        return log;
    }

    private FindNotifications.Result find(String userId, int limit, int offset) {
        return queries.ask(new FindNotifications(userId, limit, offset), FindNotifications.Result.class);
    }
}
