package dev.stoa.api.catalog;

/** Autocomplete: names of listed products (and later courses) starting with {@code prefix}, typos allowed. */
public record SuggestCatalog(String prefix, int limit) {
    /** The answer. */
    public record Result(java.util.List<Suggestion> suggestions) {}

    /** One completion. */
    public record Suggestion(String text, String type, String id) {}
}
