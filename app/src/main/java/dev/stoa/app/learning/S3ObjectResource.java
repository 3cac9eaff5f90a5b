package dev.stoa.app.learning;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.springframework.core.io.AbstractResource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An object of the S3 content store as a Spring {@code Resource}, its length known from the {@code HeadObject}.
 * Spring answers a {@code Range} request by opening the stream, skipping to the range's start and reading its length;
 * the stream here opens the object only at the first read, with {@code Range: bytes=<position>-}, so a skip costs no
 * download, and it aborts the connection when closed before the end, so the rest is never transferred.
 */
class S3ObjectResource extends AbstractResource {
    private final S3Client s3;
    private final GetObjectRequest get;
    private final String ref;
    private final long length;
    private final Instant lastModified;

    S3ObjectResource(S3Client s3, GetObjectRequest get, String ref, long length, Instant lastModified) {
        this.s3 = s3;
        this.get = get;
        this.ref = ref;
        this.length = length;
        this.lastModified = lastModified;
    }

    @Override public InputStream getInputStream() { return new FromPosition(); }
    @Override public long contentLength() { return length; }
    @Override public long lastModified() { return lastModified == null ? 0 : lastModified.toEpochMilli(); }
    @Override public boolean exists() { return true; }
    @Override public String getFilename() { return ref; }
    @Override public String getDescription() { return "S3 object " + get.bucket() + "/" + get.key(); }

    /** Reads the object from {@code position} on, opening it (ranged when past the start) at the first read. */
    private final class FromPosition extends InputStream {
        private long position;
        private ResponseInputStream<GetObjectResponse> body;

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) return 0;
            long skipped = body == null ? Math.min(n, length - position) : body.skip(n);
            position += skipped;
            return skipped;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (count == 0) return 0;
            if (position >= length) return -1;
            if (body == null) body = open();
            int read = body.read(buffer, offset, count);
            if (read > 0) position += read;
            return read;
        }

        @Override
        public void close() throws IOException {
            if (body == null) return;
            if (position < length) body.abort(); // don't let the connection drain the unread rest of a large object
            body.close();
        }

        private ResponseInputStream<GetObjectResponse> open() {
            if (position == 0) return s3.getObject(get);
            return s3.getObject(get.toBuilder().range("bytes=" + position + "-").build());
        }
    }
}
