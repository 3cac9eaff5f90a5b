package dev.stoa.app.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The size of each connection's socket write buffer in Tomcat ({@code socket.appWriteBufSize}, 8 KB by default;
 * Spring Boot has no property for it). An answer goes to the socket in one write when it and its headers fit: a
 * product list page of 20 (about 12 KB) took two writes with 8 KB, one with the default 16 KB here (32 KB measured
 * no faster). Each open connection holds one such buffer on the heap.
 */
@Configuration
public class SocketWriteBufferConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketWriteBuffer(
            @Value("${stoa.http.socket-write-buffer:16KB}") DataSize size) {
        if (size.toBytes() < 8192 || size.toBytes() > 1 << 20)
            throw new IllegalArgumentException("stoa.http.socket-write-buffer must be between 8KB and 1MB, not " + size);
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("socket.appWriteBufSize", Long.toString(size.toBytes())));
    }
}
