package de.smartcity.catalogue.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionInstallerTest {

    @TempDir
    Path temp;

    private Path distribution;
    private Path parent;
    private final Path javaHome = Path.of("/opt/some-jdk");

    @BeforeEach
    void createFakeDistribution() throws IOException {
        distribution = FakeDistribution.create(temp.resolve("elasticsearch.zip"));
        parent = temp.resolve("nodes");
    }

    private Path plugin(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    @Test
    void unpacksIntoTheZipsTopDirectoryKeepingScriptsExecutable() throws IOException {
        Path home = DistributionInstaller.install(distribution, List.of(), parent, javaHome);

        assertThat(home).isEqualTo(parent.resolve(FakeDistribution.TOP));
        assertThat(home.resolve("config/elasticsearch.yml")).hasContent("# original");
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/elasticsearch")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.getPosixFilePermissions(home.resolve("config/elasticsearch.yml")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        assertThat(home.resolve(DistributionInstaller.MARKER)).exists();
        try (Stream<Path> leftovers = Files.list(parent)) {
            assertThat(leftovers).containsExactly(home);
        }
    }

    @Test
    void installsEveryPluginInBatchModeFromAFileUri() throws IOException {
        Path first = plugin("first-plugin.zip", "one");
        Path second = plugin("second-plugin.zip", "two");

        Path home = DistributionInstaller.install(distribution, List.of(first, second), parent, javaHome);

        assertThat(Files.readAllLines(home.resolve("installed-plugins.txt"))).containsExactly(
                "install --batch " + first.toUri() + " ES_JAVA_HOME=/opt/some-jdk",
                "install --batch " + second.toUri() + " ES_JAVA_HOME=/opt/some-jdk");
    }

    @Test
    void keepsAnInstallationWhoseDistributionAndPluginsAreUnchanged() throws IOException {
        Path plugin = plugin("german-analysis-plugin.zip", "v1");
        Path home = DistributionInstaller.install(distribution, List.of(plugin), parent, javaHome);
        Files.writeString(home.resolve("kept.txt"), "still here");

        DistributionInstaller.install(distribution, List.of(plugin), parent, javaHome);

        assertThat(home.resolve("kept.txt")).exists();
        assertThat(Files.readAllLines(home.resolve("installed-plugins.txt"))).hasSize(1);
    }

    @Test
    void reinstallsWhenAPluginZipChanges() throws IOException {
        Path plugin = plugin("german-analysis-plugin.zip", "v1");
        Path home = DistributionInstaller.install(distribution, List.of(plugin), parent, javaHome);
        Files.writeString(home.resolve("stale.txt"), "from the old installation");

        Files.writeString(plugin, "v2");
        DistributionInstaller.install(distribution, List.of(plugin), parent, javaHome);

        assertThat(home.resolve("stale.txt")).doesNotExist();
        assertThat(Files.readAllLines(home.resolve("installed-plugins.txt"))).hasSize(1);
    }

    @Test
    void reinstallsWhenThePluginListChanges() throws IOException {
        Path plugin = plugin("german-analysis-plugin.zip", "v1");
        Path home = DistributionInstaller.install(distribution, List.of(), parent, javaHome);
        assertThat(home.resolve("installed-plugins.txt")).doesNotExist();

        DistributionInstaller.install(distribution, List.of(plugin), parent, javaHome);

        assertThat(home.resolve("installed-plugins.txt")).exists();
    }

    @Test
    void reportsTheInstallersOutputWhenAPluginFailsAndInstallsAgainNextTime() throws IOException {
        Path bad = plugin("bad-plugin.zip", "broken");

        assertThatThrownBy(() -> DistributionInstaller.install(distribution, List.of(bad), parent, javaHome))
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("bad-plugin.zip")
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("ERROR: this plugin is broken");
        assertThat(parent.resolve(FakeDistribution.TOP).resolve(DistributionInstaller.MARKER)).doesNotExist();
    }

    @Test
    void refusesAZipThatIsNotShapedLikeADistribution() throws IOException {
        Path notDistribution = temp.resolve("loose.zip");
        try (FileSystem fs = FileSystems.newFileSystem(notDistribution, Map.of("create", "true"))) {
            Files.writeString(fs.getPath("/a.txt"), "a");
            Files.writeString(fs.getPath("/b.txt"), "b");
        }

        assertThatThrownBy(() -> DistributionInstaller.install(notDistribution, List.of(), parent, javaHome))
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("expected one top-level directory");
    }
}
