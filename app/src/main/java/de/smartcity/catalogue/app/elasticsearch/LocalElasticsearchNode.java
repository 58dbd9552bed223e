package de.smartcity.catalogue.app.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Elasticsearch on 127.0.0.1 for development and tests, made from the
 * {@code integ-test-zip} distribution plus the project's plugins.
 *
 * <p>{@link #start()} reuses a node of our cluster that already answers on the port (and then
 * {@link #stop()} leaves it running); otherwise it installs the distribution under the home parent
 * (once per distribution and plugin set), writes the configuration and starts the node, as the
 * service account {@value ServiceAccount#NAME} when we are root. Nothing global is registered:
 * the caller decides whether a shutdown hook calls {@link #close()}.
 */
public final class LocalElasticsearchNode implements AutoCloseable {

    static final String CONSOLE_LOG = "elasticsearch-console.log";

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearchNode.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_LINES_IN_ERRORS = 40;

    private final LocalNodeSettings settings;
    private final URI url;
    private final ClusterHealthProbe health;

    private Process process;
    private boolean viaServiceAccount;
    private boolean reused;
    private Path consoleLog;

    public LocalElasticsearchNode(LocalNodeSettings settings) {
        this.settings = settings;
        this.url = URI.create("http://127.0.0.1:" + settings.httpPort());
        this.health = new ClusterHealthProbe(url);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return url;
    }

    /** True when {@link #start()} found our node already running and did not start one. */
    public boolean reusedRunningNode() {
        return reused;
    }

    /** Where the node's stdout and stderr go, once this instance has started a node. */
    public Optional<Path> consoleLog() {
        return Optional.ofNullable(consoleLog);
    }

    /** Makes sure our node answers at {@link #url()} with status yellow or green. Calling it again does nothing. */
    public synchronized void start() {
        if (process != null || reused) {
            return;
        }
        Optional<ClusterHealthProbe.Answer> running = health.now();
        if (running.isPresent()) {
            reuse(running.get());
            return;
        }
        startNewNode();
    }

    private void reuse(ClusterHealthProbe.Answer answer) {
        Optional<String> cluster = answer.clusterName();
        if (cluster.filter(NodeConfig.CLUSTER_NAME::equals).isEmpty()) {
            throw new LocalNodeException("Port " + settings.httpPort() + " on 127.0.0.1 is taken by "
                    + cluster.map(name -> "the Elasticsearch cluster '" + name + "'")
                            .orElse("something that is not Elasticsearch (HTTP " + answer.httpStatus() + ")")
                    + ", not by our cluster '" + NodeConfig.CLUSTER_NAME + "'. Choose another port.");
        }
        LOG.info("Reusing the Elasticsearch node already running at {} (cluster {})", url, NodeConfig.CLUSTER_NAME);
        awaitYellow(System.nanoTime());
        reused = true;
    }

    private void startNewNode() {
        long started = System.nanoTime();
        viaServiceAccount = ServiceAccount.runningAsRoot();
        Path javaHome = JavaHomeLocator.forThisMachine().locate(settings.javaHome());
        Path parent = HomeParentResolver.resolve(settings.homeParent(), viaServiceAccount,
                HomeParentResolver.DEFAULT_FALLBACK_ROOT);
        Path data = parent.resolve("data");
        Path logs = parent.resolve("logs");
        consoleLog = parent.resolve(CONSOLE_LOG);
        try {
            HomeParentResolver.createTraversable(parent);
            Path home = DistributionInstaller.install(settings.distributionZip(), settings.pluginZips(), parent,
                    javaHome);
            Files.createDirectories(data);
            Files.createDirectories(logs);
            NodeConfig config = NodeConfig.forNode(home, data, logs, settings.httpPort(), settings.transportPort());
            Files.writeString(home.resolve("config/elasticsearch.yml"), config.toYaml(), StandardCharsets.UTF_8);
            if (viaServiceAccount) {
                ServiceAccount.ensureExists();
                ServiceAccount.grant(List.of(home, data, logs));
            }
            process = launch(home, javaHome);
        } catch (IOException e) {
            throw new LocalNodeException("Cannot prepare Elasticsearch in " + parent + ": " + e.getMessage(), e);
        }
        try {
            awaitYellow(started);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private Process launch(Path home, Path javaHome) throws IOException {
        List<String> command = List.of(home.resolve("bin/elasticsearch").toString());
        ProcessBuilder builder = new ProcessBuilder(viaServiceAccount ? ServiceAccount.wrap(command) : command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.remove("JAVA_HOME");
        env.remove("ES_PATH_CONF");
        env.put("ES_JAVA_HOME", javaHome.toString());
        env.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
        Process started = builder.start();
        LOG.info("Starting Elasticsearch (pid {}) at {} with heap {}, Java {}{}; output in {}", started.pid(), url,
                settings.heap(), javaHome, viaServiceAccount ? ", as user " + ServiceAccount.NAME : "", consoleLog);
        return started;
    }

    private void awaitYellow(long startedNanos) {
        long deadline = startedNanos + settings.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new LocalNodeException("Elasticsearch exited with code " + process.exitValue()
                        + " before it was ready." + logTail());
            }
            // The server holds the request until the cluster is yellow (or 2 s pass), so readiness is seen at once.
            Optional<ClusterHealthProbe.Answer> answer = health.waitForYellow(Duration.ofSeconds(2));
            if (answer.isPresent() && answer.get().isYellowOrGreen()) {
                LOG.info("Elasticsearch ready at {} after {} s (status {})", url,
                        String.format("%.1f", (System.nanoTime() - startedNanos) / 1e9),
                        answer.get().status().orElse("?"));
                return;
            }
            if (answer.isEmpty() || answer.get().httpStatus() != 408) {
                pause();
            }
        }
        throw new LocalNodeException("Elasticsearch at " + url + " was not yellow within "
                + settings.startTimeout().toSeconds() + " s." + logTail());
    }

    private String logTail() {
        if (consoleLog == null || !Files.isRegularFile(consoleLog)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(consoleLog, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size());
            return " Last lines of " + consoleLog + ":\n" + String.join("\n", tail);
        } catch (IOException e) {
            return " (see " + consoleLog + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalNodeException("Interrupted while waiting for Elasticsearch", e);
        }
    }

    /**
     * Stops the node this instance started: a graceful SIGTERM, up to 20 s, then SIGKILL for
     * whatever is left. Does nothing for a reused node or when nothing was started.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        LOG.info("Stopping Elasticsearch (pid {})", process.pid());
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        // SIGTERM to Elasticsearch's launcher, which shuts the server down cleanly. Under runuser that
        // is runuser's child: runuser itself would answer SIGTERM by killing its child after 2 s.
        List<ProcessHandle> launchers = viaServiceAccount ? process.children().toList() : List.of(process.toHandle());
        (launchers.isEmpty() ? List.of(process.toHandle()) : launchers).forEach(ProcessHandle::destroy);
        if (!awaitExit(all, STOP_TIMEOUT)) {
            LOG.warn("Elasticsearch did not stop within {} s; killing it", STOP_TIMEOUT.toSeconds());
            all.forEach(ProcessHandle::destroyForcibly);
            awaitExit(all, Duration.ofSeconds(5));
        }
        LOG.info("Elasticsearch stopped");
        process = null;
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) {
        CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
