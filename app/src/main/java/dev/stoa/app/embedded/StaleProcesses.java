package dev.stoa.app.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Stops a postmaster left running on our data directory by an earlier run that could not stop it. */
final class StaleProcesses {
    private StaleProcesses() {}

    static void stopPostmaster(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) return;
            Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
            if (handle.isPresent() && handle.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
                handle.get().destroy();
                handle.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (IOException | NumberFormatException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            // not ours, already gone, or unreadable: PostgreSQL itself reports a real conflict
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
