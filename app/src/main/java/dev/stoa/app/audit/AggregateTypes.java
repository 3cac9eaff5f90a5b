package dev.stoa.app.audit;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

/**
 * The aggregate types this process's Axon configuration knows (its aggregate modules, not a list kept by hand), by the
 * names an auditor uses: the kebab-case of the class's simple name ({@code order}, {@code user-account}) and the type
 * name stored with every event ({@code Order}). Each comes with Axon's own model of it, inspected with the
 * configuration's parameter resolvers and handler definitions, so its {@code @EventSourcingHandler}s are called as
 * the repository calls them. A process started with the {@code query} profile runs no aggregates and knows none.
 */
@Component
class AggregateTypes {
    /** One aggregate type: its path name, stored type name, Axon module and model. */
    record Type(String name, String storedName, AggregateConfiguration<?> module, AggregateModel<?> model) {}

    private final Configuration axon;
    private volatile Map<String, Type> byName;

    AggregateTypes(Configuration axon) { this.axon = axon; }

    /** The type named {@code name} (either spelling, any case); 404 {@code unknown_aggregate_type} otherwise. */
    Type resolve(String name) {
        Type type = name == null ? null : all().get(name.toLowerCase(Locale.ROOT));
        if (type == null) throw new DomainException(ErrorCode.UNKNOWN_AGGREGATE_TYPE,
                "no aggregate type '" + name + "'; known: " + String.join(", ", names()));
        return type;
    }

    /** Every type, once each, by path name. */
    Collection<Type> types() { return all().values().stream().distinct().toList(); }

    private java.util.List<String> names() { return types().stream().map(Type::name).sorted().toList(); }

    static String kebab(String simpleName) {
        return simpleName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    private Map<String, Type> all() {
        Map<String, Type> known = byName;
        if (known == null) byName = known = inspect();
        return known;
    }

    private Map<String, Type> inspect() {
        Map<String, Type> known = new LinkedHashMap<>();
        for (AggregateConfiguration<?> module : axon.findModules(AggregateConfiguration.class)) {
            Class<?> aggregate = module.aggregateType();
            AggregateModel<?> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregate,
                    axon.parameterResolverFactory(), axon.handlerDefinition(aggregate));
            Type type = new Type(kebab(aggregate.getSimpleName()), model.type(), module, model);
            known.put(type.name(), type);
            known.putIfAbsent(type.storedName().toLowerCase(Locale.ROOT), type);
        }
        return Map.copyOf(known);
    }
}
