package dev.stoa.app.platform.web;

import dev.stoa.api.platform.Actor;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Any controller method may take an {@link Actor} parameter: the caller, read once here from the verified access
 * token (subject and "roles" claim), null for an anonymous caller. So both sides decide access the same way,
 * with {@link dev.stoa.api.platform.Access}. The parameter is not part of the OpenAPI document.
 */
@Configuration
class ActorArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {
    static final String ROLES_CLAIM = "roles";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) { resolvers.add(this); }

    @Override
    public boolean supportsParameter(MethodParameter parameter) { return parameter.getParameterType() == Actor.class; }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                 WebDataBinderFactory binders) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) return null;
        Set<String> roles = new HashSet<>();
        if (token.getToken().getClaims().get(ROLES_CLAIM) instanceof Collection<?> values)
            values.forEach(v -> roles.add(String.valueOf(v)));
        return new Actor(token.getToken().getSubject(), roles);
    }
}
