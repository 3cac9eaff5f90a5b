package dev.stoa.command.learning;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * What an uploaded file is, by its first bytes, never by the name or Content-Type the client sent. Only the five
 * types lessons take are recognised; anything else is {@code application/octet-stream}.
 *
 * <p>Written here rather than with Apache Tika: tika-core tells WebM from other Matroska files only by the file name
 * and reports ISO base media MP4s (brand {@code isom}, what most encoders write) as QuickTime, so it cannot decide
 * these types from bytes alone; the signatures below are the formats' own (ISO/IEC 14496-12 {@code ftyp} brands,
 * the EBML DocType, the PDF, PNG and JPEG magic numbers).
 */
final class MediaTypes {
    static final Set<String> ALLOWED = Set.of("video/mp4", "video/webm", "application/pdf", "image/png", "image/jpeg");
    static final String UNKNOWN = "application/octet-stream";
    private static final int HEAD = 64;
    /** Major brands of MP4 files (ISO base media and its MP4 profiles); QuickTime's "qt  " is not among them. */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41",
            "mp42", "avc1", "dash", "M4V ", "mmp4", "MSNV", "NDAS", "f4v ");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final byte[] WEBM_DOCTYPE = {0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'};

    private MediaTypes() {}

    /** The sniffed type; reads at most 64 bytes and resets the stream to where it was. */
    static String sniff(BufferedInputStream in) throws IOException {
        in.mark(HEAD);
        byte[] head = in.readNBytes(HEAD);
        in.reset();
        return sniff(head);
    }

    static String sniff(byte[] head) {
        if (startsWith(head, PNG)) return "image/png";
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF)
            return "image/jpeg";
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) return "application/pdf";
        if (head.length >= 12 && "ftyp".equals(ascii(head, 4, 4)) && MP4_BRANDS.contains(ascii(head, 8, 4)))
            return "video/mp4";
        if (startsWith(head, EBML) && indexOf(head, WEBM_DOCTYPE) > 0) return "video/webm";
        return UNKNOWN;
    }

    static BufferedInputStream buffered(InputStream in) { return new BufferedInputStream(in, 64 * 1024); }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++)
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) return i;
        return -1;
    }
}
