package dev.stoa.app.platform.health;

import dev.stoa.command.payment.PaymentGateway;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Which card gateway this command process uses: {@code stripe}, or {@code sandbox} (test cards only, no money moves).
 * UP either way; the sandbox is flagged so a deployment that runs on it by mistake shows it.
 */
@Component("paymentGatewayHealthIndicator") // shows as component "paymentGateway"
@Profile("!query")
public class PaymentGatewayHealthIndicator extends AbstractHealthIndicator {
    private final PaymentGateway gateway;

    public PaymentGatewayHealthIndicator(PaymentGateway gateway) {
        super("payment gateway check failed");
        this.gateway = gateway;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("gateway", gateway.name())
                .withDetail("realPayments", !"sandbox".equals(gateway.name()));
    }
}
