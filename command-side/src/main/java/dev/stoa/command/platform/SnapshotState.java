package dev.stoa.command.platform;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an aggregate, and each class holding part of its state, as written to a snapshot field by field: a snapshot
 * is the aggregate serialized as JSON, and aggregates keep their state in private fields without getters (their
 * accessors answer questions, they are not properties). Every such class needs a no-argument constructor. Change a
 * field's meaning, and bump the aggregate's {@code @Revision}: snapshots of another revision are then ignored and
 * the aggregate is loaded from its events.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@JacksonAnnotationsInside
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public @interface SnapshotState {}
