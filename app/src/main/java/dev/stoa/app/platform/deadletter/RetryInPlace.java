package dev.stoa.app.platform.deadletter;

/**
 * Thrown out of event handling so that the processor rolls its batch back and retries it where it is (error state,
 * Axon's back-off), never parking the event: for outages, and for a failure that left the batch's transaction
 * unable to commit (then a dead letter written in it would be lost; see {@link IsolatedHandlers}).
 */
public class RetryInPlace extends RuntimeException {
    public RetryInPlace(String message, Throwable cause) { super(message, cause); }
}
