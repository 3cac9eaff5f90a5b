package dev.stoa.app.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stoa.app.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.ManagedList;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;

/**
 * Spring Security runs without the Spring MVC handler lookup in front of it ({@link SecurityWithoutHandlerLookup})
 * and its rules hold as before: by path pattern, for encoded paths too (a rule is matched against the decoded path,
 * so {@code %61dmin} is {@code admin}), with the fallback for API paths no rule names.
 */
class SecurityWithoutHandlerLookupIT extends ApiTest {
    @Autowired
    ApplicationContext context;

    @Test
    void theFilterChainIsSpringSecuritysOwnWithoutTheLookupWrapper() {
        Object chain = context.getBean(SecurityWithoutHandlerLookup.FILTER_CHAIN);
        assertThat(chain).isInstanceOf(FilterChainProxy.class);
        assertThat(chain.getClass().getName()).isNotEqualTo(SecurityWithoutHandlerLookup.WRAPPER);
        assertThat(((FilterChainProxy) chain).getFilterChains()).hasSize(1);
    }

    @Test
    void rulesHoldByPathPatternForPlainAndEncodedPaths() {
        assertThat(api.get("/api/v1/admin/projections").code()).isEqualTo("unauthorized");
        assertThat(api.get("/api/v1/%61dmin/projections").code()).as("encoded admin path, no token").isEqualTo("unauthorized");
        assertThat(api.get("/api/v1/%61dmin/projections", tokenFor("customer")).code()).as("encoded, wrong role")
                .isEqualTo("forbidden");
        assertThat(api.get("/api/v1/%61dmin/projections", tokenFor("admin")).status()).as("encoded, admin").isEqualTo(200);
        assertThat(api.get("/api/v1/admin/projections", tokenFor("admin")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/products").status()).as("open read").isEqualTo(200);
        assertThat(api.post("/api/v1/products", Map.of(), tokenFor("customer")).code()).as("seller rule")
                .isEqualTo("forbidden");
        assertThat(api.get("/api/v1/cart").code()).as("any user").isEqualTo("unauthorized");
        // a path no endpoint has is 404 without a token too (it was 401 before 2026-12-06, seventh session: KnownRoutes)
        assertThat(api.get("/api/v1/no-such-thing").code()).as("fallback for API paths").isEqualTo("not_found");
        // a trailing slash is another path to Spring MVC, with a token or without (the staff rule of /api/v1/orders,
        // whose pattern takes the optional slash, lets a request without a user through to the 404, as every rule does)
        assertThat(api.get("/api/v1/orders/", tokenFor("admin")).code()).isEqualTo("not_found");
        assertThat(api.get("/api/v1/orders/").code()).as("a trailing slash is another path").isEqualTo("not_found");
        assertThat(api.get("/api/v1/orders").code()).as("the staff rule itself").isEqualTo("unauthorized");
        assertThat(api.get("/api/v1/users/me/addresses").code()).as("an endpoint's path the table does not name")
                .isEqualTo("unauthorized");
    }

    @Test
    void aWrapperOfAnotherShapeStopsTheStart() {
        var lookup = BeanDefinitionBuilder.rootBeanDefinition(Object.class).getBeanDefinition();
        var chain = BeanDefinitionBuilder.rootBeanDefinition(FilterChainProxy.class).getBeanDefinition();
        ManagedList<Object> filters = new ManagedList<>();
        filters.addAll(List.of(lookup, chain));
        var wrapper = BeanDefinitionBuilder.rootBeanDefinition(FilterChainProxy.class).addConstructorArgValue(filters)
                .getBeanDefinition();
        assertThatThrownBy(() -> SecurityWithoutHandlerLookup.wrapped(wrapper))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not the wrapper");
    }
}
