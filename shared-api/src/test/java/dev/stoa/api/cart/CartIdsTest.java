package dev.stoa.api.cart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Coupon codes as customers type and paste them. */
class CartIdsTest {
    @Test
    void caseAndSurroundingSpaceDoNotMatter() {
        assertThat(CartIds.normaliseCode(" summer-10\t")).isEqualTo("SUMMER-10");
        assertThat(CartIds.isValidCode(" summer-10 ")).isTrue();
    }

    /** A code pasted from a mail or a PDF names the same coupon (it was "no such coupon" before 2026-12-07 evening). */
    @Test
    void aCodePastedWithTypographicDashesOrSpacesIsTheSameCode() {
        assertThat(CartIds.normaliseCode("\u00A0summer\u201310\u00A0")).isEqualTo("SUMMER-10");
        assertThat(CartIds.normaliseCode("SUMMER\u221210\u200B")).isEqualTo("SUMMER-10");
        assertThat(CartIds.normaliseCode("SUM\u00ADMER-10")).as("a soft hyphen (Z32)").isEqualTo("SUMMER-10");
        assertThat(CartIds.normaliseCode("\uFF33UMMER-10")).as("a full-width S").isEqualTo("SUMMER-10");
        assertThat(CartIds.coupon("summer\u201410")).isEqualTo(CartIds.coupon("SUMMER-10"));
        assertThat(CartIds.normaliseCode("SUMMER 10")).as("a space inside stays").isEqualTo("SUMMER 10");
    }
}
