package dev.stoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and the Dockerfile cannot be run here (no Docker), so this checks what they promise:
 * the five services, their ports and health checks, the two app processes wired to the backing services by
 * service name, and an image that runs the app jar.
 */
class DockerComposeTest {
    private static final Set<String> SERVICES = Set.of("axonserver", "postgres", "elasticsearch", "mailpit",
            "stoa-command", "stoa-query");
    /** "${VAR:?message}": compose refuses to start while VAR is unset or empty. */
    private static final java.util.regex.Pattern REQUIRED = java.util.regex.Pattern.compile("\\$\\{(\\w+):\\?[^}]+}");
    private static final String KEYS_DIR = "/var/lib/stoa/keys";

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void load() throws IOException {
        root = dev.stoa.app.support.Repository.root();
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        services = map(compose.get("services"));
    }

    @Test
    void allServicesAreDefined() {
        assertThat(services).containsOnlyKeys(SERVICES.toArray(String[]::new));
    }

    @Test
    void onlyTheTwoAppPortsArePublicAndDashboardsListenOnLoopback() {
        assertThat(ports("stoa-command")).containsExactly("8080:8080");
        assertThat(ports("stoa-query")).containsExactly("8081:8080");
        assertThat(ports("axonserver")).as("the dashboard only; gRPC stays on the compose network")
                .containsExactly("127.0.0.1:8024:8024");
        assertThat(ports("mailpit")).as("the web UI only; SMTP stays on the compose network")
                .containsExactly("127.0.0.1:8025:8025");
        assertThat(ports("postgres")).isEmpty();
        assertThat(ports("elasticsearch")).isEmpty();
        for (String service : SERVICES) {
            if (service.startsWith("stoa-")) continue;
            assertThat(ports(service)).allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
            assertThat(service(service)).doesNotContainKey("network_mode");
        }
    }

    @Test
    void axonServerRunsWithAccessControlAndTheAppsSendItsToken() {
        Map<String, String> axon = env("axonserver");
        assertThat(axon).containsEntry("AXONIQ_AXONSERVER_ACCESSCONTROL_ENABLED", "true");
        assertThat(required(axon.get("AXONIQ_AXONSERVER_ACCESSCONTROL_TOKEN"))).isEqualTo("STOA_AXONSERVER_TOKEN");
        assertThat(required(axon.get("AXONIQ_AXONSERVER_ACCESSCONTROL_ADMIN_TOKEN"))).isEqualTo("STOA_AXONSERVER_ADMIN_TOKEN");
        assertThat(required(axon.get("AXONIQ_AXONSERVER_ACCESSCONTROL_INTERNAL_TOKEN"))).isEqualTo("STOA_AXONSERVER_INTERNAL_TOKEN");
        for (String app : List.of("stoa-command", "stoa-query"))
            assertThat(required(env(app).get("AXON_AXONSERVER_TOKEN"))).as(app).isEqualTo("STOA_AXONSERVER_TOKEN");
        assertThat(healthCheck("axonserver")).contains("AxonIQ-Access-Token");
    }

    @Test
    void theCommandProcessMailsThroughTheMailServiceAndNeedsAnAdminPasswordOfItsOwn() {
        Map<String, String> command = env("stoa-command");
        assertThat(command).containsEntry("SPRING_MAIL_HOST", "mailpit").containsEntry("SPRING_MAIL_PORT", "1025");
        assertThat(required(command.get("STOA_BOOTSTRAP_ADMIN_PASSWORD"))).isEqualTo("STOA_BOOTSTRAP_ADMIN_PASSWORD");
        assertThat(dependsOn("stoa-command")).containsKey("mailpit");
        assertThat(required(command.get("STOA_PAYMENTS_GATEWAY"))).as("the card gateway is chosen, never defaulted")
                .isEqualTo("STOA_PAYMENTS_GATEWAY");
        for (String app : List.of("stoa-command", "stoa-query")) {
            assertThat(env(app).keySet()).as("%s: nothing switches a development convenience on", app)
                    .noneMatch(k -> k.startsWith("STOA_EMBEDDED"));
            assertThat(env(app)).containsKeys("SPRING_DATASOURCE_URL", "SPRING_ELASTICSEARCH_URIS");
        }
        assertThat(required(env("postgres").get("POSTGRES_PASSWORD"))).isEqualTo("STOA_POSTGRES_PASSWORD");
    }

    /** The variable a "${VAR:?message}" value requires; fails for a literal value. */
    private static String required(String value) {
        assertThat(value).as("a required variable, not a literal").isNotNull();
        java.util.regex.Matcher m = REQUIRED.matcher(value);
        assertThat(m.matches()).as("%s is ${VAR:?message}", value).isTrue();
        return m.group(1);
    }

    @Test
    void everyServiceHasAHealthCheck() {
        assertThat(healthCheck("axonserver")).contains("http://localhost:8024/actuator/health");
        assertThat(healthCheck("mailpit")).contains("readyz");
        assertThat(healthCheck("postgres")).contains("pg_isready -U stoa -d stoa");
        assertThat(healthCheck("elasticsearch"))
                .contains("http://localhost:9200/_cluster/health?wait_for_status=yellow&timeout=5s");
        assertThat(healthCheck("stoa-command")).contains("curl").contains("http://localhost:8080/actuator/health/readiness");
        assertThat(healthCheck("stoa-query")).contains("curl").contains("http://localhost:8080/actuator/health/readiness");
    }

    @Test
    void backingServicesAreConfiguredAsDocumented() {
        assertThat(service("axonserver").get("image").toString()).startsWith("axoniq/axonserver:");
        assertThat(env("axonserver")).containsEntry("AXONIQ_AXONSERVER_STANDALONE", "true")
                .containsEntry("AXONIQ_AXONSERVER_NAME", "axonserver")
                .containsEntry("AXONIQ_AXONSERVER_HOSTNAME", "axonserver");
        assertThat(volumeTargets("axonserver")).contains("/axonserver/data", "/axonserver/events");

        assertThat(service("postgres").get("image")).isEqualTo("postgres:17");
        assertThat(env("postgres")).containsEntry("POSTGRES_DB", "stoa").containsEntry("POSTGRES_USER", "stoa");
        assertThat(volumeTargets("postgres")).contains("/var/lib/postgresql/data");

        assertThat(service("elasticsearch").get("image").toString())
                .startsWith("docker.elastic.co/elasticsearch/elasticsearch:9.");
        assertThat(env("elasticsearch")).containsEntry("discovery.type", "single-node")
                .containsEntry("xpack.security.enabled", "false")
                .containsEntry("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        assertThat(volumeTargets("elasticsearch")).contains("/usr/share/elasticsearch/data");
    }

    @Test
    void theAppRunsOnceAsCommandSideAndOnceAsQuerySideOnAxonServer() {
        assertThat(profiles("stoa-command")).containsExactlyInAnyOrder("command", "axonserver");
        assertThat(profiles("stoa-query")).containsExactlyInAnyOrder("query", "axonserver");
        for (String profile : List.of("command", "query", "axonserver"))
            assertThat(root.resolve("app/src/main/resources/application-" + profile + ".yml"))
                    .as("profile %s exists", profile).exists();
    }

    @Test
    void appServicesReachTheBackingServicesByServiceName() {
        for (String app : List.of("stoa-command", "stoa-query")) {
            Map<String, String> env = env(app);
            URI jdbc = URI.create(env.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));
            assertThat(jdbc.getScheme()).isEqualTo("postgresql");
            assertThat(jdbc.getHost()).isEqualTo("postgres");
            assertThat(jdbc.getPort()).isEqualTo(5432);
            assertThat(jdbc.getPath()).isEqualTo("/stoa");
            assertThat(env).containsEntry("SPRING_DATASOURCE_USERNAME", "stoa");
            assertThat(required(env.get("SPRING_DATASOURCE_PASSWORD"))).isEqualTo("STOA_POSTGRES_PASSWORD");

            URI es = URI.create(env.get("SPRING_ELASTICSEARCH_URIS"));
            assertThat(es.getHost()).isEqualTo("elasticsearch");
            assertThat(es.getPort()).isEqualTo(9200);

            assertThat(env).containsEntry("AXON_AXONSERVER_SERVERS", "axonserver:8124")
                    .containsEntry("STOA_DATA_DIR", "/var/lib/stoa")
                    .containsEntry("STOA_SECURITY_JWT_KEY_FILE", KEYS_DIR + "/jwt-signing-key.pem")
                    .containsEntry("STOA_SECURITY_SEALING_KEYSET_FILE", KEYS_DIR + "/sealing-keyset.json");
            assertThat(service(app).get("build")).as("%s is built from the repository", app).isNotNull();
        }
    }

    @Test
    void bothAppProcessesSignContentUrlsWithARequiredKeyAndShareTheContentStore() {
        for (String app : List.of("stoa-command", "stoa-query")) {
            assertThat(required(env(app).get("STOA_LEARNING_CONTENT_SIGNING_KEY"))).as(app).isEqualTo("STOA_CONTENT_SIGNING_KEY");
            assertThat(env(app)).containsEntry("STOA_LEARNING_CONTENT_DIR", "/var/lib/stoa/content");
            assertThat(volumes(app)).contains("stoa-content:/var/lib/stoa/content");
        }
        assertThat(map(compose.get("volumes"))).containsKey("stoa-content");
    }

    @Test
    void bothAppProcessesShareOneSigningKeyVolume() {
        assertThat(map(compose.get("volumes"))).containsKey("stoa-keys");
        assertThat(volumes("stoa-command")).contains("stoa-keys:" + KEYS_DIR);
        assertThat(volumes("stoa-query")).contains("stoa-keys:" + KEYS_DIR);
    }

    @Test
    void appServicesStartOnlyOnHealthyDependencies() {
        assertThat(dependsOn("stoa-command")).containsOnlyKeys("axonserver", "postgres", "mailpit");
        assertThat(dependsOn("stoa-query")).containsOnlyKeys("axonserver", "postgres", "elasticsearch", "stoa-command");
        for (String app : List.of("stoa-command", "stoa-query"))
            dependsOn(app).forEach((dependency, condition) -> {
                assertThat(condition).as("%s -> %s", app, dependency).isEqualTo("service_healthy");
                assertThat(service(dependency)).as("%s has a health check", dependency).containsKey("healthcheck");
            });
    }

    @Test
    void theImageIsBuiltFromSourceAndItsFinalStageRunsTheAppJar() throws IOException {
        Path dockerfile = root.resolve("Dockerfile");
        assertThat(dockerfile).exists();
        List<List<String>> stages = stages(Files.readAllLines(dockerfile));
        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);

        String build = String.join("\n", stages.get(0));
        assertThat(build).startsWith("FROM maven:3.9-eclipse-temurin-21").contains("mvn").contains("package");

        String runtime = String.join("\n", stages.get(stages.size() - 1));
        assertThat(runtime).startsWith("FROM eclipse-temurin:21-jre")
                .containsPattern("COPY --from=\\S+ \\S*app/target/stoa-app\\.jar /app/stoa-app\\.jar")
                .contains("EXPOSE 8080")
                .contains("curl") // the compose health checks call curl inside the container
                .contains("ENTRYPOINT [\"java\",\"-jar\",\"/app/stoa-app.jar\"]");
        // the jar the image copies is the one the app module builds
        assertThat(Files.readString(root.resolve("app/pom.xml"))).contains("<finalName>stoa-app</finalName>");
        assertThat(root.resolve(".dockerignore")).exists();
    }

    // ---- reading the compose file

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        if (value == null) return List.of();
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    private static List<String> ports(String name) { return strings(service(name).get("ports")); }

    private static List<String> volumes(String name) { return strings(service(name).get("volumes")); }

    private static List<String> volumeTargets(String name) {
        return volumes(name).stream().map(v -> v.split(":")[1]).toList();
    }

    private static String healthCheck(String name) {
        Object test = map(service(name).get("healthcheck")).get("test");
        assertThat(test).as("%s healthcheck test", name).isNotNull();
        return test instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(" ")) : test.toString();
    }

    /** Environment in either compose form: a map, or a list of KEY=VALUE. */
    private static Map<String, String> env(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) m.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        else strings(environment).forEach(e -> env.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
        return env;
    }

    private static List<String> profiles(String name) {
        return Arrays.stream(env(name).get("SPRING_PROFILES_ACTIVE").split(",")).map(String::trim).toList();
    }

    /** depends_on in its long form: service name to condition. */
    private static Map<String, String> dependsOn(String name) {
        Map<String, String> conditions = new LinkedHashMap<>();
        map(service(name).get("depends_on")).forEach((dependency, spec) ->
                conditions.put(dependency, String.valueOf(map(spec).get("condition"))));
        return conditions;
    }

    /** The Dockerfile's stages, each its FROM line and what follows, comments and blank lines dropped. */
    private static List<List<String>> stages(List<String> lines) {
        List<List<String>> stages = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.regionMatches(true, 0, "FROM ", 0, 5)) stages.add(new ArrayList<>());
            if (!stages.isEmpty()) stages.get(stages.size() - 1).add(line);
        }
        return stages;
    }
}
