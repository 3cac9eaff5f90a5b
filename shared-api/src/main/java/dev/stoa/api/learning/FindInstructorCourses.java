package dev.stoa.api.learning;

import dev.stoa.api.catalog.ProductSort;

/**
 * One instructor's own courses in every state ({@code status}: draft, published or archived; null all), sorted
 * (price, -price, rating, newest: by creation, a draft has no publication) and paged; answered as a
 * {@link FindCourses.Result}.
 */
public record FindInstructorCourses(String instructorId, String status, ProductSort sort, int limit, int offset) {}
