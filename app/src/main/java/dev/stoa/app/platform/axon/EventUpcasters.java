package dev.stoa.app.platform.axon;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * Every upcaster of a stored event, in the order Axon applies them (oldest revision first). When an event's shape
 * changes incompatibly (a field renamed, retyped or split), bump its {@code @Revision}, add an upcaster from the old
 * revision here (an {@code org.axonframework.serialization.upcasting.event.SingleEventUpcaster} that rewrites the
 * stored JSON), and keep the old fixture in {@code app/src/test/resources/events}: {@code EventCompatibilityTest}
 * then reads it through this chain. Adding a field needs none (older events read it as null).
 *
 * <p>Empty: no event has changed shape since it was first stored.
 */
public final class EventUpcasters {
    private EventUpcasters() {}

    public static List<EventUpcaster> all() { return List.of(); }
}
