package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** The account was suspended; its sessions end at once. {@code reason} (optional) is sealed with the user's key. */
@Revision("1")
public record UserSuspended(UserId userId, String reason) {}
