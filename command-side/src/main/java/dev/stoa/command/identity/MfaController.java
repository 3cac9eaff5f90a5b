package dev.stoa.command.identity;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.identity.ActivateMfa;
import dev.stoa.api.identity.DisableMfa;
import dev.stoa.api.identity.StartMfaEnrollment;
import dev.stoa.api.identity.UserId;
import dev.stoa.command.platform.SecretSealer;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.platform.web.SecretResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** TOTP multi-factor authentication: enroll (secret, URI for the authenticator app, recovery codes), then activate. */
@RestController
@RequestMapping("/api/v1/auth/mfa")
@Tag(name = "Identity")
class MfaController {
    private static final int RECOVERY_CODES = 10;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Commands commands;
    private final SecretSealer sealer;
    private final Sessions sessions;

    MfaController(Commands commands, SecretSealer sealer, Sessions sessions) {
        this.commands = commands;
        this.sealer = sealer;
        this.sessions = sessions;
    }

    record Enrollment(String secret, String otpauthUri, List<String> recoveryCodes) {}

    record DisableRequest(@NotNull @Size(max = 128) String password, @NotBlank @Size(max = 32) String code) {
        @Override
        public String toString() { return "DisableRequest[***]"; }
    }

    record ActivateRequest(@NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits the authenticator shows") String code) {}

    @SecretResponse
    @PostMapping("/enroll")
    @Operation(operationId = "enrollMfa", summary = "Start TOTP (needs your password): the secret and otpauth URI for an authenticator app, and "
            + "single-use recovery codes (shown once)")
    Enrollment enroll(@Valid @RequestBody Sessions.Proof body, Actor actor) {
        sessions.reauthenticateToEnrollMfa(new UserId(actor.userId()), body);
        String secret = Totp.newSecret();
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = recoveryCode();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
            hashes.add(Passwords.hash(code));
        }
        String email = commands.send(new StartMfaEnrollment(new UserId(actor.userId()), sealer.seal(secret), hashes));
        return new Enrollment(secret, Totp.uri(secret, email), codes);
    }

    @PostMapping("/disable")
    @Operation(operationId = "disableMfa", summary = "Turn multi-factor authentication off (needs your password and a current or recovery code)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> disable(@Valid @RequestBody DisableRequest body, Actor actor) {
        UserId me = new UserId(actor.userId());
        sessions.reauthenticate(me, new Sessions.Proof(body.password(), body.code()));
        commands.send(new DisableMfa(me));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/activate")
    @Operation(operationId = "activateMfa", summary = "Confirm with the authenticator's current code; from then on login needs totpCode")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> activate(@Valid @RequestBody ActivateRequest body, Actor actor) {
        commands.send(new ActivateMfa(new UserId(actor.userId()), body.code()));
        return ResponseEntity.noContent().build();
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return code.toString();
    }
}
