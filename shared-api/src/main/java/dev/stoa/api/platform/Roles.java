package dev.stoa.api.platform;

import java.util.Set;

/** The roles of API.md. A user may hold several. */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String INSTRUCTOR = "instructor";
    public static final String VENDOR = "vendor";
    public static final String SUPPORT = "support";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(CUSTOMER, INSTRUCTOR, VENDOR, SUPPORT, AUDITOR, ADMIN);

    private Roles() {}
}
