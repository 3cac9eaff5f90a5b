package dev.stoa.command.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.MetadataKeys;

import dev.stoa.api.catalog.*;
import dev.stoa.command.platform.SnapshotState;
import dev.stoa.command.platform.UniqueKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A product for sale. Only its vendor or an admin may change it. Its stock is its {@code Inventory}'s (context
 * inventory): revision 1 snapshots held stock and are ignored since; revision 2 snapshots did not know whether an
 * admin had taken the product down ({@code takenDown}), and are ignored since 2026-12-06 (fifth session); revision 3
 * snapshots did not know its currency nor whether it was ever listed, and are ignored since 2026-12-07 evening.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("4")
@SnapshotState
public class Product {
    @AggregateIdentifier
    private ProductId productId;
    private String vendorId;
    private String sku;
    private String slug;
    private boolean active;
    /** Unlisted by an admin (not its vendor): listed again by an admin only. */
    private boolean takenDown;
    private String currency;
    /** Listed at some time: carts may hold it, orders and refunds may be in its currency, which it then keeps. */
    private boolean listedOnce;

    protected Product() {}

    @CommandHandler
    public Product(CreateProduct cmd, UniqueKeys keys) {
        ProductRules.requireSeller(cmd.actor());
        if (!cmd.actor().isAdmin() && !cmd.actor().userId().equals(cmd.vendorId().value()))
            throw DomainException.forbidden("vendors list products under their own id only");
        ProductDetails d = cmd.details();
        ProductRules.validate(d, keys);
        ProductRules.claimSku(keys, d.sku(), cmd.productId().value());
        ProductRules.claimSlug(keys, d.slug(), cmd.productId().value());
        apply(new ProductCreated(cmd.productId(), cmd.vendorId(), d.sku().trim(), d.slug(), d.name().trim(),
                d.description(), d.priceCents(), d.compareAtPriceCents(), d.currency(), d.categoryId(),
                d.brand(), d.weightGrams(), d.active()));
    }

    @CommandHandler
    void handle(UpdateProduct cmd, UniqueKeys keys, SellerAccounts sellers) {
        ProductRules.requireOwnerOrAdmin(cmd.actor(), vendorId);
        if (cmd.vendorId() != null && !cmd.vendorId().value().equals(vendorId))
            throw DomainException.badInput("vendorId: a product stays with its vendor (" + vendorId + ")");
        // not said: it stays listed, or not (Z37)
        ProductDetails d = cmd.listingGiven() ? cmd.details() : cmd.details().withActive(active);
        // taken down by an admin, a product is listed again by an admin only: its vendor's edit keeps it unlisted
        if (d.active() && !active && takenDown && !cmd.actor().isAdmin())
            throw DomainException.forbidden("an admin unlisted this product; only an admin lists it again");
        // a closed seller's product stays off sale: an admin's PUT listed it again before 2026-12-07, and each buyer's
        // order was then cancelled as the closed seller's and their money paid back (found by a walkthrough), as a
        // new product is refused for a closed vendor
        if (d.active() && !active && sellers.anyClosed(java.util.List.of(vendorId)))
            throw new DomainException(ErrorCode.UNKNOWN_VENDOR, "the vendor " + vendorId + " closed their account: "
                    + "their product is not listed again");
        ProductRules.validate(d, keys);
        // a product once listed keeps its currency, as a published course does: a GBP price on a product in USD carts
        // made those carts mix two currencies (a coupon's minimum then added pounds to dollars) before 2026-12-07
        // evening (walkthrough Z31)
        if (listedOnce && currency != null && !d.currency().equals(currency))
            throw DomainException.invalidTransition("a product once listed keeps its currency (" + currency + "): what its "
                    + "buyers paid, their refunds and the carts that hold it are in it; change its price instead, or "
                    + "create another product to sell in " + d.currency());
        String id = productId.value();
        if (!ProductRules.skuKey(d.sku()).equals(ProductRules.skuKey(sku))) {
            ProductRules.claimSku(keys, d.sku(), id);
            keys.release(ProductRules.SKU, ProductRules.skuKey(sku), id);
        }
        if (!d.slug().equals(slug)) {
            ProductRules.claimSlug(keys, d.slug(), id);
            keys.release(ProductRules.SLUG, slug, id);
        }
        boolean wasActive = active;
        apply(new ProductUpdated(productId, d.sku().trim(), d.slug(), d.name().trim(), d.description(),
                d.priceCents(), d.compareAtPriceCents(), d.currency(), d.categoryId(), d.brand(), d.weightGrams(),
                d.active()));
        // an admin who says "off sale" of a product its vendor had unlisted takes it down, as their DELETE does (Z39)
        if (cmd.listingGiven() && !d.active() && !wasActive && !takenDown && !cmd.actor().userId().equals(vendorId))
            apply(new ProductUnlisted(productId));
    }

    @CommandHandler
    void handle(UnlistProduct cmd) {
        ProductRules.requireOwnerOrAdmin(cmd.actor(), vendorId);
        // unlisting twice changes nothing, but an admin's unlisting of what its vendor had unlisted is a takedown, and
        // recorded as one: it recorded nothing, and the vendor listed the product again, before 2026-12-07 (Z39)
        if (active || (!takenDown && !cmd.actor().userId().equals(vendorId))) apply(new ProductUnlisted(productId));
    }

    @EventSourcingHandler
    void on(ProductCreated e) {
        productId = e.productId();
        vendorId = e.vendorId().value();
        sku = e.sku();
        slug = e.slug();
        active = e.active();
        currency = e.currency();
        listedOnce = e.active();
    }

    @EventSourcingHandler
    void on(ProductUpdated e, @MetaDataValue(MetadataKeys.USER_ID) String by) {
        sku = e.sku();
        slug = e.slug();
        currency = e.currency();
        listedOnce |= e.active();
        if (e.active()) takenDown = false;
        else if (active && by != null && !by.equals(vendorId)) takenDown = true; // an admin's PUT took it off sale
        active = e.active();
    }

    /**
     * Unlisted by someone else than its vendor (an admin): a takedown, which the vendor cannot undo by listing it again
     * (it could, before 2026-12-06, fifth session, with a PUT naming {@code active: true}; found by a walkthrough). Who
     * unlisted it is the request's user in the event's metadata.
     */
    @EventSourcingHandler
    void on(ProductUnlisted e, @MetaDataValue(MetadataKeys.USER_ID) String by) {
        active = false;
        takenDown = by != null && !by.equals(vendorId);
    }
}
