package dev.stoa.app.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observation around each Spring Security filter, authentication and authorization: with an
 * observation registry present (actuator), Spring Security wraps every one of its dozen filters in an
 * observation on every request, which cost more CPU per write than the command itself, for spans nobody
 * collects. Requests stay measured as a whole ({@code http.server.requests}).
 */
@Configuration
public class ObservationSettings {

    @Bean
    public SecurityObservationSettings noSpringSecurityObservations() { return SecurityObservationSettings.noObservations(); }
}
