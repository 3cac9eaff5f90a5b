package dev.stoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where things live, checked so that a mistake fails the build instead of a start-up: every Flyway migration is
 * in one place (the app's {@code db/migration}), so two modules can never pick the same version unnoticed; and each
 * module's tests sit in that module's own packages, never in another's to reach its package-private code.
 */
class ModuleLayoutTest {
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
    private static final Map<String, String> TEST_PACKAGES = Map.of("shared-api", "dev/stoa/api", "command-side",
            "dev/stoa/command", "projections", "dev/stoa/projection", "query-side", "dev/stoa/query", "app", "dev/stoa/app",
            "embedded-elasticsearch", "dev/stoa/embedded", "test-support", "dev/stoa/testsupport");

    @Test
    void everyMigrationIsTheAppsAndEveryVersionIsTakenOnce() throws IOException {
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql");
        Map<Integer, String> versions = new TreeMap<>();
        for (Resource migration : migrations) {
            String url = migration.getURL().toString();
            assertThat(url).as("migrations live in app/src/main/resources/db/migration only").contains("/app/target/classes/db/migration/");
            Matcher m = VERSION.matcher(migration.getFilename());
            assertThat(m.matches()).as("%s is named V<n>__<what>.sql", migration.getFilename()).isTrue();
            String earlier = versions.put(Integer.parseInt(m.group(1)), migration.getFilename());
            assertThat(earlier).as("version %s is taken by %s too", m.group(1), migration.getFilename()).isNull();
        }
        assertThat(versions).isNotEmpty();
    }

    @Test
    void testsSitInTheirOwnModulesPackages() throws IOException {
        Path root = dev.stoa.app.support.Repository.root();
        List<String> misplaced = new ArrayList<>();
        for (var module : TEST_PACKAGES.entrySet()) {
            Path tests = root.resolve(module.getKey()).resolve("src/test/java");
            if (!Files.isDirectory(tests)) continue;
            try (Stream<Path> files = Files.walk(tests)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !tests.relativize(f).toString().startsWith(module.getValue()))
                        .forEach(f -> misplaced.add(root.relativize(f).toString()));
            }
        }
        assertThat(misplaced).as("test classes outside their module's packages").isEmpty();
    }
}
