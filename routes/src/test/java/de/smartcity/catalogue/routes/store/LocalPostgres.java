package de.smartcity.catalogue.routes.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for the integration tests, started from the installed server binaries
 * ({@code /usr/lib/postgresql/<version>/bin} of Debian's {@code postgresql} package) once per test JVM and
 * stopped, its directory deleted, when the run ends. Every test gets a database of its own
 * ({@code CREATE DATABASE} with a fresh name), dropped when the test closes it.
 *
 * <p>Register it in a test class with {@code @RegisterExtension static final LocalPostgres POSTGRES = new LocalPostgres();}.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (as CI does), {@code initdb} and
 * {@code pg_ctl} run as the {@code postgres} system account (created by the package) through
 * {@code runuser}, in a temporary directory that account owns and can reach. The server listens on
 * 127.0.0.1 on a free port, its socket lives in that directory, and the user {@code catalogue} logs
 * in without a password ({@code trust}); nothing else can reach it.
 */
public final class LocalPostgres implements BeforeAllCallback {
    /** Where the server binaries are when they are not in {@code /usr/lib/postgresql/<version>/bin}. */
    public static final String BIN_DIR_PROPERTY = "catalogue.test.postgres.bin";
    static final String USER = "catalogue";
    private static final String SYSTEM_ACCOUNT = "postgres";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalPostgres.class);

    private volatile Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> Server.start(), Server.class);
    }

    /** A new, empty database: no tables, not migrated. */
    public PostgresDatabase newDatabase() {
        return new PostgresDatabase(server(), server().createDatabase());
    }

    /** A new database brought to the current schema by {@link CatalogueDatabase#open}, as the app opens it. */
    public StoreDatabase openCatalogue() {
        PostgresDatabase database = newDatabase();
        try {
            HikariDataSource dataSource = database.openCatalogue();
            return StoreDatabase.of(dataSource, database::close);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private Server server() {
        if (server == null) {
            throw new IllegalStateException("LocalPostgres is used before JUnit started it: register it with @RegisterExtension "
                    + "on a static field");
        }
        return server;
    }

    /** One database of the local server. Closing it closes the pools opened on it and drops it. */
    public static final class PostgresDatabase implements AutoCloseable {
        private final Server server;
        private final String name;
        private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();

        private PostgresDatabase(Server server, String name) {
            this.server = server;
            this.name = name;
        }

        public String name() {
            return name;
        }

        public String jdbcUrl() {
            return server.jdbcUrl(name);
        }

        /** A connection pool as the app opens it: {@link CatalogueDatabase#open}, which migrates first. */
        public HikariDataSource openCatalogue() {
            HikariDataSource pool = CatalogueDatabase.open(jdbcUrl(), USER, "");
            pools.add(pool);
            return pool;
        }

        /** A plain connection, for looking at the database from outside the stores. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), USER, "");
        }

        @Override
        public void close() {
            pools.forEach(HikariDataSource::close);
            server.dropDatabase(name);
        }
    }

    /** The server process, closed by JUnit when the root context closes (the end of the run). */
    static final class Server implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private static final long COMMAND_TIMEOUT_SECONDS = 120;

        private final Path binDir;
        private final Path home;
        private final boolean asSystemAccount;
        private final AtomicInteger databaseCount = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Thread shutdownHook = new Thread(this::stop, "local-postgres-stop");
        private int port;

        private Server(Path binDir, Path home, boolean asSystemAccount) {
            this.binDir = binDir;
            this.home = home;
            this.asSystemAccount = asSystemAccount;
        }

        static Server start() {
            Path binDir = binDir();
            boolean root = runningAsRoot();
            Server server = new Server(binDir, createHome(root), root);
            // Also stops the server when the JVM ends without JUnit closing the root store (Ctrl-C, a fork timeout).
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            long started = System.nanoTime();
            try {
                server.initdb();
                server.startServer();
                System.out.printf("Local PostgreSQL from %s on 127.0.0.1:%d%s, data in %s, ready after %d ms%n", binDir,
                        server.port, root ? " (as the postgres account)" : "", server.home,
                        (System.nanoTime() - started) / 1_000_000);
                return server;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }

        private Path dataDir() {
            return home.resolve("data");
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?ApplicationName=catalogue-it";
        }

        private void initdb() {
            run("initdb", List.of("-D", dataDir().toString(), "-A", "trust", "-U", USER, "-E", "UTF8", "--no-locale",
                    "--no-sync"));
        }

        private void startServer() {
            // A port found free can be taken by someone else before the server binds it: then try another one.
            for (int attempt = 1; ; attempt++) {
                port = freePort();
                String options = String.join(" ",
                        "-c listen_addresses=127.0.0.1",
                        "-c port=" + port,
                        "-c 'unix_socket_directories=" + home + "'",
                        // Throwaway data: no need to survive a power cut.
                        "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
                        // A few small databases on a machine shared with other builds.
                        "-c shared_buffers=16MB");
                try {
                    run("pg_ctl", List.of("start", "-D", dataDir().toString(), "-l", log().toString(), "-w", "-t", "60",
                            "-o", options));
                    break;
                } catch (IllegalStateException e) {
                    if (attempt == 3 || !readQuietly(log()).contains("could not bind")) {
                        throw e;
                    }
                }
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
                if (!connection.isValid(10)) {
                    throw new IllegalStateException("PostgreSQL started but does not answer on port " + port + diagnostics());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL started but refuses connections on port " + port + diagnostics(), e);
            }
        }

        String createDatabase() {
            String name = "catalogue_it_" + databaseCount.incrementAndGet();
            admin("CREATE DATABASE " + name + " OWNER " + USER + " ENCODING 'UTF8'");
            return name;
        }

        void dropDatabase(String name) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }

        private void admin(String sql) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + " failed on the local PostgreSQL server", e);
            }
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs (or ran) stop() itself
            }
            stop();
        }

        private void stop() {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            try {
                if (Files.exists(dataDir().resolve("postmaster.pid"))) {
                    try {
                        run("pg_ctl", List.of("stop", "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "60"));
                    } catch (IllegalStateException e) {
                        run("pg_ctl", List.of("stop", "-D", dataDir().toString(), "-m", "immediate", "-w", "-t", "30"));
                    }
                }
            } finally {
                deleteRecursively(home);
            }
        }

        /** Runs one of the server's programs, as the {@code postgres} account when this JVM runs as root. */
        private void run(String program, List<String> arguments) {
            List<String> command = new ArrayList<>();
            if (asSystemAccount) {
                command.addAll(List.of("runuser", "-u", SYSTEM_ACCOUNT, "--"));
            }
            command.add(binDir.resolve(program).toString());
            command.addAll(arguments);
            Path output = home.resolve("commands.log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    // The working directory of this JVM may be one the postgres account cannot enter (/root/…).
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
            builder.environment().put("LC_ALL", "C");
            try {
                Process process = builder.start();
                if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                            + COMMAND_TIMEOUT_SECONDS + " s" + diagnostics());
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                            + diagnostics());
                }
            } catch (IOException e) {
                throw new IllegalStateException("Could not run " + command.getFirst(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running " + program, e);
            }
        }

        private Path log() {
            return home.resolve("postgres.log");
        }

        private String diagnostics() {
            return "\n--- output of initdb/pg_ctl ---\n" + tail(readQuietly(home.resolve("commands.log")))
                    + "\n--- server log ---\n" + tail(readQuietly(log()));
        }

        private static String tail(String text) {
            return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
        }

        private static String readQuietly(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            } catch (IOException | UncheckedIOException e) {
                return "(unreadable: " + e + ")";
            }
        }

        /**
         * The server's programs: {@value #BIN_DIR_PROPERTY} when set, else the newest
         * {@code /usr/lib/postgresql/<version>/bin} that has {@code initdb}.
         */
        static Path binDir() {
            String configured = Optional.ofNullable(System.getProperty(BIN_DIR_PROPERTY))
                    .orElse(System.getenv("CATALOGUE_TEST_POSTGRES_BIN"));
            if (configured != null && !configured.isBlank()) {
                Path dir = Path.of(configured);
                if (!Files.isExecutable(dir.resolve("initdb"))) {
                    throw new IllegalStateException(BIN_DIR_PROPERTY + "=" + configured + " has no initdb");
                }
                return dir;
            }
            Path installed = Path.of("/usr/lib/postgresql");
            try (Stream<Path> versions = Files.isDirectory(installed) ? Files.list(installed) : Stream.empty()) {
                return versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                        .max(Comparator.comparing(bin -> versionNumber(bin.getParent().getFileName().toString())))
                        .orElseThrow(() -> new IllegalStateException("No PostgreSQL server installed: the integration tests "
                                + "start one from /usr/lib/postgresql/<version>/bin. Install Debian's postgresql package "
                                + "(.ci/run does) or set " + BIN_DIR_PROPERTY + " to a directory with initdb and pg_ctl."));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static double versionNumber(String name) {
            try {
                return Double.parseDouble(name);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** Whether this process runs with effective user id 0. */
        static boolean runningAsRoot() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("Uid:")) {
                        // Uid: real effective saved filesystem
                        return line.substring(4).trim().split("\\s+")[1].equals("0");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: fall back to the user name
            }
            return "root".equals(System.getProperty("user.name"));
        }

        /**
         * A new directory for the server: under {@code java.io.tmpdir}, or {@code /var/tmp} when some parent of
         * that is closed to other accounts. When the server runs as the {@code postgres} account, that
         * account owns the directory (mode 0700): the data directory, the socket and the log live in it.
         */
        private static Path createHome(boolean forSystemAccount) {
            try {
                Path base = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
                if (forSystemAccount && !traversableByOthers(base)) {
                    base = Path.of("/var/tmp");
                }
                Path home = Files.createTempDirectory(base, "catalogue-postgres-");
                if (forSystemAccount) {
                    UserPrincipalLookupService accounts = home.getFileSystem().getUserPrincipalLookupService();
                    UserPrincipal owner;
                    try {
                        owner = accounts.lookupPrincipalByName(SYSTEM_ACCOUNT);
                    } catch (IOException e) {
                        deleteRecursively(home);
                        throw new IllegalStateException("The tests run as root, so PostgreSQL must run as the system account "
                                + "'postgres', which does not exist. Install Debian's postgresql package (it creates the "
                                + "account) or run the tests as an ordinary user.", e);
                    }
                    PosixFileAttributeView view = Files.getFileAttributeView(home, PosixFileAttributeView.class);
                    view.setOwner(owner);
                    try {
                        GroupPrincipal group = accounts.lookupPrincipalByGroupName(SYSTEM_ACCOUNT);
                        view.setGroup(group);
                    } catch (IOException noSuchGroup) {
                        // the owner is what counts
                    }
                }
                return home;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a directory for the local PostgreSQL server", e);
            }
        }

        /** Whether every directory from {@code /} down to {@code dir} lets other accounts pass through. */
        private static boolean traversableByOthers(Path dir) throws IOException {
            for (Path current = dir; current != null; current = current.getParent()) {
                if (Files.exists(current)) {
                    PosixFileAttributes attributes = Files.readAttributes(current, PosixFileAttributes.class);
                    if (!attributes.permissions().contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free TCP port on 127.0.0.1", e);
            }
        }

        private static void deleteRecursively(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                System.err.println("Could not delete " + dir + " completely: " + e);
            }
        }
    }
}
