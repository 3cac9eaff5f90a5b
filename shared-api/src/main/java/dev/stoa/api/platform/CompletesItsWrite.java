package dev.stoa.api.platform;

/**
 * A command that the request making a write sends itself and that a processor also sends, as a safety net, when
 * it meets an event of that write (in case the process died in between). The command is idempotent: whichever
 * copy is handled first does the work, the other changes nothing. When the processor's copy is first, its events
 * are what the client wrote, so read-your-writes counts them as the write's own: the copy sent about an event of a
 * write still in progress joins that write. The request's own copy, handled after it, guarantees that those
 * events are published before the write is answered.
 */
public interface CompletesItsWrite {}
