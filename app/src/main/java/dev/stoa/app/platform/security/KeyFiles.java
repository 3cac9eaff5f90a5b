package dev.stoa.app.platform.security;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes key files (the token-signing key, the sealing keyset). The content goes to a temporary file first, which
 * Java creates owner-only (rw-------) on POSIX systems, so a key is never readable by others nor seen half written.
 */
final class KeyFiles {
    private KeyFiles() {}

    /**
     * Creates {@code file} with {@code content} unless it exists. When several processes start at once, exactly one
     * wins and the others must read the winner's file: a hard link fails when the name exists, whereas a rename
     * (even {@code ATOMIC_MOVE}) silently replaces it on Linux and two processes would each keep a different key.
     *
     * @return whether this call created the file
     */
    static boolean createOnce(Path file, byte[] content) throws IOException {
        Path temp = temporaryBeside(file, content);
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // a file system without hard links: a plain move still refuses an existing name (a narrow race remains)
            try {
                Files.move(temp, file);
                return true;
            } catch (FileAlreadyExistsException raced) {
                return false;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Replaces {@code file} at once: readers see the old content or the new, never a mix. */
    static void replace(Path file, byte[] content) throws IOException {
        Path temp = temporaryBeside(file, content);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path temporaryBeside(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.write(temp, content);
        return temp;
    }
}
