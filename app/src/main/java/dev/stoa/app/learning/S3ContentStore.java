package dev.stoa.app.learning;

import dev.stoa.api.learning.ContentRefs;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.http.MediaType;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The content store in a bucket of any S3-compatible service ({@code stoa.learning.content.store=s3}): each file is
 * the object {@code <prefix><ref>} with its media type as the object's {@code Content-Type}. An object appears whole
 * or not at all, so, as on local disk, a reader never sees half an upload; every process reaches the same bucket, so no
 * shared volume is needed.
 */
class S3ContentStore implements ContentStore, AutoCloseable {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3ContentStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
    }

    @Override
    public void put(String ref, InputStream content, long sizeBytes, String mediaType) throws IOException {
        String key = key(ref);
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(mediaType).contentLength(sizeBytes),
                    RequestBody.fromInputStream(content, sizeBytes));
        } catch (SdkException e) {
            throw new IOException("storing " + ref + " in bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String ref) throws IOException {
        String key = key(ref);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key)); // S3 answers 204 for a missing key too
        } catch (SdkException e) {
            throw new IOException("deleting " + ref + " from bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * One {@code HeadObject} for the length and type; the bytes are fetched only when read, from where the reader
     * starts (see {@link S3ObjectResource}). A missing object is empty; any other failure of the service is an error,
     * not a 404 that would hide an outage.
     */
    @Override
    public Optional<Stored> open(String ref) {
        String key = key(ref);
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
        MediaType type = head.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(head.contentType());
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(key).ifMatch(head.eTag()).build();
        return Optional.of(new Stored(new S3ObjectResource(s3, get, ref, head.contentLength(), head.lastModified()), type));
    }

    @Override
    public void close() { s3.close(); }

    /** Only references of the store's own shape become a key, as on local disk. */
    private String key(String ref) {
        if (!ContentRefs.isStored(ref)) throw new IllegalArgumentException("not a content reference: " + ref);
        return prefix + ref;
    }
}
