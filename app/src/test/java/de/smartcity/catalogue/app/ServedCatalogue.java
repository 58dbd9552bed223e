package de.smartcity.catalogue.app;

import de.smartcity.catalogue.model.Source;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.apache.camel.main.Main;

/**
 * The app as {@code serve} runs it, for integration tests: the catalogue opened on the given sources, Camel Main
 * with polling and the API on a free port, and a client for that port.
 */
record ServedCatalogue(Catalogue catalogue, Main server, ApiClient api) implements AutoCloseable {

    static ServedCatalogue start(List<Source> sources) throws Exception {
        Catalogue catalogue = Catalogue.open(sources);
        int port = freePort();
        Main server = Serve.configure(catalogue, port);
        server.start();
        return new ServedCatalogue(catalogue, server, new ApiClient(port));
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
