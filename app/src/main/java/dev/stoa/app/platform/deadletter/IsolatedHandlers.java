package dev.stoa.app.platform.deadletter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Makes each event handler's failure its own, so that it can be parked. Wraps every {@code @EventHandler} of a
 * processing group:
 * <ul>
 * <li>its writes are flushed when it returns, so a row the database refuses fails this event, not the batch's
 * commit, where no single event can be blamed and the processor would retry the batch forever;</li>
 * <li>Axon parks a failed event in the batch's transaction, with the batch's token. When the failure left that
 * transaction unable to commit ({@link HandlerTransaction#canCommit}), the letter would be rolled back with the
 * batch and the same batch would fail forever. So then: remember the failure, roll the batch back
 * ({@link RetryInPlace}) and, when the batch comes again, hand the remembered failure to Axon instead of calling
 * the handler: the event is parked in a healthy transaction, in order, with the rest of the batch.</li>
 * </ul>
 * Retries of parked letters are not remembered here: {@link DeferringDeadLetterQueue} records their outcome.
 */
public class IsolatedHandlers implements HandlerEnhancerDefinition {
    private static final int MAX_REMEMBERED = 10_000;
    private final ObjectProvider<HandlerTransaction> transaction;
    /** handler class + event id → the failure to replay; per process (another process learns it by failing once). */
    private final Map<String, Exception> parkOnNextAttempt = new ConcurrentHashMap<>();

    public IsolatedHandlers(ObjectProvider<HandlerTransaction> transaction) { this.transaction = transaction; }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean processorHandler = original.canHandleMessageType(EventMessage.class)
                && original.declaringClass().isAnnotationPresent(ProcessingGroup.class)
                && !original.hasAnnotation(EventSourcingHandler.class);
        return processorHandler ? new Isolated<>(original) : original;
    }

    private final class Isolated<T> extends WrappedMessageHandlingMember<T> {
        private final String handlerClass;

        Isolated(MessageHandlingMember<T> delegate) {
            super(delegate);
            this.handlerClass = delegate.declaringClass().getName();
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            String key = handlerClass + "/" + message.getIdentifier();
            Exception remembered = parkOnNextAttempt.remove(key);
            if (remembered != null) throw remembered;
            HandlerTransaction tx = transaction.getObject();
            try {
                Object result = super.handle(message, target);
                tx.flush();
                return result;
            } catch (Exception e) {
                if (retryingDeadLetter() || Outages.isOutage(e) || tx.canCommit()) throw e;
                if (parkOnNextAttempt.size() >= MAX_REMEMBERED) parkOnNextAttempt.clear(); // a storm: relearn
                parkOnNextAttempt.put(key, e);
                throw new RetryInPlace("the failure of " + message.getPayloadType().getSimpleName() + " "
                        + message.getIdentifier() + " doomed the batch's transaction; it is parked when the batch is retried", e);
            }
        }
    }

    /** Axon's retry task puts the letter among its unit of work's resources. */
    private static boolean retryingDeadLetter() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }
}
