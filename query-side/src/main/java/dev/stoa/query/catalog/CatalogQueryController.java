package dev.stoa.query.catalog;

import dev.stoa.api.catalog.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.query.platform.ListParams;
import dev.stoa.query.platform.Queries;
import dev.stoa.query.platform.ReadCache;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Catalog")
class CatalogQueryController {
    private final Queries queries;

    CatalogQueryController(Queries queries) { this.queries = queries; }

    @GetMapping("/categories")
    @Operation(operationId = "listCategories", summary = "The category tree")
    List<CategoryNode> categories() {
        return queries.ask(new FindCategoryTree(), FindCategoryTree.Result.class).roots();
    }

    /**
     * One category with its subtree, found in the tree: the address {@code POST /categories} answers in {@code Location}
     * (it was 404, no such route, before 2026-12-06, sixth session; found by a walkthrough).
     */
    @GetMapping("/categories/{categoryId}")
    @Operation(operationId = "getCategory", summary = "One category with its subcategories")
    CategoryNode category(@PathVariable CategoryId categoryId) {
        return find(queries.ask(new FindCategoryTree(), FindCategoryTree.Result.class).roots(), categoryId.value())
                .orElseThrow(() -> DomainException.notFound("category " + categoryId));
    }

    private static Optional<CategoryNode> find(List<CategoryNode> nodes, String id) {
        for (CategoryNode node : nodes) {
            if (node.id().equals(id)) return Optional.of(node);
            Optional<CategoryNode> below = node.children() == null ? Optional.empty() : find(node.children(), id);
            if (below.isPresent()) return below;
        }
        return Optional.empty();
    }

    @GetMapping("/products")
    @Operation(operationId = "listProducts", summary = "Listed products, filtered, sorted (price, -price, rating, newest) and paged")
    FindProducts.Result products(@RequestParam(required = false) CategoryId categoryId,
                                 @RequestParam(required = false) @Min(0) Long minPrice,
                                 @RequestParam(required = false) @Min(0) Long maxPrice,
                                 @Parameter(description = ListParams.MIN_RATING_FILTER) @RequestParam(required = false) @DecimalMin("0") @DecimalMax("5") Double minRating,
                                 @RequestParam(required = false) @Size(max = 100) String brand,
                                 @RequestParam(required = false) dev.stoa.api.identity.UserId vendorId,
                                 @RequestParam(required = false) @Size(max = 200) String q,
                                 @Parameter(description = ListParams.CURRENCY_FILTER) @RequestParam(required = false) String currency,
                                 @RequestParam(required = false) String sort,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                 @RequestParam(defaultValue = "0") @Min(0) int offset) {
        ListParams.priceRange(minPrice, maxPrice);
        return queries.askCached(ReadCache.Region.CATALOG, new FindProducts(categoryId == null ? null : categoryId.value(), minPrice, maxPrice, ListParams.minRating(minRating),
                brand, vendorId == null ? null : vendorId.value(), q, ListParams.currency(currency), ListParams.sort(sort),
                limit, offset),
                page -> ReadCache.About.choiceOf(page.items().stream().map(ProductView::id).toList()),
                FindProducts.Result.class);
    }

    /**
     * The caller's own products, unlisted ones too (the public list shows listed ones only, so a vendor could find an
     * unlisted product of theirs only by its id, until 2026-12-06, ninth session).
     */
    @GetMapping("/vendors/me/products")
    @Operation(operationId = "listMyVendorProducts", summary = "The products the caller sells, listed and unlisted "
            + "(status=listed or unlisted: one of them), sorted as the product list (price, -price, rating, newest) "
            + "and paged (vendor, admin)")
    FindProducts.Result vendorProducts(Actor actor,
                                       @Parameter(schema = @Schema(allowableValues = {"listed", "unlisted"}))
                                       @RequestParam(required = false) String status,
                                       @RequestParam(required = false) String sort,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                       @RequestParam(defaultValue = "0") @Min(0) int offset) {
        Boolean listed = switch (status == null ? "" : status) {
            case "" -> null;
            case "listed" -> true;
            case "unlisted" -> false;
            default -> throw DomainException.badInput("status must be one of listed, unlisted");
        };
        return queries.ask(new FindVendorProducts(actor.userId(), listed, ListParams.sort(sort), limit, offset),
                FindProducts.Result.class);
    }

    @GetMapping("/products/{productId}")
    @Operation(operationId = "getProduct", summary = "One product with its rating and available stock")
    ProductView product(@PathVariable ProductId productId) {
        ProductView view = queries.askCached(ReadCache.Region.CATALOG, new FindProductById(productId),
                found -> ReadCache.About.item(productId.value()), ProductView.class);
        if (view == null) throw DomainException.notFound("product " + productId);
        return view;
    }
}
