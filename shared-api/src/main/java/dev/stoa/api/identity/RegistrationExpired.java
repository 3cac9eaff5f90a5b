package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/**
 * The e-mail address of a registration was never verified in time: the account is closed, its e-mail free again
 * and its personal data erased ({@link UserErased} follows).
 */
@Revision("1")
public record RegistrationExpired(UserId userId) {}
