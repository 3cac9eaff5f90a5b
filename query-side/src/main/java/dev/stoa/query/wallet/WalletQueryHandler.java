package dev.stoa.query.wallet;

import dev.stoa.api.wallet.FindWallet;
import dev.stoa.api.wallet.WalletEntryView;
import dev.stoa.projection.wallet.WalletEntity;
import dev.stoa.projection.wallet.WalletEntryEntity;
import dev.stoa.projection.wallet.WalletEntryViewRepository;
import dev.stoa.projection.wallet.WalletViewRepository;
import dev.stoa.query.platform.OffsetPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers a wallet from wallet_view and its ledger, newest entry first; no wallet yet: balance 0, no entries. */
@Component
@Transactional(readOnly = true)
public class WalletQueryHandler {
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("seq"));
    private final WalletViewRepository wallets;
    private final WalletEntryViewRepository entries;
    private final String currency;

    public WalletQueryHandler(WalletViewRepository wallets, WalletEntryViewRepository entries,
                              @Value("${stoa.wallet.currency:USD}") String currency) {
        this.wallets = wallets;
        this.entries = entries;
        this.currency = currency;
    }

    @QueryHandler
    public FindWallet.Result handle(FindWallet query) {
        var wallet = wallets.findById(query.userId());
        Page<WalletEntryEntity> page = entries.findByUserId(query.userId(),
                new OffsetPage(query.offset(), query.limit(), NEWEST_FIRST));
        String walletCurrency = wallet.map(WalletEntity::getCurrency).orElse(currency);
        return new FindWallet.Result(wallet.map(WalletEntity::getBalanceCents).orElse(0L), walletCurrency,
                page.map(e -> new WalletEntryView(e.getType(), e.getAmountCents(), walletCurrency, e.getReference(),
                        e.getOrderId(), e.getAt(), e.getBalanceAfterCents())).getContent(),
                page.getTotalElements(), query.limit(), query.offset());
    }
}
