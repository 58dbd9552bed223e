package de.smartcity.catalogue.benchmarks;

import de.smartcity.catalogue.app.Catalogue;
import de.smartcity.catalogue.app.Setting;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.index.ItemIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary directory and a free port for the local Elasticsearch node, handed to the app through its system
 * properties, so that {@code Catalogue.open} sets up H2 and the node exactly as it does by default. The first data
 * directory is set on creation. A catalogue opened while another one's node runs on the port reuses that node.
 * Closing deletes the directory.
 */
final class Workspace implements AutoCloseable {
    private final Path root;
    private final int elasticsearchPort;

    private Workspace(Path root, int elasticsearchPort) {
        this.root = root;
        this.elasticsearchPort = elasticsearchPort;
    }

    static Workspace create(String name) throws IOException {
        // Readable by others: as root the app runs the node as a service account that must reach this directory.
        Path root = Files.createTempDirectory("catalogue-bench-" + name + "-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int port = freePortWithTransport();
        // The app's defaults, whatever the environment says: H2 in the data directory and a local node.
        System.setProperty(Setting.DB_URL.systemProperty(), "");
        System.setProperty(Setting.ES_URL.systemProperty(), "");
        System.setProperty(Setting.ES_LOCAL_PORT.systemProperty(), String.valueOf(port));
        Workspace workspace = new Workspace(root, port);
        workspace.useNewDataDir("data");
        return workspace;
    }

    /** Points the app at a new, empty data directory: the next {@code Catalogue.open} gets a fresh H2 database. */
    void useNewDataDir(String name) throws IOException {
        Path dataDir = Files.createDirectory(root.resolve(name));
        System.setProperty(Setting.DATA_DIR.systemProperty(), dataDir.toString());
    }

    /**
     * Opens the app on a new data directory with a new, empty index, reusing the running node.
     *
     * @param node the index of a catalogue that stays open; the alias it shares with the last catalogue is dropped first
     */
    Catalogue openFresh(String name, ItemIndex node, List<Source> sources) throws Exception {
        for (String index : node.currentIndices()) {
            node.client().indices().delete(request -> request.index(index));
        }
        useNewDataDir(name);
        return Catalogue.open(sources);
    }

    /** A new, empty directory in the workspace, e.g. the data directory of another process. */
    Path newDirectory(String name) throws IOException {
        return Files.createDirectory(root.resolve(name));
    }

    String elasticsearchUrl() {
        return "http://127.0.0.1:" + elasticsearchPort;
    }

    /** A free port on 127.0.0.1. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A free HTTP port whose transport port (100 above, see LocalNodeSettings) is free too. */
    private static int freePortWithTransport() throws IOException {
        while (true) {
            int port = freePort();
            if (port + 100 <= 65535 && isFree(port + 100)) {
                return port;
            }
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}
