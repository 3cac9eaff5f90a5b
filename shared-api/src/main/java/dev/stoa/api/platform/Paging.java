package dev.stoa.api.platform;

/** The list paging rules of API.md: {@code limit} 1..100 (default 20), {@code offset} >= 0. */
public final class Paging {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Paging() {}
}
