package dev.stoa.app.platform.axon;

import static dev.stoa.app.platform.axon.InMemoryAxon.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.platform.axon.InMemoryAxon.ProductChanged;
import dev.stoa.app.platform.axon.InMemoryAxon.UserChanged;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code X-Stoa-Min-Position} on a process that owns only some segments: the segments claimed here answer from
 * memory, the others from the token store (here a stand-in whose stored positions the test moves, as another
 * process would by committing batches). The write at the position decides which processors count. Waiting for a
 * processor to be through a position also asks the event store whether a gap its token passed has filled since.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PositionGateTest {
    private static final Duration AN_HOUR = Duration.ofHours(1);
    private final InMemoryAxon axon = new InMemoryAxon();
    private final StoredElsewhere store = new StoredElsewhere();
    private final CommittedAt committed = new CommittedAt();
    private final PositionGate gate = axon.positionGate(store, committed);

    @AfterEach
    void close() { axon.close(); }

    @Test
    void segmentsOwnedByAnotherProcessAreJudgedByTheirStoredTokens() throws InterruptedException {
        StreamingEventProcessor users = axon.processor("users");
        users.processingStatus().keySet().forEach(segment -> users.releaseSegment(segment, 1, TimeUnit.HOURS));
        awaitTrue(() -> users.processingStatus().isEmpty(), "users kept its segments"); // all of them elsewhere now
        axon.write(new UserChanged("ada"));
        long position = head();

        store.users = new GlobalSequenceTrackingToken(position - 1); // the other process has not got there yet
        assertThat(gate.awaitWriteAt(position, axon.store().createHeadToken(), Duration.ofMillis(200))).isFalse();
        store.users = new GlobalSequenceTrackingToken(position);    // now it has committed the event
        assertThat(gate.awaitWriteAt(position, axon.store().createHeadToken(), AN_HOUR)).isTrue();
        assertThat(store.reads).isPositive();
    }

    @Test
    void onlyTheProcessorsOfTheWriteAtThePositionCount() throws InterruptedException {
        axon.write(new ProductChanged("kettle")); // "products" hangs on it until released
        axon.write(new UserChanged("ada"));
        assertThat(gate.awaitWriteAt(head(), axon.store().createHeadToken(), AN_HOUR)).isTrue();

        axon.write(new ProductChanged("lamp"), new UserChanged("bob")); // one write: "products" counts too
        assertThat(gate.awaitWriteAt(head(), axon.store().createHeadToken(), Duration.ofMillis(200))).isFalse();
        axon.releaseProducts();
        assertThat(gate.awaitWriteAt(head(), axon.store().createHeadToken(), AN_HOUR)).isTrue();
    }

    @Test
    void aProcessorHasCaughtUpOnlyWhenNoGapItPassedHasFilledSince() throws InterruptedException {
        StreamingEventProcessor users = axon.processor("users");
        users.processingStatus().keySet().forEach(segment -> users.releaseSegment(segment, 1, TimeUnit.HOURS));
        awaitTrue(() -> users.processingStatus().isEmpty(), "users kept its segments");
        // the other process read 12 while 11's transaction was still open
        store.users = GapAwareTrackingToken.newInstance(12, List.of(11L));

        committed.positions = Set.of(11L); // 11 has committed since: the processor has yet to handle it
        assertThat(gate.awaitProcessor("users", 12, Duration.ofMillis(200))).isFalse();
        assertThat(gate.awaitProcessor("users", 10, AN_HOUR)).as("everything up to 10 is handled").isTrue();

        committed.positions = Set.of(); // 11 rolled back: nothing left to handle
        assertThat(gate.awaitProcessor("users", 12, AN_HOUR)).isTrue();
        committed.positions = Set.of(11L);
        store.users = GapAwareTrackingToken.newInstance(12, List.of()); // it has handled 11
        assertThat(gate.awaitProcessor("users", 12, AN_HOUR)).isTrue();
        assertThat(committed.asked).doesNotContain(List.of(12L)).contains(List.of(11L));
    }

    private long head() { return axon.store().createHeadToken().position().orElseThrow(); }

    /** The event store's committed positions, as far as gaps go: the test says which. */
    private static final class CommittedAt extends StoredPositions {
        volatile Set<Long> positions = Set.of();
        final List<List<Long>> asked = new CopyOnWriteArrayList<>();

        CommittedAt() { super(null); }

        @Override
        public boolean anyCommitted(Collection<Long> gaps) {
            asked.add(List.copyOf(gaps));
            return gaps.stream().anyMatch(positions::contains);
        }
    }

    /** The token store as another process leaves it: every segment of "users" at {@link #users}. */
    private static final class StoredElsewhere extends TokenPositions {
        volatile TrackingToken users;
        volatile int reads;

        StoredElsewhere() { super(null, null); }

        @Override
        public List<StoredSegment> segments(String processor) {
            reads++;
            if (!processor.equals("users")) return List.of();
            int[] ids = java.util.stream.IntStream.range(0, 16).toArray();
            return Arrays.stream(Segment.computeSegments(ids)).map(s -> new StoredSegment(s, users, "other-node")).toList();
        }
    }
}
