package dev.stoa.app.platform.axon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;

/**
 * What one HTTP write produced: the commands it sent (and whether this process handled them), the events they
 * published, and receipts of which processors have committed each event. Receipts are taken from the moment
 * an event is published, before it is even stored, so a processor can never be faster than the waiter.
 * A lock and condition rather than {@code synchronized}: waiters may be virtual threads, which JDK 21 pins
 * inside a monitor.
 */
public final class Write {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition receipt = lock.newCondition();
    private final Set<String> commands = new HashSet<>();
    private final Set<String> commandsHandledHere = new HashSet<>();
    private final Set<String> commandsJoined = new HashSet<>();
    private final List<EventMessage<?>> events = new ArrayList<>();
    private final Map<String, Set<String>> handledBy = new HashMap<>();
    private final Map<String, Long> positions = new HashMap<>();
    private final Map<String, Long> lastReceiptNanos = new HashMap<>();

    void commandSent(String commandId) { locked(() -> commands.add(commandId)); }

    /** A command sent by a processor that completes this write: its events are the write's, it is not waited for. */
    void commandJoined(String commandId) { locked(() -> commandsJoined.add(commandId)); }

    /** Whether the events this command causes belong to the write: it sent or joined it. */
    boolean sent(String commandId) { return read(() -> commands.contains(commandId) || commandsJoined.contains(commandId)); }

    void commandHandledHere(String commandId) { locked(() -> commandsHandledHere.add(commandId)); }

    void published(EventMessage<?> event) { locked(() -> events.add(event)); }

    void rolledBack(List<? extends EventMessage<?>> discarded) { locked(() -> events.removeAll(discarded)); }

    /** A processor committed the event (its read model has it), at this global position if known. */
    void handled(String eventId, String processor, OptionalLong position) {
        locked(() -> {
            handledBy.computeIfAbsent(eventId, id -> new HashSet<>()).add(processor);
            position.ifPresent(p -> positions.put(eventId, p));
            lastReceiptNanos.put(processor, System.nanoTime());
            receipt.signalAll();
        });
    }

    /** The events published, in order. */
    public List<EventMessage<?>> events() { return read(() -> List.copyOf(events)); }

    /** False if a command of this write ran in another process: its events, if any, are unknown here. */
    public boolean allCommandsHandledHere() { return read(() -> commandsHandledHere.containsAll(commands)); }

    /** The global position of the last event, if a processor's receipt told every event's position. */
    public OptionalLong knownPosition() {
        return read(() -> events.isEmpty() || !events.stream().allMatch(e -> positions.containsKey(e.getIdentifier()))
                ? OptionalLong.empty() : OptionalLong.of(positions.values().stream().mapToLong(Long::longValue).max().orElseThrow()));
    }

    /**
     * Waits until every named processor has committed every event listed for it.
     *
     * @param required event identifier to the processors that must handle it
     * @return false if the deadline ({@link System#nanoTime()} based) passed first
     */
    public boolean await(Map<String, Set<String>> required, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (!covered(required)) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) return false;
                receipt.await(left, TimeUnit.NANOSECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** When {@code processor} last committed an event of this write ({@link System#nanoTime()}), if it did. */
    public OptionalLong lastReceipt(String processor) {
        return read(() -> lastReceiptNanos.containsKey(processor) ? OptionalLong.of(lastReceiptNanos.get(processor)) : OptionalLong.empty());
    }

    /** The processors among {@code required} that have not yet committed all their events. */
    public Set<String> missing(Map<String, Set<String>> required) {
        return read(() -> {
            Set<String> missing = new HashSet<>();
            required.forEach((event, processors) -> processors.stream()
                    .filter(p -> !handledBy.getOrDefault(event, Set.of()).contains(p)).forEach(missing::add));
            return missing;
        });
    }

    private boolean covered(Map<String, Set<String>> required) {
        for (var entry : required.entrySet()) {
            if (!handledBy.getOrDefault(entry.getKey(), Set.of()).containsAll(entry.getValue())) return false;
        }
        return true;
    }

    private <T> T read(Supplier<T> value) {
        lock.lock();
        try {
            return value.get();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
