package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** Recovery code number {@code index} was spent on a login. */
@Revision("1")
public record RecoveryCodeUsed(UserId userId, int index) {}
