package de.smartcity.catalogue.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeParentResolverTest {

    @TempDir
    Path temp;

    private Path open;
    private Path fallbackRoot;

    @BeforeEach
    void openTheTempDirForOthers() throws IOException {
        // @TempDir is created 0700, which would itself block the service account.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        open = Files.createDirectories(temp.resolve("open"));
        fallbackRoot = temp.resolve("fallback");
    }

    private static Path mode(Path dir, String permissions) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
        return dir;
    }

    @Test
    void keepsTheRequestedDirectoryWhenNotRunningAsServiceAccount() throws IOException {
        Path requested = mode(temp.resolve("private"), "rwx------").resolve("es");

        assertThat(HomeParentResolver.resolve(requested, false, fallbackRoot)).isEqualTo(requested);
    }

    @Test
    void keepsTheRequestedDirectoryWhenEveryAncestorIsTraversable() throws IOException {
        Path requested = mode(open.resolve("a"), "rwxr-x--x").resolve("b/es");

        assertThat(HomeParentResolver.resolve(requested, true, fallbackRoot)).isEqualTo(requested);
    }

    @Test
    void fallsBackWhenAnAncestorIsPrivateLikeRoot() throws IOException {
        Path requested = mode(open.resolve("root"), "rwx------").resolve(".m2/catalogue/es");

        Path resolved = HomeParentResolver.resolve(requested, true, fallbackRoot);

        assertThat(resolved.getParent()).isEqualTo(fallbackRoot);
        assertThat(resolved.getFileName().toString()).matches("[0-9a-f]{12}");
    }

    @Test
    void fallsBackWhenTheRequestedDirectoryItselfIsPrivate() throws IOException {
        Path requested = mode(open.resolve("es"), "rwx------");

        assertThat(HomeParentResolver.resolve(requested, true, fallbackRoot)).startsWithRaw(fallbackRoot);
    }

    @Test
    void namesTheFallbackStablyAndDistinctlyPerRequestedDirectory() throws IOException {
        Path privateDir = mode(open.resolve("root"), "rwx------");

        Path first = HomeParentResolver.resolve(privateDir.resolve("one"), true, fallbackRoot);
        Path again = HomeParentResolver.resolve(privateDir.resolve("x/../one"), true, fallbackRoot);
        Path other = HomeParentResolver.resolve(privateDir.resolve("two"), true, fallbackRoot);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void reportsTheFirstBlockingAncestor() throws IOException {
        Path outer = mode(open.resolve("outer"), "rwx------");
        mode(outer.resolve("inner"), "rwx------");

        assertThat(HomeParentResolver.firstNonTraversableAncestor(outer.resolve("inner/es"))).contains(outer);
        assertThat(HomeParentResolver.firstNonTraversableAncestor(open.resolve("missing/es"))).isEmpty();
    }

    @Test
    void createsMissingDirectoriesTraversableForOthers() throws IOException {
        Path dir = open.resolve("new/deeper");

        HomeParentResolver.createTraversable(dir);

        assertThat(Files.getPosixFilePermissions(open.resolve("new")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(HomeParentResolver.firstNonTraversableAncestor(dir)).isEmpty();
    }
}
