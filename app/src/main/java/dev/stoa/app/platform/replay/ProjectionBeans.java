package dev.stoa.app.platform.replay;

import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * The event handler beans of each processing group, and what kind of read model they build. A processor is a
 * PostgreSQL read model when every one of its beans is a projection ({@code dev.stoa.projection}), can be reset
 * ({@code @ResetHandler}), is not marked {@code @DisallowReplay}, and writes through Spring Data repositories only:
 * the tables of those repositories' entities are the read model (projections write only their own tables). Anything
 * else (mail, sagas, erasure, processes that send commands) is a side effect and is never replayed.
 */
@Component
public class ProjectionBeans {
    /** One processor's handler beans and, for a PostgreSQL read model, its tables. */
    public record Group(String processor, List<Object> beans, boolean replayable, Set<String> tables) {
        public boolean tableReadModel() { return replayable && !tables.isEmpty(); }
    }

    private final ApplicationContext context;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    public ProjectionBeans(ApplicationContext context) { this.context = context; }

    /** The processor's group; beans empty when no bean of this process declares it. */
    public Group of(String processor) { return groups.computeIfAbsent(processor, this::lookUp); }

    private Group lookUp(String processor) {
        List<Object> beans = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(AopUtils.getTargetClass(bean), ProcessingGroup.class);
            if (group != null && group.value().equals(processor)) beans.add(bean);
        }
        boolean replayable = !beans.isEmpty() && beans.stream().map(AopUtils::getTargetClass).allMatch(ProjectionBeans::rebuildable);
        Set<String> tables = new LinkedHashSet<>();
        if (replayable) beans.forEach(bean -> tables.addAll(tablesOf(AopUtils.getTargetClass(bean))));
        return new Group(processor, List.copyOf(beans), replayable, Set.copyOf(tables));
    }

    private static boolean rebuildable(Class<?> type) {
        if (!type.getPackageName().startsWith("dev.stoa.projection.")) return false;
        if (type.isAnnotationPresent(DisallowReplay.class)) return false;
        boolean resettable = false;
        for (Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(DisallowReplay.class)) return false;
            resettable |= m.isAnnotationPresent(ResetHandler.class);
        }
        return resettable;
    }

    /** The tables of the entities behind the bean's repository fields. */
    static List<String> tablesOf(Class<?> type) {
        List<String> tables = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (!Repository.class.isAssignableFrom(f.getType())) continue;
            Class<?> entity = ResolvableType.forField(f).as(Repository.class).getGeneric(0).resolve();
            Table table = entity == null ? null : entity.getAnnotation(Table.class);
            if (table == null || table.name().isBlank()) throw new IllegalStateException(type.getName() + "." + f.getName()
                    + ": no @Table name on the entity of " + f.getType().getName());
            tables.add(table.name());
        }
        return tables;
    }
}
