package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code docker-compose.yml} passes Compose's own validation ({@code config}), which checks it
 * against the Compose schema and resolves its variables and build contexts without a Docker engine. CI installs
 * Compose, so the test runs there; elsewhere it is skipped when no Compose is installed.
 */
class DockerComposeFileTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void composeFilePassesComposeConfig() throws Exception {
        Optional<List<String>> compose = composeCommand();
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(compose.isPresent(), "neither 'docker compose' nor 'docker-compose' is installed");
        }
        assertThat(compose).as("Compose is installed in CI by bin/test-prerequisites").isPresent();

        Process config = new ProcessBuilder(Stream.concat(compose.get().stream(),
                Stream.of("--file", "docker-compose.yml", "config", "--quiet")).toList())
                .directory(REPOSITORY.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(config.exitValue()).as(output).isZero();
    }

    /** Compose v2 as a Docker CLI plugin, else the standalone {@code docker-compose}. */
    private static Optional<List<String>> composeCommand() throws InterruptedException {
        for (List<String> command : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            if (answers(command)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    private static boolean answers(List<String> command) throws InterruptedException {
        try {
            Process version = new ProcessBuilder(Stream.concat(command.stream(), Stream.of("version")).toList())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }
}
