package dev.stoa.app.audit;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.serialization.Revision;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event types an auditor may filter by: the platform's events (every record of the contract, {@code dev.stoa.api},
 * that carries {@code @Revision}, found on the class path once, not a list kept by hand) and any other type the log
 * holds (an event stored by an older version or another writer keeps its name there). Before 2026-12-06 (ninth
 * session) a misspelled type, {@code OrderPlacd}, was answered as an empty log, as if no order was ever placed.
 */
@Component
class EventTypes {
    private final NamedParameterJdbcTemplate jdbc;
    private volatile Set<String> contract;

    EventTypes(NamedParameterJdbcTemplate jdbc) { this.jdbc = jdbc; }

    /** Whether events of type {@code name} (a simple name, exact case) are the platform's or are in the log. */
    boolean known(String name) {
        return contract().contains(name) || Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from audit_log where event_type = :type)", java.util.Map.of("type", name),
                Boolean.class));
    }

    /** The platform's type spelled as {@code name} but for its case ({@code orderplaced}: OrderPlaced), if any. */
    Optional<String> sameButCase(String name) {
        return contract().stream().filter(t -> t.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The platform's own event types, by simple name. */
    Set<String> contract() {
        Set<String> known = contract;
        if (known == null) contract = known = scan();
        return known;
    }

    private static Set<String> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        Set<String> names = new TreeSet<>();
        scanner.findCandidateComponents("dev.stoa.api").forEach(definition -> {
            String className = definition.getBeanClassName();
            names.add(className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1));
        });
        return Set.copyOf(names);
    }
}
