package de.smartcity.catalogue.app;

import com.zaxxer.hikari.HikariDataSource;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.store.ApiKeyStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.main.Main;

/**
 * The app as {@code serve} runs it, for integration tests: the catalogue opened on the given sources, Camel Main
 * with polling and the API on a free port, and a client for that port.
 */
record ServedCatalogue(Catalogue catalogue, Main server, ApiClient api) implements AutoCloseable {

    static ServedCatalogue start(List<Source> sources) throws Exception {
        return start(sources, freePort());
    }

    /** On a given port: a restarted app keeps its address, as browsers and feed readers expect. */
    static ServedCatalogue start(List<Source> sources, int port) throws Exception {
        Catalogue catalogue = Catalogue.open(sources);
        Main server = Serve.configure(catalogue, port);
        server.start();
        return new ServedCatalogue(catalogue, server, new ApiClient(port));
    }

    /**
     * The demo as {@code demo} serves it: in a data directory of its own (see {@link ItDataDir}), the bundled sources
     * ingested once, then served. The test gives the data directory back with {@link ItDataDir#restore()}.
     */
    static ServedCatalogue demo(String dataDirName) throws Exception {
        ItDataDir.enter(dataDirName);
        List<Source> sources = Catalogue.configuredSources(Optional.of(Catalogue.DEMO_SOURCES));
        if (IngestOnce.run(sources, new PrintStream(OutputStream.nullOutputStream())) != 0) {
            throw new IllegalStateException("The demo sources could not be ingested");
        }
        return start(sources);
    }

    /**
     * A new key of this role, stored as {@code bin/catalogue apikey create} stores it, in the database of the data
     * directory the test is in; the token, as the command prints it once.
     */
    static String storeKey(String name, Role role) throws Exception {
        try (HikariDataSource database = Catalogue.openDatabase()) {
            return new ApiKeyStore(database).create(name, role, Instant.now()).token();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stop();
        catalogue.close();
    }
}
