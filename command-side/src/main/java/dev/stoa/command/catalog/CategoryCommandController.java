package dev.stoa.command.catalog;

import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.CreateCategory;
import dev.stoa.api.catalog.UpdateCategory;
import dev.stoa.api.platform.Ids;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.stoa.api.platform.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1/categories")
@Tag(name = "Catalog")
class CategoryCommandController {
    private final Commands commands;

    CategoryCommandController(Commands commands) { this.commands = commands; }

    record CategoryRequest(@NotBlank @Size(max = 100) String name,
                           @NotBlank @Size(max = 120) @Pattern(regexp = Slugs.REGEX, message = Slugs.MESSAGE) String slug,
                           @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a UUID") String parentId,
                           @Size(max = 2000) @dev.stoa.command.platform.web.VisibleWhenGiven String description,
                           @Min(-1_000_000) @Max(1_000_000) Integer sortOrder) {}

    /** The new category. */
    record CreatedCategory(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String categoryId) {}

    @PostMapping
    @Operation(operationId = "createCategory", summary = "Create a category, optionally under a parent (admin)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedCategory> create(@Valid @RequestBody CategoryRequest body) {
        CategoryId id = CategoryId.random();
        commands.send(new CreateCategory(id, body.name(), body.slug(),
                body.parentId() == null ? null : new CategoryId(body.parentId()), body.description(),
                body.sortOrder() == null ? 0 : body.sortOrder()));
        return ResponseEntity.created(URI.create("/api/v1/categories/" + id)).body(new CreatedCategory(id.value()));
    }

    /**
     * Its name and slug; {@code parentId}, {@code description}, {@code sortOrder} left out keep the category's (a
     * {@code parentId} given must be its own: a category does not move).
     */
    @PutMapping("/{categoryId}")
    @Operation(operationId = "updateCategory", summary = "Rename a category, change its slug, description or order (admin; it keeps its parent)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> update(@PathVariable CategoryId categoryId, @Valid @RequestBody CategoryRequest body) {
        commands.send(new UpdateCategory(categoryId, body.name(), body.slug(),
                body.parentId() == null ? null : new CategoryId(body.parentId()), body.description(), body.sortOrder()));
        return ResponseEntity.noContent().build();
    }
}
