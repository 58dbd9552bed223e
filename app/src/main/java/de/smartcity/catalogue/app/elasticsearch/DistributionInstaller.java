package de.smartcity.catalogue.app.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks the distribution and installs the plugins, once. A marker file in the node's home
 * records the SHA-256 of the distribution and of every plugin zip; when any of them changes, the
 * home is thrown away and installed afresh. Data and logs live outside the home and survive.
 */
final class DistributionInstaller {

    static final String MARKER = ".catalogue-installed";

    private static final Logger LOG = LoggerFactory.getLogger(DistributionInstaller.class);
    private static final Duration PLUGIN_INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private DistributionInstaller() {
    }

    /** Returns the node's home, {@code <parent>/<the zip's top directory>}, installed and up to date. */
    static Path install(Path distributionZip, List<Path> pluginZips, Path parent, Path javaHome) {
        try {
            Path home = parent.resolve(topDirectory(distributionZip));
            String expected = marker(distributionZip, pluginZips);
            Path marker = home.resolve(MARKER);
            if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(expected)) {
                LOG.info("Elasticsearch already installed in {}", home);
                return home;
            }
            if (Files.exists(home)) {
                LOG.info("Distribution or plugins changed; reinstalling Elasticsearch in {}", home);
                deleteRecursively(home);
            }
            unpack(distributionZip, parent, home);
            for (Path plugin : pluginZips) {
                installPlugin(home, plugin, javaHome);
            }
            Files.writeString(marker, expected, StandardCharsets.UTF_8);
            return home;
        } catch (IOException e) {
            throw new LocalNodeException("Cannot install Elasticsearch from " + distributionZip + " into " + parent
                    + ": " + e.getMessage(), e);
        }
    }

    /** The marker's text: one line per zip with its SHA-256 and file name. */
    static String marker(Path distributionZip, List<Path> pluginZips) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("distribution ").append(sha256(distributionZip)).append(' ')
                .append(distributionZip.getFileName()).append('\n');
        for (Path plugin : pluginZips) {
            text.append("plugin ").append(sha256(plugin)).append(' ').append(plugin.getFileName()).append('\n');
        }
        return text.toString();
    }

    /** The single top-level directory every entry of the distribution lives in, e.g. {@code elasticsearch-9.1.0}. */
    static String topDirectory(Path zip) throws IOException {
        try (FileSystem zipFs = FileSystems.newFileSystem(zip); Stream<Path> top = Files.list(zipFs.getPath("/"))) {
            List<Path> entries = top.toList();
            if (entries.size() != 1 || !Files.isDirectory(entries.get(0))) {
                throw new LocalNodeException(zip + " is not an Elasticsearch distribution: expected one top-level"
                        + " directory, found " + entries);
            }
            return entries.get(0).getFileName().toString().replace("/", "");
        }
    }

    private static void unpack(Path zip, Path parent, Path home) throws IOException {
        LOG.info("Unpacking {} into {}", zip, home);
        long started = System.nanoTime();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".unpacking-");
        try (FileSystem zipFs = FileSystems.newFileSystem(zip,
                Map.of("enablePosixFileAttributes", "true", "defaultPermissions", "rw-r--r--"))) {
            Path zipRoot = zipFs.getPath("/");
            try (Stream<Path> entries = Files.walk(zipRoot)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    extract(zipRoot, entry, staging);
                }
            }
            Files.move(staging.resolve(home.getFileName().toString()), home, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteRecursively(staging);
        }
        LOG.info("Unpacked Elasticsearch in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void extract(Path zipRoot, Path entry, Path target) throws IOException {
        Path destination = target.resolve(zipRoot.relativize(entry).toString()).normalize();
        if (!destination.startsWith(target)) {
            throw new LocalNodeException("Refusing zip entry outside the target directory: " + entry);
        }
        if (Files.isDirectory(entry)) {
            Files.createDirectories(destination);
            return;
        }
        Files.createDirectories(destination.getParent());
        try (InputStream in = Files.newInputStream(entry)) {
            Files.copy(in, destination);
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(entry);
        if (mode.contains(PosixFilePermission.OWNER_EXECUTE)) {
            Files.setPosixFilePermissions(destination, Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
        }
    }

    private static void installPlugin(Path home, Path pluginZip, Path javaHome) {
        LOG.info("Installing Elasticsearch plugin {}", pluginZip);
        Commands.Result result = Commands.run(
                List.of(home.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch",
                        pluginZip.toAbsolutePath().toUri().toString()),
                home, Map.of("ES_JAVA_HOME", javaHome.toString()), PLUGIN_INSTALL_TIMEOUT);
        if (!result.succeeded()) {
            throw new LocalNodeException("Installing plugin " + pluginZip + " failed (exit code " + result.exitCode()
                    + "):\n" + result.output().strip());
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
