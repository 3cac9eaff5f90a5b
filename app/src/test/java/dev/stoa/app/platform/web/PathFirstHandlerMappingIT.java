package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The shortcut of {@link PathFirstHandlerMapping} never drops a mapping Spring would match: for every pattern of the
 * API, paths it matches (variables filled in, wildcards spanning one and two segments) are admitted, and a few
 * dispatches through it answer as Spring does (handler found, 405, 404, an encoded path).
 */
class PathFirstHandlerMappingIT extends ApiTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyPatternOfTheApiAdmitsThePathsItMatches() {
        assertThat(mapping).isInstanceOf(PathFirstHandlerMapping.class);
        Map<RequestMappingInfo, ?> methods = mapping.getHandlerMethods();
        assertThat(methods).hasSizeGreaterThan(100);
        int checked = 0;
        for (RequestMappingInfo info : methods.keySet()) {
            for (String pattern : info.getPatternValues()) {
                PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
                for (String path : new String[] {sample(pattern, "x"), sample(pattern, "x/y")}) {
                    if (!parsed.matches(PathContainer.parsePath(path))) continue;
                    PathFirstHandlerMapping.Shape shape = PathFirstHandlerMapping.shape(pattern);
                    assertThat(shape.admits(path, PathFirstHandlerMapping.segments(path)))
                            .as("%s must admit %s (shape %s)", pattern, path, shape).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void dispatchAnswersAsSpringDoes() {
        String id = java.util.UUID.randomUUID().toString();
        assertThat(api.get("/api/v1/products/" + id).code()).isEqualTo("not_found"); // handler found, no product
        assertThat(api.get("/api/v1/products").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/%70roducts").status()).as("an encoded literal still matches").isEqualTo(200);
        assertThat(api.send("PATCH", "/api/v1/products", null, null, tokenFor("admin"), Map.of()).status()).isEqualTo(405);
        assertThat(api.get("/api/v1/products/" + id + "/nothing-here").status()).isEqualTo(404);
    }

    /** The pattern with each variable and wildcard replaced by {@code fill}. */
    private static String sample(String pattern, String fill) {
        return pattern.replaceAll("\\{\\*[^}]*}", fill).replaceAll("\\{[^}]*}", "x").replace("**", fill).replace("*", "x");
    }
}
