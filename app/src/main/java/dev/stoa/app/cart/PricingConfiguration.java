package dev.stoa.app.cart;

import dev.stoa.api.cart.pricing.PricingRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link PricingRules} of this process, for the cart view and the checkout alike. */
@Configuration
@EnableConfigurationProperties(PricingProperties.class)
class PricingConfiguration {
    @Bean
    PricingRules pricingRules(PricingProperties properties) { return properties.rules(); }
}
