package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.validation.FieldError;

/** The field a domain rule's validation_failed names in its errors[]: the one its message starts with, or the request. */
class ProblemFieldTest {
    @Test
    void theFieldAMessageStartsWith_orTheRequest() {
        assertThat(ProblemHandler.fieldOf("trackingNumber is required to ship")).isEqualTo("trackingNumber");
        assertThat(ProblemHandler.fieldOf("shippingAddress.countryCode must be ISO 3166")).isEqualTo("shippingAddress.countryCode");
        assertThat(ProblemHandler.fieldOf("quizAnswers[2] has 5 choices")).isEqualTo("quizAnswers[2]");
        assertThat(ProblemHandler.fieldOf("quiz[0].correct indexes must be between 0 and 1")).isEqualTo("quiz[0].correct");
        assertThat(ProblemHandler.fieldOf("items[1].quantity: at most 99")).isEqualTo("items[1].quantity");
        assertThat(ProblemHandler.fieldOf("sku, slug and name are required")).isEqualTo("sku");
        assertThat(ProblemHandler.fieldOf("currency: USD expected")).isEqualTo("currency");
        assertThat(ProblemHandler.fieldOf("a quiz needs at least one question")).isEqualTo("request");
        assertThat(ProblemHandler.fieldOf("every item needs a positive quantity")).isEqualTo("request");
        // a word that names no field (it named "nothing" the field of an empty stock count)
        assertThat(ProblemHandler.fieldOf("nothing to change: give onHand, reorderThreshold or warehouseLocation"))
                .isEqualTo("request");
        assertThat(ProblemHandler.fieldOf("order 123 holds 4 units")).isEqualTo("request");
        assertThat(ProblemHandler.fieldOf("Invalid input")).isEqualTo("request");
        assertThat(ProblemHandler.fieldOf("required")).isEqualTo("request");
        assertThat(ProblemHandler.fieldOf(null)).isEqualTo("request");
    }

    /** A rule across fields (@AssertTrue on a method) names the field its message starts with, beside its path. */
    @Test
    void aRuleAcrossFields_namesAFieldOfTheBody() {
        assertThat(ProblemHandler.fieldNamed(assertTrue("windowOrdered", "validUntil must be after validFrom")))
                .isEqualTo("validUntil");
        assertThat(ProblemHandler.fieldNamed(assertTrue("items[0].windowOrdered", "validUntil must be after validFrom")))
                .isEqualTo("items[0].validUntil");
        assertThat(ProblemHandler.fieldNamed(assertTrue("items[0].balanced", "the lines must balance")))
                .isEqualTo("items[0]");
        assertThat(ProblemHandler.fieldNamed(assertTrue("balanced", "the lines must balance"))).isEqualTo("request");
        assertThat(ProblemHandler.fieldNamed(new FieldError("body", "priceCents", null, false,
                new String[] {"Min.body.priceCents", "Min"}, null, "must be at least 0"))).isEqualTo("priceCents");
    }

    private static FieldError assertTrue(String field, String message) {
        return new FieldError("body", field, false, false,
                new String[] {"AssertTrue.body." + field, "AssertTrue.boolean", "AssertTrue"}, null, message);
    }
}
