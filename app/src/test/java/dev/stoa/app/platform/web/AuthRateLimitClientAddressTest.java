package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.embedded.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.env.MockEnvironment;

/**
 * A spoofed X-Forwarded-For is ignored unless an operator trusts a proxy: the key takes the address Tomcat
 * reports, and with the shipped application.yml Tomcat gets no RemoteIpValve, so that address is the TCP peer's
 * (even where Spring Boot detects a cloud platform and would otherwise trust forwarded headers).
 */
class AuthRateLimitClientAddressTest {

    @Test
    void theKeyTakesTheAddressTomcatReportsNotTheHeader() {
        MockHttpServletRequest request = AuthRateLimitKeyTest.routed("POST", "/api/v1/auth/login", "/api/v1/auth/login",
                "10.1.2.3");
        request.addHeader("X-Forwarded-For", "203.0.113.50");
        request.addHeader("Forwarded", "for=203.0.113.50");
        request.addHeader("X-Real-IP", "203.0.113.50");
        assertThat(AuthRateLimitKey.of(request, AuthRateLimitKeyTest.HANDLER).orElseThrow().clientAddress())
                .isEqualTo("10.1.2.3");
    }

    @Test
    void theShippedConfigurationTrustsNoForwardedHeadersEvenOnACloudPlatform() throws IOException {
        MockEnvironment environment = shippedConfiguration();
        environment.setProperty("spring.main.cloud-platform", "kubernetes");
        assertThat(remoteIpValveInstalled(environment)).isFalse();
        // why application.yml says "none" out loud: left unset, Spring Boot trusts the headers on Kubernetes
        assertThat(remoteIpValveInstalled(new MockEnvironment().withProperty("spring.main.cloud-platform", "kubernetes")))
                .isTrue();
    }

    @Test
    void nativeStrategyTakesTheAddressFromTrustedProxiesOnly() throws IOException {
        MockEnvironment environment = shippedConfiguration();
        environment.setProperty("server.forward-headers-strategy", "native");
        assertThat(remoteIpValveInstalled(environment)).isTrue();
    }

    private static MockEnvironment shippedConfiguration() throws IOException {
        MockEnvironment environment = new MockEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return environment;
    }

    /** What Spring Boot does to the embedded Tomcat for this configuration. */
    private static boolean remoteIpValveInstalled(MockEnvironment environment) {
        ServerProperties server = Binder.get(environment).bind("server", ServerProperties.class).orElseGet(ServerProperties::new);
        TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory();
        new TomcatWebServerFactoryCustomizer(environment, server).customize(tomcat);
        return tomcat.getEngineValves().stream().anyMatch(RemoteIpValve.class::isInstance);
    }
}
