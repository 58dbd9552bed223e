package de.smartcity.catalogue.app;

import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.search.web.WebPage;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code serve} and {@code demo}: Camel Main with the ingest routes polling every source and the search API. */
final class Serve {
    private static final Logger LOG = LoggerFactory.getLogger(Serve.class);

    private Serve() {
    }

    /** The demo: bundled sources ingested once (so the first page already has data), then served and polled. */
    static int demo() throws Exception {
        int port = freeHttpPort();
        List<Source> sources = Catalogue.configuredSources(Optional.of(Catalogue.DEMO_SOURCES));
        try (Catalogue catalogue = Catalogue.open(sources)) {
            IngestOnce.printSummary(IngestOnce.ingest(catalogue, sources), System.out);
            catalogue.indexer().indexPending();
            catalogue.itemIndex().refresh();
            return run(catalogue, port);
        }
    }

    static int serve(List<Source> sources) throws Exception {
        int port = freeHttpPort();
        try (Catalogue catalogue = Catalogue.open(sources)) {
            return run(catalogue, port);
        }
    }

    private static int run(Catalogue catalogue, int port) throws Exception {
        Main main = configure(catalogue, port);
        main.run();
        return 0;
    }

    /**
     * The API's port, checked before anything starts: Camel only logs a port it cannot bind and runs on, polling
     * without an API, which looks like a catalogue that hangs.
     */
    static int freeHttpPort() throws IOException {
        int port = Integer.parseInt(Setting.HTTP_PORT.value());
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("0.0.0.0", port));
        } catch (BindException e) {
            throw new IllegalStateException("Port " + port + " is in use by another program: stop it, or give the "
                    + "catalogue another port with " + Setting.HTTP_PORT.environmentVariable(), e);
        }
        return port;
    }

    /** Camel Main with the polling routes, the search API, the write side, the web page and their error handling, not yet started. */
    static Main configure(Catalogue catalogue, int port) {
        Main main = new Main();
        main.configure().withAdditionalRoutesBuilder(catalogue.ingestRoutes(true, true));
        main.configure().withAdditionalRoutesBuilder(catalogue.searchApiRoutes());
        main.configure().withAdditionalRoutesBuilder(catalogue.curationRoutes());
        main.configure().withAdditionalRoutesBuilder(catalogue.webPageRoutes(port));
        catalogue.routeConfigurations().forEach(main.configure()::withAdditionalRoutesBuilder);
        main.configure().withName("smart-city-catalogue");
        // Nothing the API takes is a file upload; without this Vert.x would write multipart parts to disk.
        main.configure().httpServer().withEnabled(true).withHost("0.0.0.0").withPort(port)
                .withMaxBodySize(WebPage.MAX_REQUEST_BODY_BYTES).withFileUploadEnabled(false);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport mainSupport) {
                LOG.info("Catalogue ready: http://localhost:{}/", port);
            }
        });
        return main;
    }
}
