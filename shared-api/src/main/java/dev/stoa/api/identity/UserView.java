package dev.stoa.api.identity;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.Set;

/** An account as its owner (and support, admin) sees it. Never the password hash. */
public record UserView(String id, String email, @MayBeNull String firstName, @MayBeNull String lastName,
                       @MayBeNull String phone, Set<String> roles, boolean emailVerified, String status,
                       Instant createdAt) {}
