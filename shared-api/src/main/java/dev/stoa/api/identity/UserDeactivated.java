package dev.stoa.api.identity;

import org.axonframework.serialization.Revision;

/** The account was closed for good; its sessions end at once. */
@Revision("1")
public record UserDeactivated(UserId userId) {}
