package dev.stoa.command.learning;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.tika.Tika;

/**
 * What an uploaded file is, by its bytes (Apache Tika's magic numbers), never by the name or Content-Type the client
 * sent; and whether lessons take it.
 */
final class MediaTypes {
    static final Set<String> ALLOWED = Set.of("video/mp4", "video/webm", "application/pdf", "image/png", "image/jpeg");
    private static final Tika TIKA = new Tika();

    private MediaTypes() {}

    /** The sniffed type; the stream must support mark/reset (it is reset after). */
    static String sniff(BufferedInputStream in) throws IOException {
        return TIKA.detect(in);
    }

    static BufferedInputStream buffered(InputStream in) { return new BufferedInputStream(in, 64 * 1024); }
}
