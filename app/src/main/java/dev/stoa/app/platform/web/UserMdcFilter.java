package dev.stoa.app.platform.web;

import dev.stoa.command.platform.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** After authentication: who is asking goes into the MDC, for logs and for the metadata of commands. */
@Component
@Order(5)
public class UserMdcFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AuthenticatedUser.id().ifPresent(id -> MDC.put(RequestContext.USER_ID, id));
        chain.doFilter(request, response);
    }
}
