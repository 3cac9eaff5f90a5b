package dev.stoa.embedded.elasticsearch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of the child JVM: JVM options, then node settings as {@code key=value} arguments. */
final class NodeCommand {

    private NodeCommand() {}

    /**
     * Tags our child JVMs with their data directory: {@link PidFile} only ever stops a process carrying this very tag.
     * (Homes may be shared by the nodes of several data directories.)
     */
    static String dataMarker(Path dataDir) {
        return "-Dstoa.embedded.elasticsearch.data=" + dataDir;
    }

    /** The tag of nodes started by earlier versions, which named their home, always {@code <dataDir>/home}. */
    static String homeMarker(Path home) {
        return "-Dstoa.embedded.elasticsearch.home=" + home;
    }

    static List<String> build(String java, EmbeddedElasticsearchSettings settings, Path home, int httpPort,
                              List<String> classDataOptions) {
        Path dataDir = settings.dataDir();
        Path logs = dataDir.resolve("logs");
        List<String> cmd = new ArrayList<>(List.of(
            java,
            dataMarker(dataDir), // first, so that it survives any truncation of the command line by ps or ProcessHandle
            "-Xms" + settings.heapMb() + "m",
            "-Xmx" + settings.heapMb() + "m",
            // from ES's own system JVM options (server-cli's SystemJvmOptions, which we do not run)
            "-XX:+UseG1GC",
            "-Xss1m",
            "-XX:-OmitStackTraceInFastThrow",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "-Djava.locale.providers=CLDR",
            "-Dio.netty.noUnsafe=true",
            "-Dio.netty.noKeySetOptimization=true",
            "-Dio.netty.recycler.maxCapacityPerThread=0",
            "-Dlog4j.shutdownHookEnabled=false",
            "-Dlog4j2.disable.jmx=true",
            "-Dlog4j2.formatMsgNoLookups=true",
            "--enable-native-access=org.elasticsearch.nativeaccess,org.elasticsearch.foreign,org.apache.lucene.core",
            // Lucene's vectorised code paths (postings decoding, vector scoring); the JVM notes it once on stderr
            "--add-modules=jdk.incubator.vector",
            // no bootstrap here, so no ElasticsearchUncaughtExceptionHandler to die on an OOM
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:ErrorFile=" + logs.resolve("hs_err_pid%p.log"),
            "-Djava.io.tmpdir=" + dataDir.resolve("tmp"),
            // native libraries (libzstd) are looked up under es.path.home; the native vector library is not shipped
            "-Des.path.home=" + home,
            "-Des.path.conf=" + home.resolve("config"),
            "-Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false"));
        cmd.addAll(classDataOptions);
        cmd.addAll(List.of(
            // the server is a named module (the netty4 module layer requires org.elasticsearch.server)
            "--module-path", home.resolve("lib").toString(),
            "--add-modules=ALL-MODULE-PATH",
            "-cp", home.resolve(Distribution.LAUNCHER_JAR).toString(),
            EmbeddedElasticsearch.LAUNCHER_CLASS));
        cmd.addAll(List.of(
            "cluster.name=stoa",
            "node.name=stoa-embedded",
            "path.home=" + home,
            "path.data=" + dataDir.resolve("data"),
            "path.logs=" + logs,
            "discovery.type=single-node",
            "network.host=127.0.0.1",
            "http.port=" + httpPort,
            "transport.port=0",
            // a developer's nearly full disk must not turn indices read-only
            "cluster.routing.allocation.disk.threshold_enabled=false"));
        return cmd;
    }
}
