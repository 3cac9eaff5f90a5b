package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** A suspension was lifted; earlier sessions stay ended. */
@Revision("1")
public record UserReinstated(UserId userId) {}
