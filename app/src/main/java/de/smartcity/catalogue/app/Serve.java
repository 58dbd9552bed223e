package de.smartcity.catalogue.app;

import de.smartcity.catalogue.model.Source;
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
        List<Source> sources = Catalogue.configuredSources(Optional.of(Catalogue.DEMO_SOURCES));
        try (Catalogue catalogue = Catalogue.open(sources)) {
            IngestOnce.printSummary(IngestOnce.ingest(catalogue, sources), System.out);
            catalogue.indexer().indexPending();
            catalogue.itemIndex().refresh();
            return run(catalogue);
        }
    }

    static int serve(List<Source> sources) throws Exception {
        try (Catalogue catalogue = Catalogue.open(sources)) {
            return run(catalogue);
        }
    }

    private static int run(Catalogue catalogue) throws Exception {
        Main main = configure(catalogue, Integer.parseInt(Setting.HTTP_PORT.value()));
        main.run();
        return 0;
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
        main.configure().httpServer().withEnabled(true).withHost("0.0.0.0").withPort(port);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport mainSupport) {
                LOG.info("Catalogue ready: http://localhost:{}/", port);
            }
        });
        return main;
    }
}
