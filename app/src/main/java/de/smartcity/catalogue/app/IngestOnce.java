package de.smartcity.catalogue.app;

import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.IngestOutcome;
import de.smartcity.catalogue.routes.IngestRoutes;
import de.smartcity.catalogue.routes.IngestSteps;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * {@code ingest --once}: every source once through the ingest route, a summary line per source, then index.
 * Exits 1 when no source worked or Elasticsearch did not take the items (they stay pending for the next run).
 */
public final class IngestOnce {
    /** Sources are fetched a few at a time: enough to hide network waits, few enough for a 2-core machine. */
    private static final int PARALLEL_SOURCES = 4;

    private IngestOnce() {
    }

    static int run(List<Source> sources, PrintStream out) throws Exception {
        try (Catalogue catalogue = Catalogue.open(sources)) {
            // The file's sources as admins left them, and those admins made; paused ones wait.
            List<Source> polled = catalogue.sources();
            List<IngestOutcome> outcomes = ingest(catalogue, polled);
            printSummary(outcomes, out);
            try {
                long indexed = catalogue.indexer().indexPending();
                catalogue.itemIndex().refresh();
                out.printf("Indexed %d item(s); %d item(s) in the catalogue.%n", indexed, catalogue.itemStore().count());
            } catch (IOException e) {
                // Stored is stored: the database keeps the items as pending until Elasticsearch acknowledges them.
                out.printf("Not indexed: %s%n%d item(s) stay pending; the next ingest or serve sends them to Elasticsearch.%n",
                        e.getMessage(), catalogue.itemStore().countNotYetIndexed());
                return 1;
            }
            boolean anySucceeded = outcomes.stream().anyMatch(IngestOutcome::succeeded);
            return anySucceeded || polled.isEmpty() ? 0 : 1;
        }
    }

    /** Runs every source through the ingest route and returns how each ended, in the order given. */
    public static List<IngestOutcome> ingest(Catalogue catalogue, List<Source> sources) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            for (RouteConfigurationBuilder configuration : catalogue.routeConfigurations()) {
                camel.addRoutes(configuration);
            }
            camel.addRoutes(catalogue.ingestRoutes(false, false));
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_SOURCES);
            try {
                List<Future<IngestOutcome>> pending = new ArrayList<>();
                for (Source source : sources) {
                    pending.add(pool.submit(() -> {
                        Exchange done = producer.send(IngestRoutes.INGEST,
                                exchange -> exchange.getMessage().setHeader(IngestSteps.SOURCE_ID, source.id()));
                        return done.getProperty(IngestSteps.OUTCOME, IngestOutcome.class);
                    }));
                }
                List<IngestOutcome> outcomes = new ArrayList<>();
                for (Future<IngestOutcome> outcome : pending) {
                    outcomes.add(outcome.get());
                }
                return outcomes;
            } finally {
                pool.shutdown();
            }
        }
    }

    static void printSummary(List<IngestOutcome> outcomes, PrintStream out) {
        int width = outcomes.stream().mapToInt(outcome -> outcome.sourceId().length()).max().orElse(10);
        for (IngestOutcome outcome : outcomes) {
            String line = outcome.notModified() ? "ok      not modified (HTTP 304)" : outcome.stored()
                    .map(result -> "ok      %d new, %d merged, %d changed, %d unchanged".formatted(result.inserted(),
                            result.merged(), result.changed(), result.unchanged()))
                    .orElse("FAILED  " + outcome.error());
            out.printf("%-" + width + "s  %s%n", outcome.sourceId(), line);
        }
        long failed = outcomes.stream().filter(outcome -> !outcome.succeeded()).count();
        out.printf("%d source(s), %d ok, %d failed.%n", outcomes.size(), outcomes.size() - failed, failed);
    }
}
