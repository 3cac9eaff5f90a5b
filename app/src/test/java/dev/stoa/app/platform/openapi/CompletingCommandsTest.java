package dev.stoa.app.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.platform.openapi.BytecodeIndex.ClassFacts;
import dev.stoa.app.platform.openapi.BytecodeIndex.MethodFacts;
import dev.stoa.app.platform.openapi.BytecodeIndex.MethodKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes, structurally: a command that a request sends and that a processor sends too (its safety net, or
 * the same step from an event) must complete its write ({@code CompletesItsWrite}). When the processor's copy is
 * handled first, its events are the write's, and only a command that completes its write makes the request's answer
 * wait for them; any other one lets the next read miss them, and only a run that loses the race shows it (as five
 * commands did before 2026-12-06). Found from the class files: every command created on the way from a request
 * mapping, and every one created on the way from an {@code @EventHandler} or {@code @SagaEventHandler}, following
 * calls (into every implementation) but not into the handlers of what they send.
 */
class CompletingCommandsTest {
    private static final String COMPLETES = "dev/stoa/api/platform/CompletesItsWrite";
    private static final String COMMAND_HANDLER = "org/axonframework/commandhandling/CommandHandler";
    private static final Set<String> REQUEST = Set.of("RequestMapping", "GetMapping", "PostMapping", "PutMapping",
            "DeleteMapping", "PatchMapping").stream().map(n -> "org/springframework/web/bind/annotation/" + n)
            .collect(java.util.stream.Collectors.toSet());
    private static final Set<String> PROCESSOR = Set.of("org/axonframework/eventhandling/EventHandler",
            "org/axonframework/modelling/saga/SagaEventHandler");

    private final BytecodeIndex index = BytecodeIndex.load(getClass().getClassLoader());
    private final Set<String> commands = new HashSet<>();

    CompletingCommandsTest() {
        for (ClassFacts type : index.classes().values()) {
            type.methods().values().forEach(m -> {
                if (m.messageType() != null && m.annotations().contains(COMMAND_HANDLER)) commands.add(m.messageType());
            });
        }
    }

    /**
     * Commands both sides send, but never for the same step: each copy is its own step of its own write (another
     * reference, another cause), so none ever stands in for a request's own. Each entry says why; the list must hold
     * exactly the commands the walk finds that do not complete their write, so a new one has to be decided.
     */
    private static final Map<String, String> NEVER_THE_SAME_STEP = Map.of(
            "CancelPayment", "the requests are Stripe's webhook (its caller reads nothing) and the sandbox's confirmation, "
                    + "which plays it (answered 202: its outcome arrives as the webhook's would); the processor cancels the "
                    + "payment of an order cancelled before, another write",
            "QueueNotification", "each copy queues its own mail, under an id of its own cause",
            "RecordRefund", "the requests are Stripe's webhook, whose caller reads nothing, and the sandbox's confirmation "
                    + "(202); the processor records the refund it asked the gateway for",
            "RemoveCartItem", "the requests are the cart's own edits and a course's wallet purchase, which takes the course "
                    + "out itself; the processor takes out a course a card order's confirmation granted (a line added back "
                    + "while the card was pending), which arrives after the webhook's or the sandbox's 202",
            "UndoCartCheckout", "the requests give the cart back when their own checkout or purchase is refused; the "
                    + "processor gives a declined card's order back to its cart (since 2026-12-07), after the webhook's or "
                    + "the sandbox's 202, another write whose answer promises the cart nothing");

    @Test
    void aCommandSentByARequestAndByAProcessorCompletesItsWrite() {
        Map<String, Set<String>> fromRequests = sentFrom(REQUEST);
        Map<String, Set<String>> fromProcessors = sentFrom(PROCESSOR);
        Map<String, String> missing = new TreeMap<>();
        Set<String> completing = new TreeSet<>();
        for (String command : fromRequests.keySet()) {
            if (!fromProcessors.containsKey(command)) continue;
            String name = command.substring(command.lastIndexOf('/') + 1);
            if (completes(command)) completing.add(name);
            else missing.put(name, "requests: " + fromRequests.get(command) + "; processors: " + fromProcessors.get(command));
        }
        assertThat(completing).as("the walk finds the pairs that are known (the request's step and its safety net)")
                .contains("ConfirmOrder", "OpenInventory", "GrantEnrollment", "CommitStockReservation", "TopUpWallet",
                        "RevokeEnrollment", "RequestRefund");
        assertThat(missing.keySet()).as("commands sent by both a request and a processor that do not complete their "
                + "write, and are not known to be other steps: " + missing).isEqualTo(NEVER_THE_SAME_STEP.keySet());
    }

    /** Every command created on a path from a method carrying one of {@code annotations}, with those methods' classes. */
    private Map<String, Set<String>> sentFrom(Set<String> annotations) {
        Map<String, Set<String>> sent = new TreeMap<>();
        index.classes().values().forEach(type -> type.methods().forEach((signature, facts) -> {
            if (facts.annotations().stream().noneMatch(annotations::contains)) return;
            String entry = type.name().substring(type.name().lastIndexOf('/') + 1);
            for (String command : created(BytecodeIndex.key(type.name(), signature)))
                sent.computeIfAbsent(command, k -> new TreeSet<>()).add(entry);
        }));
        return sent;
    }

    private Set<String> created(MethodKey start) {
        Set<String> found = new HashSet<>();
        Set<MethodKey> seen = new HashSet<>();
        Deque<MethodKey> work = new ArrayDeque<>(Set.of(start));
        while (!work.isEmpty()) {
            MethodKey next = work.pop();
            if (!seen.add(next)) continue;
            for (MethodKey implementation : index.implementations(next)) {
                MethodFacts facts = index.facts(implementation);
                if (facts == null) continue;
                facts.created().stream().filter(commands::contains).forEach(found::add);
                work.addAll(facts.calls());
            }
        }
        return found;
    }

    private boolean completes(String type) { return index.isA(type, COMPLETES); }
}
