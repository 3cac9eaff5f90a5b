package dev.stoa.api.identity;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.List;

/** An account's lifecycle, oldest first, for its owner's GDPR export: what staff did to it, and why when they said. */
public record FindAccountHistory(UserId userId) {
    public record Result(List<Change> changes) {}

    /**
     * {@code change}: {@code suspended} (with the {@code reason} the admin gave), {@code reinstated} or
     * {@code deactivated}.
     */
    public record Change(Instant at, String change, @MayBeNull String reason) {}
}
