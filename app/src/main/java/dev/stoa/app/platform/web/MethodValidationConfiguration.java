package dev.stoa.app.platform.web;

import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.beanvalidation.FilteredMethodValidationPostProcessor;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * Method validation ({@code @Validated} controllers) as Spring Boot configures it, but with the validator looked up
 * once. Boot hands {@link MethodValidationPostProcessor} an {@code ObjectProvider<Validator>}, so that the validator is
 * not created while bean post-processors are; the interceptor then asks the bean factory for it on every call it
 * validates, twice (arguments and return value): a dependency resolution with qualifier annotations scanned, about
 * 5 % of the CPU of a list answered by its handler (JFR, bench/README). Here the provider is still asked lazily, at
 * the first call, and its answer kept. Same properties as Boot's: {@code spring.aop.proxy-target-class},
 * {@code spring.validation.method.adapt-constraint-violations}; Boot's own bean backs off.
 */
@Configuration(proxyBeanMethods = false)
public class MethodValidationConfiguration {

    @Bean
    static MethodValidationPostProcessor methodValidationPostProcessor(Environment environment,
            ObjectProvider<Validator> validator, ObjectProvider<MethodValidationExcludeFilter> excludeFilters) {
        FilteredMethodValidationPostProcessor processor =
                new FilteredMethodValidationPostProcessor(excludeFilters.orderedStream());
        processor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
        processor.setAdaptConstraintViolations(
                environment.getProperty("spring.validation.method.adapt-constraint-violations", Boolean.class, false));
        processor.setValidatorProvider(once(validator));
        return processor;
    }

    /** The provider's object, asked for at the first call and kept. */
    static <T> ObjectProvider<T> once(ObjectProvider<T> provider) {
        SingletonSupplier<T> kept = SingletonSupplier.of(provider::getObject);
        return new ObjectProvider<>() {
            @Override
            public T getObject() {
                return kept.obtain();
            }
        };
    }
}
