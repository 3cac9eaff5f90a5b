package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/**
 * The user was erased: their key is destroyed, so the sealed personal fields of all their events read as
 * erased; the account is closed and its e-mail address free again. Read models drop or anonymise their data.
 */
@Revision("1")
public record UserErased(UserId userId) {}
