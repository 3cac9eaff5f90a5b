package dev.stoa.command.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Lesson media are typed by their first bytes; the stream is left where it was for the store to copy. */
class MediaTypesTest {
    private static byte[] hex(String s) { return HexFormat.of().parseHex(s.replace(" ", "")); }

    @Test
    void recognisesTheFiveTypesByTheirBytes() {
        assertThat(MediaTypes.sniff(hex("00000018 66747970 69736f6d 00000200 69736f6d 69736f32"))).isEqualTo("video/mp4");
        assertThat(MediaTypes.sniff(hex("00000020 66747970 6d703432 00000000 6d703432 6d703431"))).isEqualTo("video/mp4");
        assertThat(MediaTypes.sniff(hex("1a45dfa3 9f428681 0142f781 0142f281 0442f381 08428284 7765626d 42878104")))
                .isEqualTo("video/webm");
        assertThat(MediaTypes.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
        assertThat(MediaTypes.sniff(hex("89504e47 0d0a1a0a 0000000d 49484452"))).isEqualTo("image/png");
        assertThat(MediaTypes.sniff(hex("ffd8ffe0 00104a46 4946"))).isEqualTo("image/jpeg");
    }

    @Test
    void refusesLookalikes() {
        assertThat(MediaTypes.sniff(hex("00000014 66747970 71742020 00000000"))).isEqualTo(MediaTypes.UNKNOWN); // QuickTime
        assertThat(MediaTypes.sniff(hex("1a45dfa3 9f428681 01428288 6d617472 6f736b61"))).isEqualTo(MediaTypes.UNKNOWN); // Matroska
        assertThat(MediaTypes.sniff("<html><body>video.mp4</body></html>".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(MediaTypes.UNKNOWN);
        assertThat(MediaTypes.sniff(new byte[0])).isEqualTo(MediaTypes.UNKNOWN);
    }

    @Test
    void leavesTheStreamAtItsStart() throws Exception {
        byte[] pdf = "%PDF-1.4 and the rest of the document".getBytes(StandardCharsets.US_ASCII);
        BufferedInputStream in = MediaTypes.buffered(new ByteArrayInputStream(pdf));
        assertThat(MediaTypes.sniff(in)).isEqualTo("application/pdf");
        assertThat(in.readAllBytes()).isEqualTo(pdf);
    }
}
