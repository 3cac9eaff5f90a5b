package dev.stoa.api.learning;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The references of media in the content store: {@code <courseId>.<uuid>}, so that a reference names the course it
 * was uploaded to and a lesson can only point at its own course's media. Anything else a lesson names as content
 * must be an external {@code https://} address.
 */
public final class ContentRefs {
    private static final Pattern STORED = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ContentRefs() {}

    public static String newRef(CourseId courseId) { return courseId.value() + "." + UUID.randomUUID(); }

    /** True for a reference of the content store (whatever course). */
    public static boolean isStored(String ref) { return ref != null && STORED.matcher(ref).matches(); }

    public static boolean belongsTo(String ref, CourseId courseId) {
        return isStored(ref) && ref.startsWith(courseId.value() + ".");
    }

    public static boolean isExternal(String ref) {
        return ref != null && ref.startsWith("https://") && ref.length() <= 2000 && !ref.contains(" ");
    }
}
