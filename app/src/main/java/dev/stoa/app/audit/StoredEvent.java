package dev.stoa.app.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One event as the event store holds it: the bytes of its payload and metadata as stored (sealed personal fields
 * sealed), never a deserialized and re-written copy, so the hash chain covers exactly what is stored.
 * {@code timestamp} is the stored text of its time.
 */
public record StoredEvent(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                          String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metadata) {

    /** The 32 zero bytes the first link of the chain follows. */
    public static final byte[] GENESIS = new byte[32];

    /**
     * SHA-256 over the previous link's hash and every stored field of this event, each length-prefixed so no two
     * different events (or a field's bytes moved into its neighbour) hash alike.
     */
    public byte[] link(byte[] previous) {
        MessageDigest sha = sha256();
        sha.update(previous);
        ByteArrayOutputStream fields = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(fields)) {
            out.writeLong(position);
            text(out, eventId);
            text(out, aggregateType);
            text(out, aggregateId);
            out.writeLong(sequence);
            text(out, timestamp);
            text(out, payloadType);
            text(out, payloadRevision);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        sha.update(fields.toByteArray());
        bytes(sha, payload);
        bytes(sha, metadata);
        return sha.digest();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void bytes(MessageDigest sha, byte[] value) {
        int length = value == null ? -1 : value.length;
        sha.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        if (value != null) sha.update(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
