package dev.stoa.api.identity;

/** One account's profile, or null. */
public record FindUserById(UserId userId) {}
