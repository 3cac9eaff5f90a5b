package dev.stoa.command.catalog;

import java.util.Collection;

/** Whether sellers' accounts closed (deactivated or erased), as the {@code closed-sellers} processor's ledger knows. */
public interface SellerAccounts {
    /** Whether any of these sellers (vendor or instructor user ids) closed their account. */
    boolean anyClosed(Collection<String> sellerIds);
}
