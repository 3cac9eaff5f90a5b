package dev.stoa.app.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Deterministic sample values of any type the events and aggregates use, every field filled (no nulls), so a
 * fixture or a snapshot round trip covers every field: records are built from their components, classes
 * (aggregate state) by setting each instance field. A typed id (a record of one {@code String}) gets a UUID
 * derived from its name, so its own validation passes.
 */
public final class Samples {
    public static final Instant INSTANT = Instant.parse("2026-11-30T12:34:56.789Z");

    private Samples() {}

    public static Object of(Type type, String name) {
        Class<?> raw = raw(type);
        if (raw == String.class) return name + "-sample";
        if (raw == int.class || raw == Integer.class) return 7;
        if (raw == long.class || raw == Long.class) return 42L;
        if (raw == boolean.class || raw == Boolean.class) return true;
        if (raw == Instant.class) return INSTANT;
        if (raw.isEnum()) return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
        if (Map.class.isAssignableFrom(raw)) return new LinkedHashMap<>(Map.of(name + "-key", of(argument(type, 1), name)));
        if (Collection.class.isAssignableFrom(raw)) return collection(raw, argument(type, 0), name);
        if (raw.isRecord()) return record(raw);
        return object(raw);
    }

    public static Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length == 1 && components[0].getType() == String.class && type.getSimpleName().endsWith("Id"))
            return construct(type, UUID.nameUUIDFromBytes(type.getName().getBytes(StandardCharsets.UTF_8)).toString());
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) values[i] = of(components[i].getGenericType(), components[i].getName());
        return construct(type, values);
    }

    /** A class instance (its no-argument constructor) with every instance field, inherited ones too, set. */
    public static Object object(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object instance = constructor.newInstance();
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass())
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) continue;
                    field.setAccessible(true);
                    field.set(instance, of(field.getGenericType(), field.getName()));
                }
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no sample for " + type, e);
        }
    }

    private static Object collection(Class<?> raw, Type element, String name) {
        Collection<Object> values = Set.class.isAssignableFrom(raw) ? new HashSet<>()
                : Deque.class.isAssignableFrom(raw) ? new ArrayDeque<>() : new ArrayList<>();
        values.add(of(element, name)); // one element: a set's order then cannot differ between two writes
        return values instanceof List<?> ? List.copyOf(values) : values;
    }

    private static Object construct(Class<?> type, Object... values) {
        try {
            Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no sample for " + type, e);
        }
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : String.class;
    }
}
