package dev.stoa.command.learning;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where uploaded lesson media goes (the content store: local disk in the embedded default, or an S3-compatible bucket). The app provides the
 * adapter; the query side reads the same store to serve signed URLs.
 */
public interface MediaStore {
    /** Stores the bytes under {@code ref} (new, never overwritten), with their media type. */
    void put(String ref, InputStream content, long sizeBytes, String mediaType) throws IOException;

    /** Removes what {@code ref} names, if anything (an upload whose lesson refused it). */
    void delete(String ref) throws IOException;
}
