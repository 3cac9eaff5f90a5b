package dev.stoa.api.identity;

import java.util.Set;
import org.axonframework.serialization.Revision;

/** An account was opened, active, with these roles. The password is only present as its bcrypt hash. */
@Revision("1")
public record UserRegistered(UserId userId, String email, String passwordHash, String firstName, String lastName,
                             String phone, Set<String> roles, boolean emailVerified) {}
