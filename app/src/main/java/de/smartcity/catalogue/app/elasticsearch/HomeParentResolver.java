package de.smartcity.catalogue.app.elasticsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where the node lives. Normally that is the requested directory. When the node runs under
 * the unprivileged service account (we are root), every ancestor of its directory must be
 * traversable by others; if one is not (e.g. {@code /root}, mode 0700), the node moves to a
 * fallback directory named after a short hash of the requested one, so each caller keeps its own.
 */
final class HomeParentResolver {

    static final Path DEFAULT_FALLBACK_ROOT = Path.of("/var/tmp/smart-city-catalogue");

    private static final Logger LOG = LoggerFactory.getLogger(HomeParentResolver.class);

    private HomeParentResolver() {
    }

    static Path resolve(Path requested, boolean viaServiceAccount, Path fallbackRoot) {
        Path absolute = requested.toAbsolutePath().normalize();
        if (!viaServiceAccount) {
            return absolute;
        }
        Optional<Path> blocking = firstNonTraversableAncestor(absolute);
        if (blocking.isEmpty()) {
            return absolute;
        }
        Path fallback = fallbackFor(absolute, fallbackRoot);
        LOG.info("Elasticsearch runs as a service account that cannot traverse {}; using {} instead of {}",
                blocking.get(), fallback, absolute);
        return fallback;
    }

    /**
     * The first existing directory on the way from {@code /} to {@code dir} (inclusive) that others
     * may not enter. Directories that do not exist yet are created later with mode 0755.
     */
    static Optional<Path> firstNonTraversableAncestor(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path current = absolute.getRoot();
        for (Path name : absolute) {
            current = current.resolve(name);
            if (!Files.isDirectory(current)) {
                return Optional.empty();
            }
            if (!othersMayTraverse(current)) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }

    /** Creates {@code dir} and its missing ancestors, each new one with mode 0755. */
    static void createTraversable(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Path current = absolute.getRoot();
        for (Path name : absolute) {
            current = current.resolve(name);
            if (!Files.isDirectory(current)) {
                try {
                    Files.createDirectory(current);
                    Files.setPosixFilePermissions(current, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (FileAlreadyExistsException raced) {
                    // someone else created it meanwhile; fine
                }
            }
        }
    }

    static Path fallbackFor(Path requested, Path fallbackRoot) {
        return fallbackRoot.resolve(shortHash(requested.toAbsolutePath().normalize().toString()));
    }

    private static boolean othersMayTraverse(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
