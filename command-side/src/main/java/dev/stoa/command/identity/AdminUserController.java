package dev.stoa.command.identity;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.identity.*;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** The account state machine and role management (admin only). */
@RestController
@RequestMapping("/api/v1/admin/users/{userId}")
@Tag(name = "Identity")
class AdminUserController {
    private final Commands commands;

    AdminUserController(Commands commands) { this.commands = commands; }

    record SuspendRequest(@Size(max = 500) @dev.stoa.command.platform.web.VisibleWhenGiven String reason) {}

    record RolesRequest(@NotEmpty Set<@NotBlank String> roles) {} // a null role was a 500

    @PostMapping("/suspend")
    @Operation(operationId = "suspendUser", summary = "Suspend: no logins, sessions end at once (active → suspended)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> suspend(@PathVariable UserId userId, @Valid @RequestBody(required = false) SuspendRequest body,
                                 Actor actor) {
        commands.send(new SuspendUser(userId, body == null ? null : body.reason(), actor));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/reinstate")
    @Operation(operationId = "reinstateUser", summary = "Lift a suspension (suspended → active)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> reinstate(@PathVariable UserId userId, Actor actor) {
        commands.send(new ReinstateUser(userId, actor));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/deactivate")
    @Operation(operationId = "deactivateUser", summary = "Close an account for good (active or suspended → deactivated)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> deactivate(@PathVariable UserId userId, Actor actor) {
        commands.send(new DeactivateUser(userId, actor));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/roles")
    @Operation(operationId = "changeUserRoles", summary = "Replace a user's roles (any of customer, instructor, vendor, support, auditor, admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> roles(@PathVariable UserId userId, @Valid @RequestBody RolesRequest body, Actor actor) {
        commands.send(new ChangeRoles(userId, body.roles(), actor));
        return ResponseEntity.noContent().build();
    }
}
