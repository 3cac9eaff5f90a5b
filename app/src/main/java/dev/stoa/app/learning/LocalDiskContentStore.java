package dev.stoa.app.learning;

import dev.stoa.api.learning.ContentRefs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;

/**
 * The content store on local disk ({@code stoa.learning.content.dir}): each file under its reference, its media type
 * beside it ({@code <ref>.type}). A file is written to a temporary name and moved into place, so a reader never sees
 * half of one. Every process that uploads or serves must see the same directory (a shared volume).
 */
class LocalDiskContentStore implements ContentStore {
    private final Path dir;

    LocalDiskContentStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir.toAbsolutePath().normalize());
    }

    @Override
    public void put(String ref, InputStream content, long sizeBytes, String mediaType) throws IOException {
        Path target = file(ref);
        Path temp = Files.createTempFile(dir, ".upload-", ".part");
        try {
            long copied = Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            if (copied != sizeBytes) throw new IOException("upload of " + ref + " ended after " + copied + " of " + sizeBytes + " bytes");
            Files.writeString(typeFile(ref), mediaType, StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void delete(String ref) throws IOException {
        Files.deleteIfExists(file(ref));
        Files.deleteIfExists(typeFile(ref));
    }

    @Override
    public Optional<Stored> open(String ref) {
        Path file = file(ref);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            MediaType type = MediaType.parseMediaType(Files.readString(typeFile(ref), StandardCharsets.US_ASCII).strip());
            return Optional.of(new Stored(new FileSystemResource(file), type));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Only references of the store's own shape ever become a path, so no ref can point outside the directory. */
    private Path file(String ref) {
        if (!ContentRefs.isStored(ref)) throw new IllegalArgumentException("not a content reference: " + ref);
        return dir.resolve(ref);
    }

    private Path typeFile(String ref) { return dir.resolve(file(ref).getFileName() + ".type"); }
}
