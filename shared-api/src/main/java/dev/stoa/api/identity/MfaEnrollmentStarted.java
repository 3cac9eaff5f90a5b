package dev.stoa.api.identity;

import java.util.List;
import org.axonframework.serialization.Revision;

/** TOTP enrollment began; the secret is sealed, the recovery codes are bcrypt hashes. Not yet required at login. */
@Revision("1")
public record MfaEnrollmentStarted(UserId userId, String sealedSecret, List<String> recoveryCodeHashes) {}
