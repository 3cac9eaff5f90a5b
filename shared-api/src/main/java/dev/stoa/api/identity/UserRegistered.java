package dev.stoa.api.identity;

import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * An account was opened, active, with these roles. The password is only present as its bcrypt hash;
 * {@code email}, {@code firstName}, {@code lastName} and {@code phone} are sealed with the user's own key
 * ({@link dev.stoa.api.platform.PersonalData}), so they read as erased after an erasure.
 */
@Revision("1")
public record UserRegistered(UserId userId, String email, String passwordHash, String firstName, String lastName,
                             String phone, Set<String> roles, boolean emailVerified) {}
