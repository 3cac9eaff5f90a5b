package dev.stoa.query.platform;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** A Pageable by offset and limit, as API.md lists page (Spring's PageRequest pages by page number). */
public record OffsetPage(long offset, int limit, Sort sort) implements Pageable {
    @Override public int getPageNumber() { return (int) (offset / limit); }
    @Override public int getPageSize() { return limit; }
    @Override public long getOffset() { return offset; }
    @Override public Sort getSort() { return sort; }
    @Override public Pageable next() { return new OffsetPage(offset + limit, limit, sort); }
    @Override public Pageable previousOrFirst() { return hasPrevious() ? new OffsetPage(Math.max(0, offset - limit), limit, sort) : first(); }
    @Override public Pageable first() { return new OffsetPage(0, limit, sort); }
    @Override public Pageable withPage(int page) { return new OffsetPage((long) page * limit, limit, sort); }
    @Override public boolean hasPrevious() { return offset > 0; }
}
