package de.smartcity.catalogue.app.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** Builds small zips shaped like the Elasticsearch distribution, with shell scripts in place of the tools. */
final class FakeDistribution {

    static final String TOP = "elasticsearch-fake";

    private FakeDistribution() {
    }

    /**
     * A distribution whose {@code bin/elasticsearch-plugin} appends its arguments and ES_JAVA_HOME to
     * {@code installed-plugins.txt} (failing for zips named {@code bad*}) and whose
     * {@code bin/elasticsearch} is the given script body.
     */
    static Path create(Path zip, String elasticsearchScript) throws IOException {
        String pluginScript = """
                #!/bin/sh
                case "$3" in *bad*) echo "ERROR: this plugin is broken" >&2; exit 3;; esac
                echo "$* ES_JAVA_HOME=$ES_JAVA_HOME" >> "$(dirname "$0")/../installed-plugins.txt"
                """;
        URI uri = URI.create("jar:" + zip.toUri());
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true",
                "enablePosixFileAttributes", "true"))) {
            Path top = fs.getPath("/" + TOP);
            Files.createDirectories(top.resolve("bin"));
            Files.createDirectories(top.resolve("config"));
            Files.createDirectories(top.resolve("modules/x-pack-security"));
            Files.writeString(top.resolve("config/elasticsearch.yml"), "# original\n");
            executable(Files.writeString(top.resolve("bin/elasticsearch-plugin"), pluginScript));
            executable(Files.writeString(top.resolve("bin/elasticsearch"), elasticsearchScript));
        }
        return zip;
    }

    static Path create(Path zip) throws IOException {
        return create(zip, "#!/bin/sh\necho started\n");
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
