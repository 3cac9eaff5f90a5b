package dev.stoa.app.platform.replay;

import java.util.Optional;

/**
 * Rebuilds a read model from the event log beside the live one, which keeps serving until the new one has caught up
 * and is switched in at once. One implementation per kind of store (PostgreSQL tables, Elasticsearch indices);
 * {@code GET/POST /api/v1/admin/projections} finds the one that {@link #rebuilds} a processor.
 */
public interface ReadModelRebuilder {
    /** Whether this rebuilder can rebuild the read model of this processor (processing group name). */
    boolean rebuilds(String processor);

    /**
     * Starts a rebuild and returns at once with its first progress.
     *
     * @throws dev.stoa.api.platform.DomainException with a conflict code when a rebuild of it is already running
     */
    RebuildProgress start(String processor);

    /** The running rebuild of this processor, or the last one this process ran. */
    Optional<RebuildProgress> progress(String processor);
}
