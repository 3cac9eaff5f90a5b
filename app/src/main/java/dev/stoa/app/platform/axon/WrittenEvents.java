package dev.stoa.app.platform.axon;

import static dev.stoa.api.platform.MetadataKeys.CAUSATION_ID;

import dev.stoa.api.platform.CompletesItsWrite;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Follows what each HTTP write produces, so that read-your-writes waits for exactly that. The request thread
 * opens a {@link Write}; the commands it sends are noted under their identifiers, and every event whose
 * {@code causationId} names one of them (or a command those sent in turn) joins the write. Following the
 * causation rather than the thread finds the events also when a command is handled on another thread (Axon
 * Server delivers commands to this process on its own threads). Processors report each event they commit
 * through {@link #handled}; only events of a write in progress are looked for, with one map lookup.
 * A {@link CompletesItsWrite} command that a processor sends about an event of a write in progress joins that
 * write: it does what the write's own request does too, and its events, if it gets there first, are the write's.
 */
@Component
public class WrittenEvents {
    private final ThreadLocal<Write> current = new ThreadLocal<>();
    private final Map<String, Write> byMessage = new ConcurrentHashMap<>();

    /** Starts following the writes of the current (request) thread. */
    public Write begin() {
        Write write = new Write();
        current.set(write);
        return write;
    }

    /** Stops following the current thread; receipts for the write keep arriving until {@link #end}. */
    public void detach() { current.remove(); }

    /** Forgets the write: its messages are no longer looked for. */
    public void end(Write write) {
        byMessage.values().removeIf(w -> w == write);
    }

    /** A processor committed this event: a receipt for the write it belongs to, if one is waiting. */
    void handled(String processor, EventMessage<?> event) {
        Write write = byMessage.get(event.getIdentifier());
        if (write == null) return;
        OptionalLong position = event instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position() : OptionalLong.empty();
        write.handled(event.getIdentifier(), processor, position);
    }

    boolean following(String messageId) { return byMessage.containsKey(messageId); }

    /**
     * The write a message belongs to: the one whose command caused it, else the one of this (request) thread.
     * Only commands pass a write on: the commands a processor sends about the write's events (a welcome mail)
     * are consequences that follow later, not part of what the client wrote.
     */
    private Write writeOf(Message<?> message) {
        Object cause = message.getMetaData().get(CAUSATION_ID);
        Write write = cause == null ? null : byMessage.get(cause.toString());
        return write != null && write.sent(cause.toString()) ? write : current.get();
    }

    /**
     * The write in progress whose event caused this command, if the command completes it. Such a command is not
     * one the write waits for (the write's request sends and waits for its own copy), only one whose events count.
     */
    private Write joinedBy(CommandMessage<?> command) {
        if (!(command.getPayload() instanceof CompletesItsWrite)) return null;
        Object cause = command.getMetaData().get(CAUSATION_ID);
        return cause == null ? null : byMessage.get(cause.toString());
    }

    /** Command bus dispatch: notes the commands a write sends, and those that join it. */
    MessageDispatchInterceptor<CommandMessage<?>> commandDispatch() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> commands) {
                for (CommandMessage<?> command : commands) {
                    Write write = writeOf(command);
                    if (write != null) write.commandSent(command.getIdentifier());
                    else if ((write = joinedBy(command)) != null) write.commandJoined(command.getIdentifier());
                    if (write != null) byMessage.put(command.getIdentifier(), write);
                }
                return (index, command) -> command;
            }
        };
    }

    /** Command bus handling: a write's command that runs here publishes its events here. */
    MessageHandlerInterceptor<CommandMessage<?>> commandHandling() {
        return (unitOfWork, chain) -> {
            Write write = byMessage.get(unitOfWork.getMessage().getIdentifier());
            if (write != null) write.commandHandledHere(unitOfWork.getMessage().getIdentifier());
            return chain.proceed();
        };
    }

    /** Event bus dispatch (at the prepare-commit of the command's unit of work): the events of a write. */
    MessageDispatchInterceptor<EventMessage<?>> eventDispatch() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
                for (EventMessage<?> event : events) {
                    Write write = writeOf(event);
                    if (write == null) continue;
                    byMessage.put(event.getIdentifier(), write);
                    write.published(event);
                    if (CurrentUnitOfWork.isStarted()) {
                        CurrentUnitOfWork.get().onRollback(u -> write.rolledBack(List.of(event)));
                    }
                }
                return (index, event) -> event;
            }
        };
    }
}
