package dev.stoa.app.platform.openapi;

import dev.stoa.api.platform.ErrorCode;
import dev.stoa.app.platform.openapi.BytecodeIndex.ClassFacts;
import dev.stoa.app.platform.openapi.BytecodeIndex.MethodFacts;
import dev.stoa.app.platform.openapi.BytecodeIndex.MethodKey;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.asm.Type;

/**
 * The problem codes a controller method can answer, derived from the code: every {@code ErrorCode} constant named in
 * the method and in every method of Stoa it can reach, following calls (into every implementation of an interface or
 * override), lambdas, and the commands and queries it creates, into the {@code @CommandHandler}s and
 * {@code @QueryHandler}s that handle them (what an aggregate refuses is what the endpoint answers). A command handler
 * on an existing aggregate adds {@code not_found} and {@code concurrent_modification}, which Axon raises around it.
 * Over-approximates (a rule reachable on some path counts), never misses a constant on a path that exists.
 */
final class ReachableProblemCodes {
    private static final String COMMAND_HANDLER = "org/axonframework/commandhandling/CommandHandler";
    private static final String QUERY_HANDLER = "org/axonframework/queryhandling/QueryHandler";
    /** A method that keeps every refusal of what it calls ({@code RefusalsStayHere}): nothing of it reaches the answer. */
    private static final String REFUSALS_STAY_HERE = "dev/stoa/command/platform/web/RefusalsStayHere";
    private final BytecodeIndex index;
    private final Map<String, List<MethodKey>> handlers = new HashMap<>();

    ReachableProblemCodes(BytecodeIndex index) {
        this.index = index;
        for (ClassFacts type : index.classes().values()) {
            type.methods().forEach((signature, facts) -> {
                if (facts.messageType() != null && (facts.annotations().contains(COMMAND_HANDLER)
                        || facts.annotations().contains(QUERY_HANDLER)))
                    handlers.computeIfAbsent(facts.messageType(), k -> new ArrayList<>()).add(BytecodeIndex.key(type.name(), signature));
            });
        }
    }

    Set<ErrorCode> of(Method method) {
        Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        Set<MethodKey> seen = new HashSet<>();
        Deque<MethodKey> work = new ArrayDeque<>(List.of(new MethodKey(Type.getInternalName(method.getDeclaringClass()),
                method.getName(), Type.getMethodDescriptor(method))));
        while (!work.isEmpty()) {
            MethodKey next = work.pop();
            if (!seen.add(next) || next.owner().equals(BytecodeIndex.ERROR_CODE)) continue;
            for (MethodKey implementation : index.implementations(next)) {
                MethodFacts facts = index.facts(implementation);
                if (facts == null || facts.annotations().contains(REFUSALS_STAY_HERE)) continue;
                facts.codes().forEach(name -> codes.add(ErrorCode.valueOf(name)));
                work.addAll(facts.calls());
                for (String created : facts.created()) {
                    for (MethodKey handler : handlers.getOrDefault(created, List.of())) {
                        work.add(handler);
                        if (!handler.name().equals("<init>") && isCommandHandler(handler)) {
                            codes.add(ErrorCode.NOT_FOUND_CODE);
                            codes.add(ErrorCode.CONCURRENT_MODIFICATION);
                        }
                    }
                }
            }
        }
        return codes;
    }

    private boolean isCommandHandler(MethodKey handler) {
        MethodFacts facts = index.facts(handler);
        return facts != null && facts.annotations().contains(COMMAND_HANDLER);
    }
}
