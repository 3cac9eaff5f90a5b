package dev.stoa.app.platform.security;

import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

/**
 * Spring Security without a Spring MVC handler lookup in front of every request.
 * <p>
 * With Spring MVC on the class path, Spring Security 6 wraps its filter chain ({@code springSecurityFilterChain}) in
 * a filter that finds the Spring MVC handler of each request before any security filter runs
 * ({@code HandlerMappingIntrospector#createCacheFilter}, registered by {@code WebMvcSecurityConfiguration}), for
 * two users: {@code MvcRequestMatcher} (rules written as strings) and CORS taken from Spring MVC's configuration.
 * Stoa has neither: its rules ({@link AccessRules}) are matched by {@code PathPatternRequestMatcher} with Spring
 * MVC's pattern parser (the {@link PathPatternRequestMatcherBuilderFactoryBean} below, Spring Security 6.5's opt-in),
 * and CORS comes from the {@code corsConfigurationSource} bean. The lookup was then work for nothing, and not
 * little: a fifth of the CPU of a catalog read answered from kept bytes (which never reaches a handler), a second
 * lookup on top of the {@code DispatcherServlet}'s own for every other request.
 * <p>
 * {@link #withoutHandlerLookup()} puts Spring Security's own chain back in the wrapper's place. It acts only on the
 * wrapper as Spring Security 6.5 builds it (a {@code CompositeFilterChainProxy} of the lookup filter and the chain)
 * and stops the start with the reason when that wrapper has another shape, so an upgrade that changes it is noticed
 * by the first test run rather than lived with.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityWithoutHandlerLookup {
    static final String FILTER_CHAIN = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;
    static final String WRAPPER = "org.springframework.security.config.annotation.web.configuration."
            + "WebMvcSecurityConfiguration$CompositeFilterChainProxy";

    /** {@code requestMatchers(method, patterns)} builds {@code PathPatternRequestMatcher}s with this builder. */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Replaces the handler-lookup wrapper by the chain it wraps (a bean factory post-processor: it runs after
     *  every registry post-processor, Spring Security's among them). */
    @Bean
    static BeanFactoryPostProcessor withoutHandlerLookup() {
        return factory -> {
            if (!(factory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(FILTER_CHAIN)) return;
            BeanDefinition wrapper = registry.getBeanDefinition(FILTER_CHAIN);
            if (!WRAPPER.equals(wrapper.getBeanClassName())) return; // no Spring MVC, or already plain
            registry.removeBeanDefinition(FILTER_CHAIN);
            registry.registerBeanDefinition(FILTER_CHAIN, wrapped(wrapper));
        };
    }

    /** The chain inside the wrapper: its constructor's list is (the lookup filter, the chain). */
    static BeanDefinition wrapped(BeanDefinition wrapper) {
        ConstructorArgumentValues.ValueHolder filters = wrapper.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
        if (filters != null && filters.getValue() instanceof List<?> list && list.size() == 2
                && list.get(0) instanceof BeanDefinition lookup
                && lookup.getBeanClassName() != null && lookup.getBeanClassName().endsWith("HandlerMappingIntrospectorCacheFilterFactoryBean")
                && list.get(1) instanceof BeanDefinition chain) {
            return chain;
        }
        throw new IllegalStateException("Spring Security's " + FILTER_CHAIN + " is not the wrapper this class knows ("
                + WRAPPER + " of the handler-lookup filter and the chain): see " + SecurityWithoutHandlerLookup.class.getName());
    }
}
