package dev.stoa.api.platform;

import java.util.regex.Pattern;

/** The one spelling of a URL slug: lower-case words of letters and digits joined by single hyphens. */
public final class Slugs {
    /** For validation annotations, which need a compile-time constant. */
    public static final String REGEX = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String MESSAGE = "must be lower-case words joined by hyphens";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private Slugs() {}

    public static boolean isSlug(String value) { return value != null && PATTERN.matcher(value).matches(); }
}
