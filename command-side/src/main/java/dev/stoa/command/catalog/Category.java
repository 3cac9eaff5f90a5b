package dev.stoa.command.catalog;

import dev.stoa.api.platform.ErrorCode;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.catalog.CategoryCreated;
import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.CategoryUpdated;
import dev.stoa.api.catalog.CreateCategory;
import dev.stoa.api.catalog.UpdateCategory;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Slugs;
import dev.stoa.command.platform.UniqueKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A node of the category tree. Its slug is unique; its parent must exist when it is created, and stays its parent. */
@Aggregate(cache = "aggregateCache")
public class Category {
    @AggregateIdentifier
    private CategoryId categoryId;
    private String name;
    private String slug;
    private CategoryId parentId;
    private String description;
    private int sortOrder;

    protected Category() {}

    @CommandHandler
    public Category(CreateCategory cmd, UniqueKeys keys) {
        if (cmd.name() == null || cmd.name().isBlank()) throw DomainException.badInput("name is required");
        if (!Slugs.isSlug(cmd.slug())) throw DomainException.badInput("slug " + Slugs.MESSAGE);
        String id = cmd.categoryId().value();
        if (cmd.parentId() != null && !keys.exists(CategoryRules.CATEGORY_ID, cmd.parentId().value()))
            throw new DomainException(ErrorCode.UNKNOWN_CATEGORY, "parent category " + cmd.parentId() + " does not exist");
        if (!keys.claim(CategoryRules.SLUG, cmd.slug(), id))
            throw new DomainException(ErrorCode.DUPLICATE_SLUG, "category slug " + cmd.slug() + " is already in use");
        keys.claim(CategoryRules.CATEGORY_ID, id, id);
        apply(new CategoryCreated(cmd.categoryId(), cmd.name().trim(), cmd.slug(), cmd.parentId(),
                cmd.description(), cmd.sortOrder()));
    }

    /**
     * A category's name, slug, description and order change (before 2026-12-07 nothing about a category could: a typo
     * in a name stayed for good; walkthrough Z45). It keeps its place in the tree: the subtrees that filters, facets and
     * kept answers read only ever grow, and a move would change which items each covers.
     */
    @CommandHandler
    void handle(UpdateCategory cmd, UniqueKeys keys) {
        if (cmd.name() == null || cmd.name().isBlank()) throw DomainException.badInput("name is required");
        if (!Slugs.isSlug(cmd.slug())) throw DomainException.badInput("slug " + Slugs.MESSAGE);
        if (cmd.parentId() != null && !cmd.parentId().equals(parentId))
            throw DomainException.invalidField("parentId", "parentId must be the category's own ("
                    + (parentId == null ? "none: it is a top category" : parentId.value()) + "): a category keeps its place in the tree",
                    "is not this category's parent: a category does not move");
        String id = categoryId.value();
        if (!cmd.slug().equals(slug)) {
            if (!keys.claim(CategoryRules.SLUG, cmd.slug(), id))
                throw new DomainException(ErrorCode.DUPLICATE_SLUG, "category slug " + cmd.slug() + " is already in use");
            keys.release(CategoryRules.SLUG, slug, id);
        }
        String newName = cmd.name().trim();
        // what a rename leaves out stays: the admin renaming "Books" cleared its description and order (walkthrough Z47)
        String newDescription = cmd.description() == null ? description : cmd.description();
        int newOrder = cmd.sortOrder() == null ? sortOrder : cmd.sortOrder();
        if (newName.equals(name) && cmd.slug().equals(slug) && java.util.Objects.equals(newDescription, description)
                && newOrder == sortOrder) return; // nothing changes
        apply(new CategoryUpdated(categoryId, newName, cmd.slug(), newDescription, newOrder));
    }

    @EventSourcingHandler
    void on(CategoryCreated e) {
        categoryId = e.categoryId();
        name = e.name();
        slug = e.slug();
        parentId = e.parentId();
        description = e.description();
        sortOrder = e.sortOrder();
    }

    @EventSourcingHandler
    void on(CategoryUpdated e) {
        name = e.name();
        slug = e.slug();
        description = e.description();
        sortOrder = e.sortOrder();
    }
}
