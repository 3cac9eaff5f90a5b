package dev.stoa.query.catalog;

import dev.stoa.api.catalog.CategoryNode;
import dev.stoa.api.catalog.FindCategoryTree;
import dev.stoa.projection.catalog.CategoryEntity;
import dev.stoa.projection.catalog.CategoryViewRepository;
import java.util.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Assembles the category tree from category_view in one read. */
@Component
public class CategoryQueryHandler {
    private final CategoryViewRepository categories;

    public CategoryQueryHandler(CategoryViewRepository categories) { this.categories = categories; }

    @QueryHandler
    public FindCategoryTree.Result handle(FindCategoryTree query) {
        List<CategoryEntity> all = categories.findAll(Sort.by("sortOrder", "name", "id"));
        Map<String, List<CategoryEntity>> byParent = new HashMap<>();
        for (CategoryEntity c : all) byParent.computeIfAbsent(c.getParentId(), k -> new ArrayList<>()).add(c);
        return new FindCategoryTree.Result(children(null, byParent));
    }

    private static List<CategoryNode> children(String parentId, Map<String, List<CategoryEntity>> byParent) {
        return byParent.getOrDefault(parentId, List.of()).stream()
                .map(c -> new CategoryNode(c.getId(), c.getName(), c.getSlug(), c.getParentId(), c.getDescription(),
                        c.getSortOrder(), children(c.getId(), byParent)))
                .toList();
    }
}
