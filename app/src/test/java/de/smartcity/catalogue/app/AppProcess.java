package de.smartcity.catalogue.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The app as a child process, started as {@code bin/catalogue} starts it (the built jar, on the JDK running the
 * tests), so that a test can kill it for real. Its output goes to a file in the data directory.
 */
final class AppProcess {
    private final Process process;
    private final Path output;

    private AppProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * @param settings passed as environment variables, on top of the test's own
     * @param args     the command line, e.g. {@code ingest --once --sources FILE}
     */
    static AppProcess start(Path dataDir, Map<Setting, String> settings, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("basedir", "."), "target", "catalogue.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No app jar at " + jar + "; the package phase builds it before the integration tests");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(dataDir, args[0] + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        settings.forEach((setting, value) -> builder.environment().put(setting.environmentVariable(), value));
        return new AppProcess(builder.start(), output);
    }

    /** SIGKILL: no shutdown hook, no close, no flush; whatever was under way stops where it was. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an operator stops it. */
    int stop(Duration patience) throws InterruptedException {
        process.destroy();
        return awaitExit(patience);
    }

    int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The app did not exit within " + patience.toSeconds() + " s. Its output:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e.getMessage() + ")";
        }
    }
}
