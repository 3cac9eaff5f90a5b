package dev.stoa.command.identity;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.identity.*;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** Profile edits, self-deactivation and addresses. Another user's account answers 404. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Identity")
class UserCommandController {
    private final Commands commands;
    private final Sessions sessions;

    UserCommandController(Commands commands, Sessions sessions) {
        this.commands = commands;
        this.sessions = sessions;
    }

    /**
     * The fields to change; a field left out (or null) stays. {@code phone: ""} removes the phone (since 2026-12-06,
     * fifth session: once set, it could not be removed).
     */
    record ProfileRequest(@Size(max = 100) String firstName, @Size(max = 100) String lastName,
                          @Pattern(regexp = "|" + Phones.E164, message = Phones.MESSAGE + ", or \"\" to remove it")
                          String phone) {}

    record AddressRequest(@NotNull @Pattern(regexp = "home|work|other", message = "must be home, work or other") String label,
                          @NotBlank @Size(max = 200) String streetLine1, @Size(max = 200) @dev.stoa.command.platform.web.VisibleWhenGiven String streetLine2,
                          @NotBlank @Size(max = 100) String city, @Size(max = 100) @dev.stoa.command.platform.web.VisibleWhenGiven String state,
                          @NotBlank @Size(max = 20) String postalCode,
                          @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String countryCode,
                          Boolean isDefault) {
        Address address() {
            return new Address(label, streetLine1, streetLine2, city, state, postalCode, countryCode, Boolean.TRUE.equals(isDefault));
        }
    }

    @PatchMapping("/me")
    @Operation(operationId = "updateMyProfile", summary = "Change your name or phone; omitted fields stay, \"phone\": \"\" removes the phone")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> updateMe(@Valid @RequestBody ProfileRequest body, Actor actor) {
        return update(actor.userId(), body, actor);
    }

    @PutMapping("/{userId}")
    @Operation(operationId = "updateUserProfile", summary = "Change a user's name or phone (that user, support, admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> update(@PathVariable UserId userId, @Valid @RequestBody ProfileRequest body, Actor actor) {
        return update(userId.value(), body, actor);
    }

    @PostMapping("/me/deactivate")
    @Operation(operationId = "deactivateMyAccount", summary = "Close your own account for good (needs your password, and a code with MFA on)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> deactivateMe(@Valid @RequestBody Sessions.Proof body, Actor actor) {
        UserId me = new UserId(actor.userId());
        sessions.reauthenticateToClose(me, body);
        commands.send(new DeactivateUser(me, actor));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/me")
    @Operation(operationId = "eraseMyAccount", summary = "GDPR erasure: your personal data becomes unreadable everywhere, event history included; "
            + "the account closes and its e-mail address is free again (needs your password, and a code with MFA on)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> eraseMe(@Valid @RequestBody Sessions.Proof body, Actor actor) {
        UserId me = new UserId(actor.userId());
        sessions.reauthenticateToClose(me, body);
        commands.send(new EraseUser(me, actor));
        return ResponseEntity.noContent().build();
    }

    /** The new address. */
    record CreatedAddress(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String addressId) {}

    @PostMapping("/{userId}/addresses")
    @Operation(operationId = "addAddress", summary = "Add an address (that user, admin); at most one is the default")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedAddress> addAddress(@PathVariable UserId userId, @Valid @RequestBody AddressRequest body,
                                                   Actor actor) {
        String addressId = UUID.randomUUID().toString();
        commands.send(new AddAddress(userId, addressId, body.address(), actor));
        return ResponseEntity.created(URI.create("/api/v1/users/" + userId + "/addresses/" + addressId))
                .body(new CreatedAddress(addressId));
    }

    @PutMapping("/{userId}/addresses/{addressId}")
    @Operation(operationId = "replaceAddress", summary = "Replace one of the user's addresses (that user, admin); ids are assigned by POST")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> replaceAddress(@PathVariable UserId userId, @PathVariable UUID addressId,
                                        @Valid @RequestBody AddressRequest body, Actor actor) {
        commands.send(new ReplaceAddress(userId, addressId.toString(), body.address(), actor));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{userId}/addresses/{addressId}")
    @Operation(operationId = "removeAddress", summary = "Delete an address (that user, admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> removeAddress(@PathVariable UserId userId, @PathVariable UUID addressId, Actor actor) {
        commands.send(new RemoveAddress(userId, addressId.toString(), actor));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<Void> update(String userId, ProfileRequest body, Actor actor) {
        Names.requireVisible(body.firstName(), "firstName");
        Names.requireVisible(body.lastName(), "lastName");
        commands.send(new UpdateProfile(new UserId(userId), trim(body.firstName()), trim(body.lastName()), body.phone(),
                actor));
        return ResponseEntity.noContent().build();
    }

    private static String trim(String s) { return s == null ? null : s.trim(); }
}
