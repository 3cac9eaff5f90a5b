package dev.stoa.command.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.command.platform.SecretHasher;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Voucher codes: long, unambiguous, grouped for typing, forgiving when typed, and only their hash names the voucher. */
class VoucherCodesTest {
    @Test
    void aCodeIsFourGroupsOfFiveFromAnAlphabetWithoutLookAlikes() {
        String code = VoucherCodes.generate();
        assertThat(code).matches("[2-9A-HJ-NP-Z]{5}(-[2-9A-HJ-NP-Z]{5}){3}");
        assertThat(VoucherCodes.ALPHABET).hasSize(32).doesNotContain("0", "1", "I", "O");
        // 32 symbols = 5 bits each
        assertThat(VoucherCodes.LENGTH * 5).isGreaterThanOrEqualTo(80);
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) codes.add(VoucherCodes.generate());
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void caseSpacesAndDashesDoNotMatterWhenTyped() {
        String code = VoucherCodes.generate();
        String plain = code.replace("-", "");
        assertThat(VoucherCodes.normalize(code)).contains(plain);
        assertThat(VoucherCodes.normalize(" " + code.toLowerCase().replace("-", " ") + " ")).contains(plain);
        assertThat(VoucherCodes.normalize(plain.substring(1))).isEmpty();
        assertThat(VoucherCodes.normalize(plain.substring(1) + "0")).as("0 is not in the alphabet").isEmpty();
        assertThat(VoucherCodes.normalize(null)).isEmpty();
        // as mail clients and PDFs hand them over: en and em dashes, a minus sign, no-break and thin spaces, a
        // zero-width space, full-width letters (a code pasted with an en dash was refused and cost a guess; Z30)
        String g = code.substring(0, 5), h = code.substring(6, 11), i = code.substring(12, 17), j = code.substring(18);
        assertThat(VoucherCodes.normalize(g + "\u2013" + h + "\u2014" + i + "\u2212" + j)).contains(plain);
        assertThat(VoucherCodes.normalize(g + "\u00A0" + h + "\u2009" + i + "\u200B" + j + "\u2011")).contains(plain);
        assertThat(VoucherCodes.normalize(g.chars().mapToObj(c -> String.valueOf((char) (c + 0xFEE0)))
                .collect(java.util.stream.Collectors.joining()) + h + i + j)).contains(plain);
        assertThat(VoucherCodes.normalize(g + "\u00AD" + h + "-\u00AD" + i + j)).as("soft hyphens (Z32)").contains(plain);
        assertThat(VoucherCodes.normalize(g + "." + h + i + j)).as("a dot is no separator").isEmpty();
        assertThat(VoucherCodes.hint(plain)).isEqualTo(plain.substring(16));
    }

    @Test
    void theVoucherIdIsTheKeyedHashOfTheCode() {
        SecretHasher hasher = (purpose, secret) -> String.format("%064x", (purpose + "|" + secret).hashCode() & 0xffffffffL);
        String plain = VoucherCodes.normalize(VoucherCodes.generate()).orElseThrow();
        assertThat(VoucherCodes.id(hasher, plain).value()).isEqualTo("voucher-" + hasher.hash("voucher code", plain))
                .doesNotContain(plain);
    }
}
