package dev.stoa.projection.learning.search;

/**
 * Settings and mapping of the courses index: the products index's fields where they mean the same (so searches over
 * both read alike; {@code brand}, {@code brandFolded} and {@code slug} are mapped though courses have none), plus the
 * instructor. {@code _meta.documents} as the products index's ({@code ProductIndexMapping}).
 */
final class CourseIndexMapping {
    private CourseIndexMapping() {}

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
                  "type":         { "type": "keyword" },
                  "id":           { "type": "keyword" },
                  "slug":         { "type": "keyword" },
                  "name":         { "type": "text", "analyzer": "standard", "copy_to": "searchText",
                                    "fields": { "keyword": { "type": "keyword", "ignore_above": 256 } } },
                  "description":  { "type": "text", "analyzer": "standard", "copy_to": "searchText" },
                  "brand":        { "type": "keyword", "fields": { "text": { "type": "text", "analyzer": "standard" } } },
                  "searchText":   { "type": "text", "analyzer": "standard" },
                  "nameFolded":   { "type": "text", "analyzer": "standard" },
                  "brandFolded":  { "type": "text", "analyzer": "standard" },
                  "categoryId":   { "type": "keyword" },
                  "instructorId": { "type": "keyword" },
                  "priceCents":   { "type": "long" },
                  "currency":     { "type": "keyword" },
                  "rating":       { "type": "double" },
                  "ratingCount":  { "type": "long" },
                  "inStock":      { "type": "boolean" },
                  "active":       { "type": "boolean" },
                  "archived":     { "type": "boolean" },
                  "createdAt":    { "type": "date" },
                  "suggest":      { "type": "completion", "analyzer": "standard", "max_input_length": 100 }
                }
              }
            }
            """;
}
