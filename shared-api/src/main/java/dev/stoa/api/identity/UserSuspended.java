package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** The account was suspended; its sessions end at once. */
@Revision("1")
public record UserSuspended(UserId userId, String reason) {}
