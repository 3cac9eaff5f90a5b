package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** The account's roles are now {@code roles}. */
@Revision("1")
public record RolesChanged(UserId userId, java.util.Set<String> roles) {}
