package dev.stoa.command.catalog;

import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link SellerAccounts} from {@code closed_seller}, the ledger {@link ClosedSellers} keeps. */
@Component
class JdbcSellerAccounts implements SellerAccounts {
    private final JdbcTemplate jdbc;

    JdbcSellerAccounts(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @Override
    public boolean anyClosed(Collection<String> sellerIds) {
        if (sellerIds.isEmpty()) return false;
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from closed_seller where seller_id = any(?))",
                Boolean.class, (Object) sellerIds.toArray(String[]::new)));
    }
}
