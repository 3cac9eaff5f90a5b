package dev.stoa.projection.learning.search;

import dev.stoa.api.review.RatingSummary;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stoa.api.learning.CourseCreated;
import dev.stoa.api.learning.CourseUpdated;
import java.time.Instant;
import dev.stoa.projection.catalog.search.CompletionInput;
import dev.stoa.projection.catalog.search.Folding;
import java.util.List;

/**
 * One course as the courses index stores it. Its fields read like a product document's where they mean the same
 * ({@code type, id, name, description, categoryId, priceCents, currency, rating, inStock, active, createdAt,
 * suggest}), so one search over both indices filters, sorts and facets them alike; {@code name} is the title.
 * {@code active}: published and not archived, the only courses a search returns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = {"searchText", "nameFolded"}, allowGetters = true, ignoreUnknown = true)
public record CourseDocument(String type, String id, String name, String description, String categoryId,
                             String instructorId, long priceCents, String currency, Double rating, long ratingCount,
                             boolean inStock, boolean active, boolean archived, String createdAt, Suggest suggest) {
    public static final String TYPE = "course";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggest(List<String> input) {}

    /** The folded forms of the title's and description's accented words, as a product document's (Folding). */
    @JsonProperty("searchText")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String searchText() { return Folding.foldedWords(name, description); }

    /** The title folded, which the search scores its words against, as a product document's name (Folding). */
    @JsonProperty("nameFolded")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String nameFolded() { return Folding.folded(name); }

    static CourseDocument created(CourseCreated e, Instant at) {
        return new CourseDocument(TYPE, e.courseId().value(), e.title(), e.description(), idOrNull(e.categoryId()),
                e.instructorId().value(), e.priceCents(), e.currency(), null, 0, true, false, false, at.toString(), null);
    }

    CourseDocument updated(CourseUpdated e) {
        return new CourseDocument(type, id, e.title(), e.description(), idOrNull(e.categoryId()), instructorId,
                e.priceCents(), e.currency(), rating, ratingCount, inStock, active, archived, createdAt,
                suggestFor(active, e.title()));
    }

    CourseDocument published() {
        return new CourseDocument(type, id, name, description, categoryId, instructorId, priceCents, currency, rating,
                ratingCount, inStock, !archived, archived, createdAt, suggestFor(!archived, name));
    }

    CourseDocument archivedNow() {
        return new CourseDocument(type, id, name, description, categoryId, instructorId, priceCents, currency, rating,
                ratingCount, inStock, false, true, createdAt, null);
    }

    /** The course's rating after a review event (average to two decimals, null without reviews). */
    CourseDocument rated(RatingSummary summary) {
        return new CourseDocument(type, id, name, description, categoryId, instructorId, priceCents, currency,
                summary.average(), summary.count(), inStock, active, archived, createdAt, suggest);
    }

    /** Only searchable courses get suggest inputs: the title from each of its first words on. */
    private static Suggest suggestFor(boolean active, String title) {
        if (!active || title == null || title.isBlank()) return null;
        return new Suggest(CompletionInput.fromEachWord(CompletionInput.storable(title))
                .flatMap(CompletionInput::withFolded).distinct().toList());
    }

    private static String idOrNull(Object id) { return id == null ? null : id.toString(); }
}
