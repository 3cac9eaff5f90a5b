package dev.stoa.app.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problem+json also for the errors raised before Spring MVC: Spring Security's firewall (picked up by
 * type as the filter chain's RequestRejectedHandler) and Tomcat's own rejections (its error report
 * valve). Errors sent with {@code sendError} reach {@link ProblemErrorController}.
 */
@Configuration
public class ErrorResponsesConfiguration {

    @Bean
    RequestRejectedHandler firewallRejectionHandler(ObjectMapper mapper) {
        return new FirewallRejectionHandler(mapper);
    }

    /**
     * Swaps the Host's error report valve for {@link ProblemReportValve}. Runs after Spring Boot's own
     * customizer (order 0; this one is unordered, so last), which adds a stock valve that must go too.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(ObjectMapper mapper) {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves())
                if (valve instanceof ErrorReportValve) host.getPipeline().removeValve(valve);
            host.getPipeline().addValve(new ProblemReportValve(mapper));
            // the Host adds a stock valve at start unless one of this class is already there
            if (host instanceof StandardHost standard) standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }
}
