package dev.stoa.query.learning;

import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;

/** Reads lesson media from the content store (the adapter is the app's, shared with uploads). */
public interface ContentFiles {
    /** The stored file and its (sniffed) media type, or empty when {@code ref} names nothing. */
    Optional<Stored> open(String ref);

    record Stored(Resource resource, MediaType mediaType) {}
}
