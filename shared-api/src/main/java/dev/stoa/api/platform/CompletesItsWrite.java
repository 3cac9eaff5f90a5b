package dev.stoa.api.platform;

/**
 * A command whose events the client of a write expects its next read to show. Either one that the request making the
 * write sends itself and that a processor also sends, as a safety net, when
 * it meets an event of that write (in case the process died in between). The command is idempotent: whichever
 * copy is handled first does the work, the other changes nothing. When the processor's copy is first, its events
 * are what the client wrote, so read-your-writes counts them as the write's own: the copy sent about an event of a
 * write still in progress joins that write. The request's own copy, handled after it, guarantees that those
 * events are published before the write is answered.
 * <p>
 * Or a consequence a processor of the write's own process sends while it handles one of the write's events (a review
 * withdrawn when the order it stood for is cancelled): the write waits for that processor, so the command's events are
 * there by the time it is answered, and it waits for their read models too (ProjectionGate).
 */
public interface CompletesItsWrite {}
