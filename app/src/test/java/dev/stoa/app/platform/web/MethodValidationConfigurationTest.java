package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/** Method validation still validates arguments and return values, and asks for the validator once, not per call. */
class MethodValidationConfigurationTest {

    @Validated
    public static class Prices {
        @NotNull
        public String label(@Min(0) long cents) {
            return cents == 13 ? null : cents + " cents";
        }
    }

    @Test
    void validatesEveryCallWithTheValidatorItAskedForOnce() {
        AtomicInteger asked = new AtomicInteger();
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            ObjectProvider<Validator> validator = new ObjectProvider<>() {
                @Override
                public Validator getObject() {
                    asked.incrementAndGet();
                    return factory.getValidator();
                }
            };
            ObjectProvider<MethodValidationExcludeFilter> noFilters = new ObjectProvider<>() {
                @Override
                public Stream<MethodValidationExcludeFilter> orderedStream() {
                    return Stream.empty();
                }
            };
            MethodValidationPostProcessor processor = MethodValidationConfiguration.methodValidationPostProcessor(
                    new MockEnvironment(), validator, noFilters);
            processor.afterPropertiesSet();
            Prices prices = (Prices) processor.postProcessAfterInitialization(new Prices(), "prices");

            assertThat(asked).hasValue(0); // not while beans are being created
            for (int i = 0; i < 5; i++) assertThat(prices.label(250)).isEqualTo("250 cents");
            assertThatThrownBy(() -> prices.label(-1)).isInstanceOf(ConstraintViolationException.class)
                    .hasMessageContaining("label.cents");
            assertThatThrownBy(() -> prices.label(13)).isInstanceOf(ConstraintViolationException.class)
                    .hasMessageContaining("label.<return value>");
            assertThat(asked).hasValue(1);
        }
    }
}
