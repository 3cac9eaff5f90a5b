package dev.stoa.embedded.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in for the app in its own JVM: starts a node, reports the child's pid, then waits to be killed. */
public final class ParentJvm {

    static final String CHILD_PID = "CHILD_PID=";

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        var es = EmbeddedElasticsearch.start(EmbeddedElasticsearchSettings.defaults(dataDir));
        System.out.println(CHILD_PID + Files.readString(dataDir.resolve("es.pid")).trim());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        es.close(); // unreachable: the test kills this JVM with SIGKILL, so no shutdown hook runs
    }
}
