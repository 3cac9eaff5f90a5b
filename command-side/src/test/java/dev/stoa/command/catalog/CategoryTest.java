package dev.stoa.command.catalog;

import static dev.stoa.command.catalog.ProductTest.domainError;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.stoa.api.catalog.CategoryCreated;
import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.catalog.CategoryUpdated;
import dev.stoa.api.catalog.CreateCategory;
import dev.stoa.api.catalog.UpdateCategory;
import dev.stoa.api.platform.ErrorKind;
import dev.stoa.command.platform.UniqueKeys;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Category aggregate: a unique slug, a parent that exists, and its id registered for later checks. */
class CategoryTest {
    // the names under which keys live in the unique_key table: persisted data, so spelled out here on purpose
    private static final String SLUG_KEY = "category-slug";
    private static final String ID_KEY = "category-id";

    private final CategoryId categoryId = CategoryId.random();
    private final String id = categoryId.value();
    private final CategoryId parentId = CategoryId.random();

    private FixtureConfiguration<Category> fixture;
    private UniqueKeys keys;

    @BeforeEach
    void setUp() {
        keys = mock(UniqueKeys.class);
        when(keys.claim(anyString(), anyString(), anyString())).thenReturn(true);
        when(keys.exists(ID_KEY, parentId.value())).thenReturn(true);
        fixture = new AggregateTestFixture<>(Category.class);
        fixture.registerInjectableResource(keys);
    }

    @Test
    void givenNothing_whenCreateRootCategory_thenCategoryCreatedAndSlugAndIdClaimed() {
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(categoryId, " Kitchen ", "kitchen", null, "Pots and pans", 3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CategoryCreated(categoryId, "Kitchen", "kitchen", null, "Pots and pans", 3));
        verify(keys).claim(SLUG_KEY, "kitchen", id);
        verify(keys).claim(ID_KEY, id, id);
        verify(keys, never()).exists(anyString(), anyString());
    }

    @Test
    void givenParentExists_whenCreateChildCategory_thenCategoryCreatedUnderParent() {
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(categoryId, "Mugs", "mugs", parentId, null, 0))
                .expectEvents(new CategoryCreated(categoryId, "Mugs", "mugs", parentId, null, 0));
        verify(keys).exists(ID_KEY, parentId.value());
        verify(keys).claim(SLUG_KEY, "mugs", id);
        verify(keys).claim(ID_KEY, id, id);
    }

    @Test
    void givenSlugTaken_whenCreate_thenDuplicateSlug() {
        when(keys.claim(SLUG_KEY, "kitchen", id)).thenReturn(false);
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(categoryId, "Kitchen", "kitchen", null, null, 0))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.CONFLICT, "duplicate_slug"));
        verify(keys, never()).claim(ID_KEY, id, id);
    }

    @Test
    void givenNothing_whenCreateUnderUnknownParent_thenUnknownCategory() {
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(categoryId, "Mugs", "mugs", CategoryId.random(), null, 0))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "unknown_category"));
        verify(keys, never()).claim(anyString(), anyString(), anyString());
    }

    @Test
    void givenNothing_whenCreateWithBadSlug_thenValidationFailed() {
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(categoryId, "Kitchen", "Kitchen Stuff", null, null, 0))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
        verify(keys, never()).claim(anyString(), anyString(), anyString());
    }

    @Test
    void givenNothing_whenCreateWithoutSlug_thenValidationFailed() {
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(categoryId, "Kitchen", null, null, null, 0))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    @Test
    void givenNothing_whenCreateWithBlankName_thenValidationFailed() {
        fixture.givenNoPriorActivity()
                .when(new CreateCategory(categoryId, "  ", "kitchen", null, null, 0))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
        verify(keys, never()).claim(anyString(), anyString(), anyString());
    }
    /** A rename moves the slug's claim; another parent, a slug taken and nothing changed are as they say. */
    @Test
    void givenCategory_whenUpdated_thenRenamedAndTheSlugsClaimMoves_butItDoesNotMove() {
        CategoryCreated mugs = new CategoryCreated(categoryId, "Mugs", "mugs", parentId, null, 0);
        fixture.given(mugs)
                .when(new UpdateCategory(categoryId, " Cups ", "cups", parentId, "Cups and mugs", 2))
                .expectEvents(new CategoryUpdated(categoryId, "Cups", "cups", "Cups and mugs", 2));
        verify(keys).claim(SLUG_KEY, "cups", id);
        verify(keys).release(SLUG_KEY, "mugs", id);
        fixture.given(mugs)
                .when(new UpdateCategory(categoryId, "Mugs", "mugs", parentId, null, 0))
                .expectNoEvents();
        fixture.given(mugs)
                .when(new UpdateCategory(categoryId, "Mugs", "mugs", CategoryId.random(), null, 0))
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
        // what is left out stays
        fixture.given(new CategoryCreated(categoryId, "Books", "books", null, "Printed books", 5))
                .when(new UpdateCategory(categoryId, "Bookz", "books", null, null, null))
                .expectEvents(new CategoryUpdated(categoryId, "Bookz", "books", "Printed books", 5));
        when(keys.claim(SLUG_KEY, "taken", id)).thenReturn(false);
        fixture.given(mugs)
                .when(new UpdateCategory(categoryId, "Mugs", "taken", parentId, null, 0))
                .expectException(domainError(ErrorKind.CONFLICT, "duplicate_slug"));
    }
}
