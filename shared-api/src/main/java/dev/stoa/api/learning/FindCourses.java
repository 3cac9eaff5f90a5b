package dev.stoa.api.learning;

import dev.stoa.api.catalog.ProductSort;
import java.util.List;

/**
 * Published courses matching every given filter; null filters are ignored. Prices in cents. {@code sort}: price,
 * -price, rating, newest (default).
 */
public record FindCourses(String categoryId, Long minPrice, Long maxPrice, Double minRating, String instructorId,
                          String q, String currency, ProductSort sort, int limit, int offset) {
    /** One page, in the API.md list shape. */
    public record Result(List<CourseView> items, long total, int limit, int offset) {}
}
