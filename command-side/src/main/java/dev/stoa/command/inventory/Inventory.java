package dev.stoa.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.platform.SnapshotState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A product's stock and the reservations orders hold on it: one consistency boundary per product, apart from the
 * product itself, so checkouts never contend with edits of the product and a reservation can never take more than
 * is available. Levels and settings change only by the product's vendor or an admin; reservations come from the
 * checkout (no caller of their own).
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("2") // 2: the reservation of a paid order stays open until it ships; the location is kept
@SnapshotState
public class Inventory {
    @AggregateIdentifier
    private String inventoryId;
    private ProductId productId;
    private String vendorId;
    private final StockLevels stock = new StockLevels();
    private final Reservations reservations = new Reservations();

    protected Inventory() {}

    /** Opens once; again (the product controller and the {@code inventory-opener} both send it) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenInventory cmd, OpeningStock opening) {
        if (inventoryId != null) return;
        OpeningStock.Levels levels = opening.of(cmd.productId())
                .orElseThrow(() -> DomainException.notFound("product " + cmd.productId()));
        apply(new InventoryOpened(cmd.productId(), cmd.vendorId(), levels.onHand(), levels.reserved(),
                levels.onHand() - levels.reserved(), levels.reorderThreshold(), levels.warehouseLocation()));
    }

    @CommandHandler
    void handle(AdjustStock cmd) {
        requireOwnerOrAdmin(cmd.actor());
        stock.adjust(productId, cmd.onHand(), cmd.expectedOnHand(), cmd.reorderThreshold(), cmd.warehouseLocation())
                .forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(RestockProduct cmd) {
        requireOwnerOrAdmin(cmd.actor());
        apply(stock.restock(productId, cmd.quantity()));
    }

    @CommandHandler
    void handle(ReserveStock cmd) {
        if (cmd.quantity() <= 0 || cmd.quantity() > StockLevels.MAX_UNITS)
            throw DomainException.badInput("quantity must be between 1 and " + StockLevels.MAX_UNITS);
        if (reservations.alreadyReserved(cmd.orderId(), cmd.quantity())) return;
        stock.reserve(productId, cmd.orderId(), cmd.quantity()).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(ReleaseStockReservation cmd) {
        reservations.openQuantity(cmd.orderId())
                .ifPresent(quantity -> apply(stock.release(productId, cmd.orderId(), quantity)));
    }

    @CommandHandler
    void handle(CommitStockReservation cmd) {
        reservations.quantityToCommit(cmd.orderId())
                .ifPresent(quantity -> apply(stock.commit(productId, cmd.orderId(), quantity)));
    }

    @CommandHandler
    void handle(ReturnCommittedStock cmd) {
        if (reservations.openQuantity(cmd.orderId()).isPresent()) {
            handle(new ReleaseStockReservation(cmd.productId(), cmd.orderId()));
        } else if (reservations.returnable(cmd.orderId())) {
            apply(stock.giveBack(productId, cmd.orderId(), cmd.quantity()));
        }
    }

    /** Units committed at payment (before 2026-12-05) and not shipped yet are on hand again, held for their order. */
    @CommandHandler
    void handle(HoldCommittedUnits cmd) {
        if (!reservations.returnable(cmd.orderId())) return; // open, released, returned or held already: nothing
        apply(stock.hold(productId, cmd.orderId(), cmd.quantity()));
    }

    /**
     * Returned units arrived: on hand again, once per parcel ({@code receiptId}). Units a refund withdrew from an order
     * whose reservation is still open (paid, its line not shipped) never left: the reservation holds fewer.
     */
    @CommandHandler
    void handle(RestockReturn cmd) {
        if (reservations.received(cmd.receiptId())) return;
        var held = reservations.held(cmd.orderId());
        if (held.isEmpty()) {
            apply(stock.restockReturn(productId, cmd.orderId(), cmd.receiptId(), cmd.quantity()));
        } else if (cmd.quantity() <= 0 || cmd.quantity() > held.get()) {
            throw DomainException.badInput("order " + cmd.orderId() + " holds " + held.get() + " units of product "
                    + productId + ", not " + cmd.quantity() + " to withdraw");
        } else {
            apply(stock.reduce(productId, cmd.orderId(), cmd.receiptId(), cmd.quantity()));
        }
    }

    /** Units that can be sold now (on hand less reserved); the cart checks a quantity against it. */
    public int available() { return stock.available(); }

    private void requireOwnerOrAdmin(Actor actor) {
        if (actor == null || !(actor.isAdmin() || actor.has(Roles.VENDOR)))
            throw DomainException.forbidden("only vendors and admins manage stock");
        if (!actor.isAdmin() && !actor.userId().equals(vendorId))
            throw DomainException.forbidden("this product belongs to another vendor");
    }

    @EventSourcingHandler
    void on(InventoryOpened e) {
        inventoryId = InventoryIds.of(e.productId());
        productId = e.productId();
        vendorId = e.vendorId().value();
        stock.on(e);
    }

    @EventSourcingHandler
    void on(StockAdjusted e) { stock.on(e); }

    @EventSourcingHandler
    void on(ProductRestocked e) { stock.on(e); }

    @EventSourcingHandler
    void on(StockReserved e) {
        stock.levels(e.onHand(), e.reserved());
        reservations.on(e);
    }

    @EventSourcingHandler
    void on(StockReservationReleased e) {
        stock.levels(e.onHand(), e.reserved());
        reservations.on(e);
    }

    @EventSourcingHandler
    void on(StockReturned e) {
        stock.levels(e.onHand(), e.reserved());
        reservations.on(e);
    }

    @EventSourcingHandler
    void on(ReturnedStockRestocked e) {
        stock.levels(e.onHand(), e.reserved());
        reservations.on(e);
    }

    @EventSourcingHandler
    void on(CommittedUnitsHeld e) {
        stock.levels(e.onHand(), e.reserved());
        reservations.on(e);
    }

    @EventSourcingHandler
    void on(StockReservationReduced e) {
        stock.levels(e.onHand(), e.reserved());
        reservations.on(e);
    }

    @EventSourcingHandler
    void on(StockReservationCommitted e) {
        stock.levels(e.onHand(), e.reserved());
        reservations.on(e);
    }

}
