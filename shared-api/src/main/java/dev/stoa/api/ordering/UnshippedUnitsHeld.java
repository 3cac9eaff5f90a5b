package dev.stoa.api.ordering;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An order confirmed before 2026-12-05 (its units left {@code onHand} at payment) had {@code units} of physical
 * products not shipped yet: they are held for it again until they ship (the order's saga sends
 * {@code HoldCommittedUnits} per product). Recorded once per order, by {@link HoldUnshippedUnits}.
 */
@Revision("1")
public record UnshippedUnitsHeld(OrderId orderId, List<WithdrawnUnits> units) {}
