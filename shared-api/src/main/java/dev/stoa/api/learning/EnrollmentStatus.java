package dev.stoa.api.learning;

import java.util.Locale;

/** Where an enrollment stands: access granted, course completed (access kept), or every grant revoked. */
public enum EnrollmentStatus {
    ACTIVE, COMPLETED, REVOKED;

    public String value() { return name().toLowerCase(Locale.ROOT); }
}
