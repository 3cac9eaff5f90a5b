package dev.stoa.api.identity;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Begin TOTP enrollment: the authenticator secret, sealed (encrypted) by the sender, and the bcrypt hashes
 * of the recovery codes. Answers the account's e-mail (for the authenticator's label).
 */
public record StartMfaEnrollment(@TargetAggregateIdentifier UserId userId, String sealedSecret,
                                 List<String> recoveryCodeHashes) {}
