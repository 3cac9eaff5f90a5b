package dev.stoa.command.payment;

import dev.stoa.command.platform.DeploymentMode;
import dev.stoa.command.platform.StartupRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the payment gateway at start-up ({@code stoa.payments.gateway}): {@code stripe} when a Stripe key is
 * configured (or asked for), the {@code sandbox} in the fully embedded mode without one. Anywhere else a missing key
 * refuses the start, unless the deployment asks for the sandbox by name: taking test cards as payment must never be
 * what a deployment gets by accident.
 */
@Configuration
class PaymentGatewayConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PaymentGatewayConfiguration.class);
    private static final String ACTION = "Set stoa.payments.stripe.api-key and stoa.payments.stripe.webhook-secret "
            + "(env STOA_PAYMENTS_STRIPE_API_KEY, STOA_PAYMENTS_STRIPE_WEBHOOK_SECRET), or stoa.payments.gateway=sandbox "
            + "to accept Stripe's test cards only.";

    @Bean
    PaymentGateway paymentGateway(PaymentSettings settings, DeploymentMode mode) {
        String choice = settings.gateway();
        boolean keyed = !settings.apiKey().isEmpty();
        if (PaymentSettings.SANDBOX.equals(choice) || (PaymentSettings.AUTO.equals(choice) && !keyed && mode.embedded())) {
            if (!mode.embedded())
                log.warn("Payments run on the SANDBOX gateway (stoa.payments.gateway=sandbox): no real card is charged.");
            return new SandboxGateway();
        }
        if (!PaymentSettings.STRIPE.equals(choice) && !PaymentSettings.AUTO.equals(choice))
            throw new StartupRefused("stoa.payments.gateway is '" + choice + "'; it must be auto, stripe or sandbox.", ACTION);
        if (!keyed)
            throw new StartupRefused("No Stripe key is configured (stoa.payments.stripe.api-key), and outside the embedded "
                    + "mode the payment sandbox is never chosen by itself.", ACTION);
        if (!settings.apiKey().startsWith("sk_") && !settings.apiKey().startsWith("rk_"))
            throw new StartupRefused("stoa.payments.stripe.api-key is not a secret or restricted Stripe key (sk_… or rk_…).", ACTION);
        if (settings.webhookSecret().isEmpty())
            throw new StartupRefused("stoa.payments.stripe.webhook-secret is not set: Stripe's webhooks could not be verified.", ACTION);
        return new StripeGateway(settings);
    }
}
