package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The field a domain rule's validation_failed names in its errors[]: the one its message starts with, or the request. */
class ProblemFieldTest {
    @Test
    void theFieldAMessageStartsWith_orTheRequest() {
        assertThat(ProblemHandler.fieldOf("trackingNumber is required to ship")).isEqualTo("trackingNumber");
        assertThat(ProblemHandler.fieldOf("shippingAddress.countryCode must be ISO 3166")).isEqualTo("shippingAddress.countryCode");
        assertThat(ProblemHandler.fieldOf("quizAnswers[2] has 5 choices")).isEqualTo("quizAnswers");
        assertThat(ProblemHandler.fieldOf("sku, slug and name are required")).isEqualTo("sku");
        assertThat(ProblemHandler.fieldOf("currency: USD expected")).isEqualTo("currency");
        assertThat(ProblemHandler.fieldOf("a quiz needs at least one question")).isEqualTo("request");
        assertThat(ProblemHandler.fieldOf("every item needs a positive quantity")).isEqualTo("request");
        assertThat(ProblemHandler.fieldOf("order 123 holds 4 units")).isEqualTo("request");
        assertThat(ProblemHandler.fieldOf("Invalid input")).isEqualTo("request");
        assertThat(ProblemHandler.fieldOf("required")).isEqualTo("request");
        assertThat(ProblemHandler.fieldOf(null)).isEqualTo("request");
    }
}
