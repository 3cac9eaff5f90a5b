package dev.stoa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every aggregate of the command side rebuilds from its first event through {@link AggregateRebuilder} and writes
 * its state as JSON with its secrets hidden, without Spring: each event an aggregate sources from is stored alone (as
 * sequence 0 of a fresh aggregate, values filled by {@link SampleEvents}) and rebuilt; the events that set the
 * aggregate's identifier are its first events, and every aggregate must have one that rebuilds and renders. The IT
 * does the same for the types the Spring configuration registers, on real flows.
 */
class EveryAggregateRebuildsTest {
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void close() { store.shutDown(); }

    @Test
    void everyAggregateRebuildsFromItsFirstEventAndRendersItsState() throws Exception {
        List<Class<?>> aggregates = aggregateClasses();
        assertThat(aggregates).hasSizeGreaterThanOrEqualTo(18);
        AggregateRebuilder rebuilder = new AggregateRebuilder(store);
        List<String> failures = new ArrayList<>();
        for (Class<?> aggregate : aggregates) {
            AggregateModel<?> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregate, resolvers(aggregate));
            AggregateTypes.Type type = new AggregateTypes.Type(AggregateTypes.kebab(aggregate.getSimpleName()), model.type(),
                    module(aggregate), model);
            int firsts = 0;
            List<String> refusals = new ArrayList<>();
            for (Class<?> event : sourcedEvents(aggregate)) {
                String id = UUID.randomUUID().toString();
                store.publish(new GenericDomainEventMessage<>(model.type(), id, 0, SampleEvents.of(event)));
                AggregateRebuilder.Rebuilt rebuilt;
                try {
                    rebuilt = rebuilder.rebuild(type, id, Instant.now());
                } catch (RuntimeException e) {
                    refusals.add(event.getSimpleName() + ": " + rootCause(e));
                    continue; // an event applied to an empty aggregate may well fail: only a first event must succeed
                }
                if (identifier(model, rebuilt.root()) == null) { // not a first event
                    refusals.add(event.getSimpleName() + ": no identifier");
                    continue;
                }
                JsonNode state = SecretMask.hide(StateJson.of(rebuilt.root())); // must not fail
                assertThat(state.isObject()).as(aggregate.getSimpleName()).isTrue();
                assertThat(rebuilt.sequence()).isZero();
                assertThat(rebuilt.eventsApplied()).isEqualTo(1);
                firsts++;
            }
            if (firsts == 0) failures.add(aggregate.getSimpleName() + " " + refusals);
        }
        assertThat(failures).as("aggregates none of whose events rebuilds and renders as a first event").isEmpty();
    }

    @Test
    void kebabNames() {
        assertThat(AggregateTypes.kebab("Order")).isEqualTo("order");
        assertThat(AggregateTypes.kebab("UserAccount")).isEqualTo("user-account");
        assertThat(AggregateTypes.kebab("OrderRefunds")).isEqualTo("order-refunds");
        assertThat(AggregateTypes.kebab("ProductReviews")).isEqualTo("product-reviews");
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) e = e.getCause();
        return e;
    }

    @SuppressWarnings("unchecked")
    private static Object identifier(AggregateModel<?> model, Object root) {
        return ((AggregateModel<Object>) model).getIdentifier(root);
    }

    private static List<Class<?>> sourcedEvents(Class<?> aggregate) {
        List<Class<?>> events = new ArrayList<>();
        for (Method method : aggregate.getDeclaredMethods())
            if (method.isAnnotationPresent(EventSourcingHandler.class) && method.getParameterCount() > 0)
                events.add(method.getParameterTypes()[0]);
        return events;
    }

    /** Axon's resolvers, and null for what a handler asks of Spring (services): only event-sourcing handlers run here. */
    private static ParameterResolverFactory resolvers(Class<?> aggregate) {
        ParameterResolverFactory services = (executable, parameters, index) -> index == 0 ? null : new ParameterResolver<Object>() {
            @Override
            public Object resolveParameterValue(org.axonframework.messaging.Message<?> message) { return null; }

            @Override
            public boolean matches(org.axonframework.messaging.Message<?> message) { return true; }
        };
        return MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(aggregate), services);
    }

    private static <A> AggregateConfiguration<A> module(Class<A> aggregate) {
        AggregateFactory<A> factory = new GenericAggregateFactory<>(aggregate);
        return new AggregateConfiguration<>() {
            @Override public Repository<A> repository() { throw new UnsupportedOperationException(); }
            @Override public Class<A> aggregateType() { return aggregate; }
            @Override public AggregateFactory<A> aggregateFactory() { return factory; }
            @Override public SnapshotFilter snapshotFilter() { return SnapshotFilter.allowAll(); }
            @Override public void initialize(Configuration config) { }
        };
    }

    private static List<Class<?>> aggregateClasses() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(org.axonframework.spring.stereotype.Aggregate.class));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition found : scan.findCandidateComponents("dev.stoa.command"))
            classes.add(Class.forName(found.getBeanClassName()));
        return classes;
    }
}
