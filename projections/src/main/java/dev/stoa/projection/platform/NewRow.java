package dev.stoa.projection.platform;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A read-model row that a projection creates from an event that creates it once (a product's creation, an order's
 * placement): it says it is new until it is stored or loaded, so that a repository's {@code save} inserts it
 * ({@code persist}) instead of merging it, which would first select a row that cannot exist. The events are handled
 * once: a processor commits the rows with its token in one transaction, and a rebuild starts from empty tables. A row
 * that did exist fails the insert (the primary key), which fails the event rather than overwriting the row.
 */
@MappedSuperclass
public abstract class NewRow<ID> implements Persistable<ID> {
    @Transient
    private boolean fresh = true;

    @Override
    public boolean isNew() { return fresh; }

    @PostLoad
    @PostPersist
    void stored() { fresh = false; }
}
