package dev.stoa.query.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The filters and order of a list endpoint as JPQL: a query string with named parameters, so that Hibernate
 * translates each shape of query once (its query plan cache holds strings; a JPA criteria query is built and
 * translated again on every call, about 40 % of a list answer's cost). The values never enter the string.
 *
 * <p>Build it with {@link #where(String)}, add the filters the client gave, then {@link #page} and {@link #total}.
 */
public final class JpqlList {
    private final StringJoiner where = new StringJoiner(" and ");
    private final Map<String, Object> params = new LinkedHashMap<>();

    private JpqlList(String always) {
        where.add(always);
    }

    /** A list whose rows always meet {@code always} (a condition without parameters). */
    public static JpqlList where(String always) {
        return new JpqlList(always);
    }

    /** A list whose rows always meet {@code condition}, which names the parameter {@code :name} (never null). */
    public static JpqlList where(String condition, String name, Object value) {
        JpqlList list = new JpqlList(condition);
        list.params.put(name, java.util.Objects.requireNonNull(value, name));
        return list;
    }

    /** Adds {@code condition}, which names the parameter {@code :name}, when the client gave a value. */
    public JpqlList and(String condition, String name, Object value) {
        if (value == null) return this;
        where.add(condition);
        params.put(name, value);
        return this;
    }

    /**
     * Adds "one of {@code fields} contains {@code text}", without regard to case or accents ({@link FoldingFunctions}:
     * "oeuvre creme" finds "Œuvre Crème"; before 2026-12-07 the accents counted, unlike search's), with {@code %} and
     * {@code _} taken as characters, when the client gave a text that is not blank. Each field is a JPQL path such as
     * {@code p.name}.
     */
    public JpqlList containing(String name, String text, String... fields) {
        if (text == null || text.isBlank()) return this;
        StringJoiner any = new StringJoiner(" or ", "(", ")");
        for (String field : fields)
            any.add("lower(unaccent(" + field + ")) like lower(unaccent(:" + name + ")) escape '\\'");
        return and(any.toString(), name, "%" + text.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    /** The condition, for a query of the caller's own shape. */
    public String condition() {
        return where.toString();
    }

    /** The page {@code select … from … where <condition> order by orderBy}, from offset, at most limit rows. */
    public <T> List<T> page(EntityManager em, String selectFrom, String orderBy, Class<T> type, long offset,
                            int limit) {
        TypedQuery<T> query = em.createQuery(selectFrom + " where " + condition() + " order by " + orderBy, type);
        params.forEach(query::setParameter);
        return query.setFirstResult(Math.toIntExact(offset)).setMaxResults(limit).getResultList();
    }

    /**
     * How many rows the whole list has, counted by {@code select count(x) from …} only when the page does not tell
     * it (as Spring Data's pages: a page that is neither empty nor full, or a first page that is not full, ends the
     * list).
     */
    public long total(EntityManager em, String countFrom, long offset, int limit, int found) {
        if (found > 0 && found < limit || offset == 0 && found < limit) return offset + found;
        TypedQuery<Long> count = em.createQuery(countFrom + " where " + condition(), Long.class);
        params.forEach(count::setParameter);
        return count.getSingleResult();
    }
}
