package dev.stoa.api.identity;

import java.util.List;

/**
 * The users an admin looks for, newest first: by {@code email} (the whole address, any case), {@code q} (a part of the
 * address, the first or the last name, any case), {@code status} and {@code role}; each null when not asked. An admin
 * could act on a user only by an id learnt elsewhere (an order's buyer, the audit log) before 2026-12-07, sixth
 * session (walkthrough Z28).
 */
public record FindUsers(String email, String q, String status, String role, int limit, int offset) {
    /** A user's status, as {@link UserView} shows it. */
    public static final List<String> STATUSES = List.of("active", "suspended", "deactivated", "erased");

    public record Result(List<UserView> items, long total, int limit, int offset) {}
}
