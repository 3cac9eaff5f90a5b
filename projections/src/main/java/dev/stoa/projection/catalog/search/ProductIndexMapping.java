package dev.stoa.projection.catalog.search;

/**
 * Settings and mapping of the products index. Only what the embedded node has: the standard analyzer (no
 * analysis-common module, so no edge n-grams or stemming) and the completion field for autocomplete.
 */
final class ProductIndexMapping {
    private ProductIndexMapping() {}

    /**
     * {@code searchText} gathers name, brand and description (copy_to) so that a query may find its words in
     * different fields and still require most of them; per-field matches then add relevance. {@code dynamic: strict}
     * turns a field this class does not know into a loud error instead of a silently guessed mapping.
     * {@code auto_expand_replicas 0-1}: green on one node, one replica where there is a second node.
     * {@code nameFolded} and {@code brandFolded} (since 2026-12-07) hold name and brand without accents, which the
     * search scores names and brands on. {@code _meta.documents} is the version of what the documents hold: raised
     * when a new field needs every document written again, so that a start on an index of an older version adds the
     * new fields to its mapping and rebuilds it ({@link VersionedIndex}); 2 since those two fields.
     */
    static final String JSON = """
            {
              "settings": {
                "number_of_shards": 1,
                "auto_expand_replicas": "0-1"
              },
              "mappings": {
                "dynamic": "strict",
                "_meta": { "documents": 2 },
                "properties": {
                  "type":        { "type": "keyword" },
                  "id":          { "type": "keyword" },
                  "sku":         { "type": "keyword" },
                  "slug":        { "type": "keyword" },
                  "name":        { "type": "text", "analyzer": "standard", "copy_to": "searchText",
                                   "fields": { "keyword": { "type": "keyword", "ignore_above": 256 } } },
                  "description": { "type": "text", "analyzer": "standard", "copy_to": "searchText" },
                  "brand":       { "type": "keyword", "copy_to": "searchText",
                                   "fields": { "text": { "type": "text", "analyzer": "standard" } } },
                  "searchText":  { "type": "text", "analyzer": "standard" },
                  "nameFolded":  { "type": "text", "analyzer": "standard" },
                  "brandFolded": { "type": "text", "analyzer": "standard" },
                  "categoryId":  { "type": "keyword" },
                  "vendorId":    { "type": "keyword" },
                  "priceCents":  { "type": "long" },
                  "currency":    { "type": "keyword" },
                  "rating":      { "type": "double" },
                  "ratingCount": { "type": "long" },
                  "inStock":     { "type": "boolean" },
                  "active":      { "type": "boolean" },
                  "createdAt":   { "type": "date" },
                  "suggest":     { "type": "completion", "analyzer": "standard", "max_input_length": 100 }
                }
              }
            }
            """;
}
