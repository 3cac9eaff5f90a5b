package dev.stoa.api.identity;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.Set;

/**
 * An account as its owner (and support, admin) sees it. Never the password hash. {@code lastLoginAt}: the last
 * successful login (null: never). {@code suspendedAt} and {@code suspensionReason} (the admin's, null when none was
 * given): only while the account is suspended (since 2026-12-07 evening: an admin read the status alone, and went
 * to the audit for why; walkthrough Z28).
 */
public record UserView(String id, String email, @MayBeNull String firstName, @MayBeNull String lastName,
                       @MayBeNull String phone, Set<String> roles, boolean emailVerified, String status,
                       Instant createdAt, @MayBeNull Instant lastLoginAt, @MayBeNull Instant suspendedAt,
                       @MayBeNull String suspensionReason) {}
