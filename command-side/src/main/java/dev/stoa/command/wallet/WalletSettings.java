package dev.stoa.command.wallet;

import dev.stoa.api.platform.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The one currency wallets keep ({@code stoa.wallet.currency}, default USD). */
@Component
public class WalletSettings {
    private final String currency;

    public WalletSettings(@Value("${stoa.wallet.currency:USD}") String currency) {
        if (!Money.isCurrency(currency))
            throw new IllegalArgumentException("stoa.wallet.currency must be an ISO 4217 code such as USD, not " + currency);
        this.currency = currency;
    }

    public String currency() { return currency; }
}
