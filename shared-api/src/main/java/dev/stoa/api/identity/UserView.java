package dev.stoa.api.identity;

import java.time.Instant;
import java.util.Set;

/** An account as its owner (and support, admin) sees it. Never the password hash. */
public record UserView(String id, String email, String firstName, String lastName, String phone, Set<String> roles,
                       boolean emailVerified, String status, Instant createdAt) {}
