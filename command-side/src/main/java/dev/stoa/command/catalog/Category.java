package dev.stoa.command.catalog;

import dev.stoa.api.platform.ErrorCode;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.catalog.CategoryCreated;
import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.CreateCategory;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Slugs;
import dev.stoa.command.platform.UniqueKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A node of the category tree. Its slug is unique; its parent must exist when it is created. */
@Aggregate(cache = "aggregateCache")
public class Category {
    @AggregateIdentifier
    private CategoryId categoryId;

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

    @EventSourcingHandler
    void on(CategoryCreated e) { categoryId = e.categoryId(); }
}
