package dev.stoa.api.platform;

import org.axonframework.serialization.Revision;

/**
 * An admin started the rebuild of a read model from the event log ({@code POST /api/v1/admin/projections/{name}/replay}):
 * the audit trail says who rebuilt what and when (before 2026-12-07 evening a rebuild left no trace but a log line;
 * walkthrough Z28). Belongs to no aggregate; the metadata says who started it.
 *
 * @param processor      the event processor (processing group) whose read model is rebuilt
 * @param targetPosition the head of the event log when the rebuild started: the rebuild replays up to it, then follows
 *                       the live log until it switches in
 */
@Revision("1")
public record ProjectionRebuildStarted(String processor, long targetPosition) {}
