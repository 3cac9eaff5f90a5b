package dev.stoa.projection.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one category; the tree is assembled from parent ids at query time. */
@Entity
@Table(name = "category_view")
public class CategoryEntity {
    @Id
    private String id;
    private String name;
    private String slug;
    @Column(name = "parent_id")
    private String parentId;
    private String description;
    @Column(name = "sort_order")
    private int sortOrder;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CategoryEntity() {}

    public CategoryEntity(String id, String name, String slug, String parentId, String description, int sortOrder,
                          Instant createdAt) {
        this.id = id;
        this.name = name;
        this.slug = slug;
        this.parentId = parentId;
        this.description = description;
        this.sortOrder = sortOrder;
        this.createdAt = createdAt;
    }

    public void updated(String name, String slug, String description, int sortOrder) {
        this.name = name;
        this.slug = slug;
        this.description = description;
        this.sortOrder = sortOrder;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getSlug() { return slug; }
    public String getParentId() { return parentId; }
    public String getDescription() { return description; }
    public int getSortOrder() { return sortOrder; }
    public Instant getCreatedAt() { return createdAt; }
}
