package dev.stoa.embedded.elasticsearch.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Child-side entry point: runs one Elasticsearch node in this JVM until stdin reaches EOF.
 *
 * <p>Runs with the server jars on the module path ({@code --module-path <home>/lib --add-modules=ALL-MODULE-PATH}) and
 * this class on the class path. The parent never loads this class: it ships it as a resource (see the module's pom).
 * Arguments are node settings as {@code key=value}; {@code path.home} must be among them.
 *
 * <p>Unlike {@code org.elasticsearch.bootstrap.Elasticsearch}, this constructs {@link Node} directly: no CLI protocol,
 * no entitlement agent, no bootstrap checks (which refuse root and demand production sysctls).
 */
public final class NodeMain {

    private static volatile Node node;
    private static boolean stopped;
    private static volatile boolean loggingConfigured;

    private NodeMain() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            // the (non-daemon) stdin watcher would otherwise keep a failed node's JVM around
            if (loggingConfigured) {
                LogManager.getLogger(NodeMain.class).error("the embedded node failed to start", t);
            } else {
                t.printStackTrace(); // the parent captures stderr in logs/child.log
            }
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Settings.Builder builder = Settings.builder();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            builder.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Settings input = builder.build();
        Path home = Path.of(input.get("path.home")).toAbsolutePath();

        // ES's own logging abstraction must be wired before anything logs through it.
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureESLogging();
        Environment env = InternalSettingsPreparer.prepareEnvironment(input, Map.of(), home.resolve("config"),
            () -> "stoa-embedded");
        LogConfigurator.setClusterName(env.settings().get("cluster.name"));
        LogConfigurator.setNodeName(env.settings().get("node.name"));
        LogConfigurator.configure(env, true); // reads config/log4j2.properties
        loggingConfigured = true;
        Logger log = LogManager.getLogger(NodeMain.class);

        // Stop on SIGTERM (Process.destroy) as well as on stdin EOF.
        Runtime.getRuntime().addShutdownHook(new Thread(NodeMain::stop, "stoa-es-shutdown"));
        startStdinWatcher(log);

        var modules = PluginsLoader.loadModulesBundles(env.modulesDir(), false);
        var pluginsLoader = PluginsLoader.createPluginsLoader(modules, Set.of(), Map.of());
        Node created = new Node(env, pluginsLoader);
        synchronized (NodeMain.class) {
            if (stopped) {
                created.close();
                return;
            }
            node = created;
        }
        created.start();
        log.info("embedded node started with modules {}", pluginsLoader.moduleDescriptors().stream().map(d -> d.getName()).toList());
    }

    /**
     * The parent keeps our stdin open for as long as it wants us alive; EOF means it closed it or died. Not a daemon:
     * ES's own threads are daemons, so this thread is also what keeps the JVM alive once main() returns.
     */
    private static void startStdinWatcher(Logger log) {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing to read: the parent never writes, it only holds the pipe open
                }
            } catch (IOException e) {
                // a broken pipe means the same as EOF
            }
            log.info("stdin closed: the parent is gone or asked us to stop");
            System.exit(0); // runs the shutdown hook, which closes the node
        }, "stoa-es-stdin-watcher");
        watcher.setDaemon(false);
        watcher.start();
    }

    private static void stop() {
        Node toClose;
        synchronized (NodeMain.class) {
            if (stopped) {
                return;
            }
            stopped = true;
            toClose = node;
        }
        try {
            if (toClose != null) {
                toClose.prepareForClose();
                toClose.close();
                if (!toClose.awaitClose(10, TimeUnit.SECONDS)) {
                    LogManager.getLogger(NodeMain.class).warn("node did not stop within 10 seconds");
                }
            }
        } catch (Exception e) {
            LogManager.getLogger(NodeMain.class).warn("failure while stopping the node", e);
        } finally {
            // log4j's own shutdown hook is disabled (-Dlog4j.shutdownHookEnabled=false) so the node can log to the end
            Configurator.shutdown((LoggerContext) LogManager.getContext(false));
        }
    }
}
