package de.smartcity.catalogue.app.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a JDK 21 or newer for Elasticsearch (the integ-test-zip has no bundled JDK).
 *
 * <p>Order: the configured JDK, {@code ES_JAVA_HOME}, {@code JAVA_HOME}, the running JVM, then the
 * newest JDK under {@code /usr/lib/jvm}. A configured JDK and {@code ES_JAVA_HOME} are explicit
 * choices: when they are unusable the lookup fails instead of quietly taking another JDK.
 * {@code JAVA_HOME} is only a hint: when it is too old, the lookup goes on.
 */
final class JavaHomeLocator {

    static final int MINIMUM_FEATURE_VERSION = 21;
    static final String INSTALL_HINT = "Install a JDK 21 or newer (e.g. apt-get install openjdk-21-jdk-headless"
            + " or Temurin) or set ES_JAVA_HOME";

    private static final Logger LOG = LoggerFactory.getLogger(JavaHomeLocator.class);

    private final Map<String, String> env;
    private final Path runningJavaHome;
    private final int runningFeatureVersion;
    private final Path jvmRoot;

    JavaHomeLocator(Map<String, String> env, Path runningJavaHome, int runningFeatureVersion, Path jvmRoot) {
        this.env = Map.copyOf(env);
        this.runningJavaHome = runningJavaHome;
        this.runningFeatureVersion = runningFeatureVersion;
        this.jvmRoot = jvmRoot;
    }

    static JavaHomeLocator forThisMachine() {
        return new JavaHomeLocator(System.getenv(), Path.of(System.getProperty("java.home")),
                Runtime.version().feature(), Path.of("/usr/lib/jvm"));
    }

    /** Returns the JDK to use, or fails with a message that says what to install. */
    Path locate(Optional<Path> configured) {
        if (configured.isPresent()) {
            return requireUsable(configured.get(), "the configured javaHome");
        }
        String esJavaHome = env.get("ES_JAVA_HOME");
        if (isSet(esJavaHome)) {
            return requireUsable(Path.of(esJavaHome), "ES_JAVA_HOME");
        }
        String javaHome = env.get("JAVA_HOME");
        if (isSet(javaHome)) {
            Path candidate = Path.of(javaHome);
            if (hasJava(candidate) && featureVersion(candidate).orElse(0) >= MINIMUM_FEATURE_VERSION) {
                return candidate;
            }
            LOG.info("JAVA_HOME={} is not a JDK {}+, looking further", javaHome, MINIMUM_FEATURE_VERSION);
        }
        if (runningFeatureVersion >= MINIMUM_FEATURE_VERSION && hasJava(runningJavaHome)) {
            return runningJavaHome;
        }
        return newestUnder(jvmRoot).orElseThrow(() -> new LocalNodeException(
                "No JDK " + MINIMUM_FEATURE_VERSION + "+ found for Elasticsearch (looked at ES_JAVA_HOME, JAVA_HOME,"
                        + " the running JVM " + runningJavaHome + " and " + jvmRoot + "). " + INSTALL_HINT));
    }

    private static Path requireUsable(Path home, String origin) {
        if (!hasJava(home)) {
            throw new LocalNodeException(origin + " " + home + " has no bin/java. " + INSTALL_HINT);
        }
        OptionalInt version = featureVersion(home);
        if (version.isPresent() && version.getAsInt() < MINIMUM_FEATURE_VERSION) {
            throw new LocalNodeException(origin + " " + home + " is Java " + version.getAsInt()
                    + ", Elasticsearch needs " + MINIMUM_FEATURE_VERSION + "+. " + INSTALL_HINT);
        }
        return home;
    }

    private static Optional<Path> newestUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<Candidate> candidates = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(JavaHomeLocator::hasJava).forEach(dir -> releaseVersion(dir)
                    .filter(v -> v.feature() >= MINIMUM_FEATURE_VERSION)
                    .ifPresent(v -> candidates.add(new Candidate(dir, v))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
        return candidates.stream()
                .max(Comparator.comparing(Candidate::version).thenComparing(c -> c.home().toString()))
                .map(Candidate::home);
    }

    private record Candidate(Path home, Runtime.Version version) {
    }

    private static boolean hasJava(Path home) {
        return Files.isRegularFile(home.resolve("bin/java"));
    }

    private static OptionalInt featureVersion(Path home) {
        return releaseVersion(home).map(v -> OptionalInt.of(v.feature())).orElse(OptionalInt.empty());
    }

    /** Reads {@code JAVA_VERSION} from the JDK's {@code release} file. */
    static Optional<Runtime.Version> releaseVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(release, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "").trim())
                    .findFirst()
                    .flatMap(JavaHomeLocator::parseVersion);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<Runtime.Version> parseVersion(String text) {
        String normalised = text.startsWith("1.") ? text.substring(2).replace('_', '.') : text;
        try {
            return Optional.of(Runtime.Version.parse(normalised));
        } catch (IllegalArgumentException e) {
            String digits = normalised.replaceFirst("^(\\d+).*$", "$1");
            return digits.matches("\\d+") ? Optional.of(Runtime.Version.parse(digits)) : Optional.empty();
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
