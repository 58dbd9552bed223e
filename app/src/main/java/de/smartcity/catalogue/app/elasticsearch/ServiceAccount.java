package de.smartcity.catalogue.app.elasticsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch refuses to run as root. When we are root, the node runs as this unprivileged
 * system account, which gets the node's directories and is entered with {@code runuser}.
 */
final class ServiceAccount {

    static final String NAME = "catalogue-es";

    private static final Logger LOG = LoggerFactory.getLogger(ServiceAccount.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private ServiceAccount() {
    }

    /** True when this JVM runs with effective uid 0. */
    static boolean runningAsRoot() {
        try {
            OptionalInt uid = effectiveUid(Files.readString(Path.of("/proc/self/status"), StandardCharsets.UTF_8));
            if (uid.isPresent()) {
                return uid.getAsInt() == 0;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: fall back to the user name
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** The effective uid from a {@code /proc/<pid>/status} text ("Uid: real effective saved fs"). */
    static OptionalInt effectiveUid(String procStatus) {
        return procStatus.lines()
                .filter(line -> line.startsWith("Uid:"))
                .map(line -> line.substring("Uid:".length()).trim().split("\\s+"))
                .filter(fields -> fields.length >= 2 && fields[1].matches("\\d+"))
                .mapToInt(fields -> Integer.parseInt(fields[1]))
                .findFirst();
    }

    /** Creates the system account unless it exists. */
    static void ensureExists() {
        if (Commands.run(List.of("id", "-u", NAME), COMMAND_TIMEOUT).succeeded()) {
            return;
        }
        LOG.info("Creating system account {} to run Elasticsearch (it refuses to run as root)", NAME);
        Commands.Result created = Commands.run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                "--shell", "/usr/sbin/nologin", NAME), COMMAND_TIMEOUT);
        // exit code 9: created meanwhile by a concurrent start
        if (!created.succeeded() && created.exitCode() != 9) {
            throw new LocalNodeException("Cannot create the system account " + NAME + " (useradd exit code "
                    + created.exitCode() + "): " + created.output().strip());
        }
    }

    /** Gives the account the given directories, recursively. */
    static void grant(List<Path> dirs) {
        List<String> command = new ArrayList<>(List.of("chown", "-R", NAME + ":" + NAME));
        dirs.forEach(dir -> command.add(dir.toString()));
        Commands.Result result = Commands.run(command, COMMAND_TIMEOUT);
        if (!result.succeeded()) {
            throw new LocalNodeException("Cannot give " + dirs + " to " + NAME + ": " + result.output().strip());
        }
    }

    /** The command that runs {@code command} as the account, environment preserved. */
    static List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        wrapped.addAll(command);
        return wrapped;
    }
}
