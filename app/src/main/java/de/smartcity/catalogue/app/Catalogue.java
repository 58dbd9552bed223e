package de.smartcity.catalogue.app;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import de.smartcity.catalogue.app.elasticsearch.LocalElasticsearchNode;
import de.smartcity.catalogue.app.elasticsearch.LocalNodeSettings;
import de.smartcity.catalogue.model.AddressGuard;
import de.smartcity.catalogue.model.AllowList;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectsFile;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourcesFile;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import de.smartcity.catalogue.routes.IngestErrorHandling;
import de.smartcity.catalogue.routes.IngestRoutes;
import de.smartcity.catalogue.routes.IngestSteps;
import de.smartcity.catalogue.routes.PollingSteps;
import de.smartcity.catalogue.routes.SourceRegistry;
import de.smartcity.catalogue.routes.ProjectCatalogue;
import de.smartcity.catalogue.routes.fetch.BodyReader;
import de.smartcity.catalogue.routes.fetch.FetchSettings;
import de.smartcity.catalogue.routes.index.ElasticsearchClients;
import de.smartcity.catalogue.routes.index.ItemIndex;
import de.smartcity.catalogue.routes.index.ItemIndexer;
import de.smartcity.catalogue.routes.index.ProjectIndex;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.poll.IngestCounters;
import de.smartcity.catalogue.routes.poll.PollingPolicy;
import de.smartcity.catalogue.routes.poll.PollingSettings;
import de.smartcity.catalogue.curation.CurationRoutes;
import de.smartcity.catalogue.curation.EditorialService;
import de.smartcity.catalogue.curation.ReviewQueue;
import de.smartcity.catalogue.curation.SourceAdmin;
import de.smartcity.catalogue.routes.store.ApiKeyStore;
import de.smartcity.catalogue.routes.store.CatalogueDatabase;
import de.smartcity.catalogue.routes.store.EditorialStore;
import de.smartcity.catalogue.routes.store.ItemStore;
import de.smartcity.catalogue.routes.store.ManagedSource;
import de.smartcity.catalogue.routes.store.ProjectStore;
import de.smartcity.catalogue.routes.store.SourceStore;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import de.smartcity.catalogue.search.ApiDocument;
import de.smartcity.catalogue.search.ApiErrorHandling;
import de.smartcity.catalogue.search.ApiResponses;
import de.smartcity.catalogue.search.SearchApiRoutes;
import de.smartcity.catalogue.search.SourceDirectory;
import de.smartcity.catalogue.search.Vocabulary;
import de.smartcity.catalogue.search.web.WebPage;
import de.smartcity.catalogue.search.web.WebPageRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration class: makes every bean of the app from the {@link Setting}s, in data-flow order,
 * and closes what it opened. Commands take what they need from here.
 */
public final class Catalogue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Catalogue.class);
    private static final String CLASSPATH = "classpath:";
    public static final String DEMO_SOURCES = CLASSPATH + "demo/demo-sources.yaml";
    public static final String DEMO_PROJECTS = CLASSPATH + "demo/projects.yaml";

    private final ObjectMapper json = CatalogueJson.mapper();
    private final Clock clock = Clock.systemUTC();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** SIGTERM ends the JVM before the command's own close runs; this hook still stops what was started. */
    private final Thread closeOnExit = new Thread(this::close, "catalogue-close");
    private final List<Source> sources;
    private final Taxonomy taxonomy;
    private final ItemStore itemStore;
    private final ApiKeyStore apiKeys;
    private final EditorialStore editorial;
    private final SourceStore sourceStore;
    private final SourceRegistry registry;
    private final AddressGuard addressGuard;
    private final ProjectStore projectStore;
    private final ProjectCatalogue projects;
    private final ItemIndex itemIndex;
    private final ProjectIndex projectIndex;
    private final ItemIndexer indexer;
    private final IngestCounters counters;
    private final IngestSteps ingestSteps;
    private final FetchSettings fetch;

    private Catalogue(List<Source> sources) throws Exception {
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        try {
            this.sources = sources;
            this.taxonomy = configuredTaxonomy();
            HikariDataSource dataSource = openDatabase();
            toClose.add(dataSource);
            this.apiKeys = new ApiKeyStore(dataSource);
            this.itemStore = new ItemStore(dataSource, json);
            this.sourceStore = new SourceStore(dataSource);
            this.registry = new SourceRegistry(sourceStore.sync(sources));
            this.projectStore = new ProjectStore(dataSource, json);
            this.projects = new ProjectCatalogue(configuredProjects(sources, taxonomy), projectStore, clock);
            projects.install();
            ElasticsearchClient client = ElasticsearchClients.create(elasticsearchUrl(), json);
            toClose.add(client);
            this.itemIndex = new ItemIndex(client, clock);
            itemIndex.ensureReady();
            this.projectIndex = new ProjectIndex(client, json, clock);
            projectIndex.ensureHolds(projectStore.all(), projects.fingerprint());
            this.editorial = new EditorialStore(dataSource, json);
            this.indexer = new ItemIndexer(itemIndex, itemStore, projectStore, editorial);
            this.addressGuard = AddressGuard.allowing(sourceAllowList());
            this.fetch = FetchSettings.defaults().withAddressGuard(addressGuard);
            this.counters = new IngestCounters(clock.instant());
            PollingSettings polling = PollingSettings.defaults().withConcurrency(
                    Integer.parseInt(Setting.POLL_CONCURRENCY.value()), Integer.parseInt(Setting.POLL_PER_HOST.value()));
            this.ingestSteps = new IngestSteps(registry, new BodyReader(fetch.maxBytes()), fetch.maxRedirects(),
                    PlaceRecognizer.withBundledGazetteer(),
                    new ThemeTagger(taxonomy), itemStore, projects,
                    new PollingSteps(sourceStore, new PollingPolicy(polling), counters, clock), clock);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Opens database and Elasticsearch (starting the local node when no URL is configured). */
    public static Catalogue open(List<Source> sources) throws Exception {
        return new Catalogue(sources);
    }

    /** The sources file named by the option or the setting, or the bundled demo sources. */
    public static List<Source> configuredSources(Optional<String> file) throws IOException {
        String location = file.or(Setting.SOURCES::optionalValue).orElse(DEMO_SOURCES);
        if (!location.startsWith(CLASSPATH)) {
            return SourcesFile.read(Path.of(location));
        }
        try (InputStream in = classpathResource(location)) {
            return SourcesFile.read(in, location);
        }
    }

    private static InputStream classpathResource(String location) throws IOException {
        InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(location.substring(CLASSPATH.length()));
        if (in == null) {
            throw new IOException("Not on the classpath: " + location);
        }
        return in;
    }

    /** The public address the setting names, without a trailing slash; a malformed one stops the start, naming it. */
    static Optional<URI> publicAddress() {
        String value = Setting.PUBLIC_URL.value().strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        URI address;
        try {
            address = new URI(value.replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Setting.PUBLIC_URL.environmentVariable() + ": " + e.getMessage(), e);
        }
        if (!("http".equals(address.getScheme()) || "https".equals(address.getScheme())) || address.getHost() == null
                || address.getRawQuery() != null || address.getRawFragment() != null) {
            throw new IllegalArgumentException(Setting.PUBLIC_URL.environmentVariable()
                    + ": must be an http(s) address without query or fragment, such as https://katalog.example.de, not '"
                    + value + "'");
        }
        return Optional.of(address);
    }

    /** The exceptions to the refusal of internal source addresses; an unreadable entry stops the start, naming the setting. */
    static AllowList sourceAllowList() {
        try {
            return AllowList.parse(Setting.SOURCE_ALLOW.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Setting.SOURCE_ALLOW.environmentVariable() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The project catalogue named by the setting; unset, the bundled demo projects go with the bundled demo sources
     * only, so that an operator's real news are never linked to demo projects.
     */
    static List<Project> configuredProjects(List<Source> sources, Taxonomy taxonomy) throws IOException {
        Optional<String> file = Setting.PROJECTS.optionalValue();
        if (file.isPresent()) {
            try (InputStream in = Files.newInputStream(Path.of(file.get()))) {
                return ProjectsFile.read(in, file.get(), taxonomy, Gazetteer.instance());
            }
        }
        if (!sources.equals(configuredSources(Optional.of(DEMO_SOURCES)))) {
            return List.of();
        }
        try (InputStream in = classpathResource(DEMO_PROJECTS)) {
            return ProjectsFile.read(in, DEMO_PROJECTS, taxonomy, Gazetteer.instance());
        }
    }

    /** The taxonomy file named by the setting, or the bundled taxonomy. */
    static Taxonomy configuredTaxonomy() throws IOException {
        Optional<String> file = Setting.TAXONOMY.optionalValue();
        if (file.isEmpty()) {
            return Taxonomy.bundled();
        }
        try (InputStream in = Files.newInputStream(Path.of(file.get()))) {
            return Taxonomy.read(in, file.get());
        }
    }

    /** The configured database, migrated: all that commands which need no Elasticsearch open. */
    static HikariDataSource openDatabase() throws IOException {
        return CatalogueDatabase.open(databaseUrl(), Setting.DB_USER.value(), Setting.DB_PASSWORD.value());
    }

    private static String databaseUrl() throws IOException {
        Optional<String> configured = Setting.DB_URL.optionalValue();
        if (configured.isPresent()) {
            return configured.get();
        }
        Path dataDir = dataDir();
        Files.createDirectories(dataDir);
        // AUTO_SERVER lets a second process (ingest while serve runs) open the same file. WRITE_DELAY=0 writes every
        // commit to the file at once: by default H2 keeps the last half second of commits in memory, and a process
        // killed then (kill -9, OOM killer) lost items it had already reported as stored.
        return "jdbc:h2:file:" + dataDir.resolve("catalogue").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    static Path dataDir() {
        return Path.of(Setting.DATA_DIR.value()).toAbsolutePath().normalize();
    }

    private String elasticsearchUrl() {
        Optional<String> configured = Setting.ES_URL.optionalValue();
        if (configured.isPresent()) {
            return configured.get();
        }
        Path dist = distributionDir();
        LocalNodeSettings settings = LocalNodeSettings.of(findOne(dist, "elasticsearch-*.zip"),
                        List.of(dist.resolve("german-analysis-plugin.zip")), dataDir().resolve("elasticsearch"),
                        Integer.parseInt(Setting.ES_LOCAL_PORT.value()))
                .withHeap(Setting.ES_LOCAL_HEAP.value());
        LocalElasticsearchNode node = new LocalElasticsearchNode(settings);
        node.start();
        toClose.add(node);
        return node.url().toString();
    }

    /** Where the build put the Elasticsearch distribution: next to the app jar, or the configured directory. */
    private static Path distributionDir() {
        return Setting.ES_DIST_DIR.optionalValue().map(Path::of).orElseGet(() -> {
            try {
                URI jar = Catalogue.class.getProtectionDomain().getCodeSource().getLocation().toURI();
                return Path.of(jar).getParent().resolve("elasticsearch");
            } catch (Exception e) {
                throw new IllegalStateException("Cannot tell where the app runs from; set " + Setting.ES_DIST_DIR.environmentVariable(), e);
            }
        });
    }

    private static Path findOne(Path dir, String glob) {
        try (var matches = Files.newDirectoryStream(dir, glob)) {
            for (Path match : matches) {
                return match;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir, e);
        }
        throw new IllegalStateException("No " + glob + " in " + dir + ". Build the app first (mvn -DskipTests package) or set "
                + Setting.ES_URL.environmentVariable() + ".");
    }

    /**
     * The Camel routes for ingest.
     *
     * @param scheduled         whether the active sources are polled when they are due (their interval, stretched while
     *                          quiet, backed off after failures), as admins add, change and pause them
     * @param indexContinuously whether a timer route sends pending items to Elasticsearch
     */
    public RouteBuilder ingestRoutes(boolean scheduled, boolean indexContinuously) {
        Optional<Duration> indexPeriod = indexContinuously
                ? Optional.of(Duration.parse(Setting.INDEX_PERIOD.value())) : Optional.empty();
        return new IngestRoutes(ingestSteps, indexer, fetch, scheduled, indexPeriod);
    }

    public List<RouteConfigurationBuilder> routeConfigurations() {
        return List.of(new IngestErrorHandling(ingestSteps), new ApiErrorHandling(new ApiResponses(json)));
    }

    public RouteBuilder searchApiRoutes() {
        SourceDirectory directory = SourceDirectory.of(() -> sourceStore.statuses(
                registry.all().stream().map(ManagedSource::id).toList(), clock.instant()), registry::active);
        return new SearchApiRoutes(itemIndex.client(), json, taxonomy, directory,
                () -> counters.snapshot(itemStore.countNotYetIndexed()), publicAddress());
    }

    /** The write side: API keys, the review queue, editors' changes, admins' sources and the audit trail. */
    public RouteBuilder curationRoutes() {
        return new CurationRoutes(apiKeys, new EditorialService(editorial, projectStore, projects, indexer, itemIndex, projectIndex,
                taxonomy, Gazetteer.instance()), new SourceAdmin(sourceStore, registry, addressGuard, Gazetteer.instance()),
                new ReviewQueue(itemIndex.client(), json, editorial, Vocabulary.of(taxonomy)), json, clock);
    }

    /** The web page at {@code /}, on the HTTP server of the given port, which also serves the API. */
    public RouteBuilder webPageRoutes(int port) {
        return new WebPageRoutes(WebPage.bundled(json, ApiDocument.describing(Vocabulary.of(taxonomy), json)), port);
    }

    /**
     * The sources polled now, without paused ones: the file's in the file's order (as admins left them), then those
     * admins added, by id. The order is kept because {@code ingest --once} starts polls in it, and the source that
     * stores a story first gives the item its telling.
     */
    public List<Source> sources() {
        List<String> fileOrder = sources.stream().map(Source::id).toList();
        return registry.active().stream()
                .sorted(Comparator.comparingInt(source -> fileOrder.contains(source.id()) ? fileOrder.indexOf(source.id())
                        : fileOrder.size()))
                .toList();
    }

    public ItemIndexer indexer() {
        return indexer;
    }

    public ItemIndex itemIndex() {
        return itemIndex;
    }

    /**
     * Rebuilds what is derived from the project catalogue: every item's links, then the project index from the
     * database, behind its alias.
     *
     * @return how many projects the new index holds
     */
    public int reindexProjects() throws Exception {
        projects.linkAll();
        List<Project> stored = projectStore.all();
        projectIndex.rebuild(stored, projects.fingerprint());
        return stored.size();
    }

    public ProjectIndex projectIndex() {
        return projectIndex;
    }

    public ItemStore itemStore() {
        return itemStore;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public ObjectMapper json() {
        return json;
    }

    /** Synchronized: the exit hook waits until a close already under way has stopped everything. */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != closeOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting anyway; the hook and this call are guarded by the same flag.
            }
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", toClose.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }
}
