package dev.stoa.projection.catalog;

import dev.stoa.api.catalog.CategoryCreated;
import dev.stoa.api.catalog.CategoryUpdated;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@code category_view}. Its token is stored in the same transaction as its rows. */
@Component
@ProcessingGroup(CategoryProjection.NAME)
public class CategoryProjection {
    public static final String NAME = "category-read-model";
    private final CategoryViewRepository categories;

    public CategoryProjection(CategoryViewRepository categories) { this.categories = categories; }

    @EventHandler
    void on(CategoryCreated e, @Timestamp Instant at) {
        categories.save(new CategoryEntity(e.categoryId().value(), e.name(), e.slug(),
                e.parentId() == null ? null : e.parentId().value(), e.description(), e.sortOrder(), at));
    }

    @EventHandler
    void on(CategoryUpdated e) {
        categories.getReferenceById(e.categoryId().value()).updated(e.name(), e.slug(), e.description(), e.sortOrder());
    }

    @ResetHandler
    void reset() { categories.deleteAllInBatch(); }
}
