package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** Name or phone changed; carries all three as they now are, sealed personal data. */
@Revision("1")
public record ProfileUpdated(UserId userId, String firstName, String lastName, String phone) {}
