package dev.stoa.app.platform.web;

import dev.stoa.command.platform.web.VisibleText;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @NotBlank} asks for a visible character ({@link VisibleText}) instead of the standard validator's "not only
 * whitespace", in the validator Spring Boot makes for request bodies and parameters: zero-width characters alone were
 * taken as a product's name or an address's street (before 2026-12-07; walkthrough).
 */
@Configuration
class VisibleTextValidation {
    @Bean
    ValidationConfigurationCustomizer visibleNotBlank() {
        return configuration -> {
            if (!(configuration instanceof HibernateValidatorConfiguration hibernate)) return;
            ConstraintMapping mapping = hibernate.createConstraintMapping();
            mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false).validatedBy(VisibleText.class);
            hibernate.addMapping(mapping);
        };
    }
}
