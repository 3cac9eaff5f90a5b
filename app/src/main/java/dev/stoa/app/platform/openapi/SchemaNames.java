package dev.stoa.app.platform.openapi;

import dev.stoa.api.platform.MayBeNull;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import java.util.Set;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Schema names a generated client can live with: a nested record outside a controller is named after its outer type
 * too ({@code FindAddresses.Result} becomes {@code FindAddressesResult}), because swagger names schemas by simple class
 * name and silently keeps only one of several {@code Result}s. {@code @Schema(name = ...)} still wins. The same resolver
 * types a member marked {@link MayBeNull} as its type or null (see {@link NullableMembers}).
 */
@Configuration
class SchemaNames {
    @Bean
    ModelResolver nestedTypeNames(ObjectMapperProvider mappers) {
        return new NullableMembers(mappers.jsonMapper(), new OuterAndInner());
    }

    private static final class OuterAndInner extends TypeNameResolver {
        @Override
        protected String nameForClass(Class<?> cls, Set<Options> options) {
            String name = super.nameForClass(cls, options);
            Class<?> outer = cls.getEnclosingClass();
            boolean named = cls.isAnnotationPresent(io.swagger.v3.oas.annotations.media.Schema.class)
                    && !cls.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class).name().isEmpty();
            // a controller's request records are named for what they are; elsewhere the outer type tells them apart
            return outer == null || named || outer.getSimpleName().endsWith("Controller") ? name : outer.getSimpleName() + name;
        }
    }
}
