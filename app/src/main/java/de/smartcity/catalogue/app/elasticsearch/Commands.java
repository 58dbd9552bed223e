package de.smartcity.catalogue.app.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs short helper commands (useradd, chown, elasticsearch-plugin) and collects their output. */
final class Commands {

    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private Commands() {
    }

    static Result run(List<String> command, Path workDir, Map<String, String> extraEnv, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().putAll(extraEnv);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LocalNodeException("Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(
                () -> readAll(process.getInputStream()), task -> Thread.ofPlatform().daemon().start(task));
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LocalNodeException("Interrupted while running " + String.join(" ", command), e);
        }
        if (!finished) {
            process.destroyForcibly();
            throw new LocalNodeException(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), output.join());
    }

    static Result run(List<String> command, Duration timeout) {
        return run(command, null, Map.of(), timeout);
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
