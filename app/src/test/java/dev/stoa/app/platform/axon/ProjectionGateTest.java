package dev.stoa.app.platform.axon;

import static dev.stoa.app.platform.axon.InMemoryAxon.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.platform.axon.InMemoryAxon.PriceChanged;
import dev.stoa.app.platform.axon.InMemoryAxon.ProductChanged;
import dev.stoa.app.platform.axon.InMemoryAxon.UserChanged;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The write gate decides from the processors' own handlers: it waits for those that handle the write's events,
 * never for the others, and not at all when one that should is stopped, in error or without the segment here.
 * "At once" is shown without timing anything: those writes are given an hour, and the class-level guard
 * would fail a gate that used it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ProjectionGateTest {
    private static final Duration AN_HOUR = Duration.ofHours(1);
    private final InMemoryAxon axon = new InMemoryAxon();
    private final ProjectionGate gate = axon.gate();

    @AfterEach
    void close() { axon.close(); }

    /**
     * A store not asked by event ids (Axon Server; here the in-memory one): the write's position is found among the
     * newest events of the log, not taken from the head, which another writer's events moved on. A read sent with the
     * head's position would have waited for that writer's processors instead of this write's.
     */
    @Test
    void aWritesPositionIsItsOwnLastEvent_notTheHeadAnotherWriterMovedOn() {
        Write write = axon.write(new UserChanged("ada"), new UserChanged("bob"));
        axon.write(new UserChanged("cyd")); // another writer, right after
        java.util.List<String> ids = write.events().stream().map(org.axonframework.eventhandling.EventMessage::getIdentifier).toList();
        long head = gate.head().position().orElseThrow();
        assertThat(gate.positionOf(ids)).hasValue(head - 1);
        assertThat(gate.positionOf(java.util.List.of("no-such-event"))).as("unknown: the head").hasValue(head);
    }

    /**
     * Who handles a payload type is kept per type, as the processors' own handlers answer it, and found again among
     * other processors (another configuration's instances): never a processor of the first.
     */
    @Test
    void whoHandlesATypeIsKept_andFoundAgainAmongOtherProcessors() {
        EventTargets.Handlers handlers = new EventTargets.Handlers();
        var event = org.axonframework.eventhandling.GenericEventMessage.asEventMessage(new UserChanged("ada"));
        var processors = axon.axon.eventProcessingConfiguration().eventProcessors();
        assertThat(handlers.of(processors, event)).containsExactlyElementsOf(EventTargets.handlersOf(processors, event))
                .extracting(StreamingEventProcessor::getName).containsExactly("users");
        assertThat(handlers.of(axon.axon.eventProcessingConfiguration().eventProcessors(), event))
                .containsExactly(axon.processor("users"));
        try (InMemoryAxon other = new InMemoryAxon()) {
            assertThat(handlers.of(other.axon.eventProcessingConfiguration().eventProcessors(), event))
                    .containsExactly(other.processor("users"));
        }
    }

    @Test
    void aProcessorThatHandlesNoneOfTheWritesEventsNeverDelaysIt() throws InterruptedException {
        axon.write(new ProductChanged("stuck")); // "products" now hangs in its handler until released

        Write write = axon.write(new UserChanged("ada"));
        ProjectionGate.Plan plan = gate.plan(write);
        assertThat(plan.awaited()).containsExactly("users");
        assertThat(plan.unavailable()).isEmpty();
        assertThat(gate.awaitWrite(write, AN_HOUR)).isTrue();
        assertThat(counted("users", "consistent")).isEqualTo(1);
        assertThat(counted("products", "consistent") + counted("products", "pending")).isZero();
    }

    @Test
    void aWriteWaitsForTheProcessorsThatHandleItsEvents() throws InterruptedException {
        Write write = axon.write(new ProductChanged("kettle"), new UserChanged("ada"));
        assertThat(gate.plan(write).awaited()).containsExactly("products", "users");
        assertThat(gate.awaitWrite(write, Duration.ofMillis(200))).isFalse(); // "products" holds it
        assertThat(counted("products", "pending")).isEqualTo(1);

        axon.releaseProducts();
        assertThat(gate.awaitWrite(write, AN_HOUR)).isTrue();
    }

    @Test
    void aStoppedProcessorMakesTheWritePendingAtOnce() throws InterruptedException {
        axon.processor("users").shutDown();
        Write write = axon.write(new UserChanged("ada"));
        assertThat(gate.plan(write).unavailable()).containsExactly("users");
        assertThat(gate.awaitWrite(write, AN_HOUR)).isFalse();
        assertThat(counted("users", "unavailable")).isEqualTo(1);
    }

    /**
     * A pooled processor whose handler fails gives up the segment and claims it again after a back-off (1 s,
     * doubling): in between, the event's segment has no status here, and the write must not wait for it.
     */
    @Test
    void aProcessorInErrorMakesTheWritePendingAtOnce() throws InterruptedException {
        axon.write(new PriceChanged("kettle"));
        Write write = axon.write(new PriceChanged("kettle"), new UserChanged("ada")); // queued behind the poison
        awaitTrue(() -> !gate.plan(write).canWait(), "the failing processor was never seen as failing");
        assertThat(gate.plan(write).unavailable()).containsExactly("failing");
        assertThat(gate.awaitWrite(write, AN_HOUR)).isFalse();
    }

    @Test
    void aSegmentNotClaimedHereMakesTheWritePendingAtOnce() throws InterruptedException {
        StreamingEventProcessor users = axon.processor("users");
        users.processingStatus().keySet().forEach(segment -> users.releaseSegment(segment, 1, TimeUnit.HOURS));
        awaitTrue(() -> users.processingStatus().isEmpty(), "users kept its segments");

        Write write = axon.write(new UserChanged("ada"));
        assertThat(gate.plan(write).unavailable()).containsExactly("users");
        assertThat(gate.awaitWrite(write, AN_HOUR)).isFalse();
    }

    private double counted(String processor, String outcome) {
        var timer = axon.meters.find("stoa.read-your-writes").tag("processor", processor).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
