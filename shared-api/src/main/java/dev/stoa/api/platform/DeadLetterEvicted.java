package dev.stoa.api.platform;

import org.axonframework.serialization.Revision;

/**
 * An admin evicted a parked event from an event processor's dead-letter queue: that processor skips the event for
 * good (a replay of the processor delivers it again). Belongs to no aggregate; the metadata says who evicted it.
 *
 * @param processor    the event processor (processing group) the event was parked in
 * @param deadLetterId the id of the evicted dead letter
 * @param eventId      the identifier of the skipped event
 * @param eventType    the skipped event's payload type
 * @param cause        why it was parked ({@code type: message}), or null if it only waited behind an earlier event
 */
@Revision("1")
public record DeadLetterEvicted(String processor, String deadLetterId, String eventId, String eventType, String cause) {}
