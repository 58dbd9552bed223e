package de.smartcity.catalogue.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves prepared feeds from memory over real HTTP, so ingest fetches the way it does in production.
 *
 * <p>Each publisher (a city's web site, a portal) gets its own loopback address, 127.0.1.1, 127.0.1.2, …: the app
 * limits requests per host, and a real source list spreads over many hosts. On Linux every 127.x.y.z address is
 * loopback, but a socket bound to one address takes no connections to another, so each publisher has a server.
 */
final class FeedServer implements AutoCloseable {
    static final String CONTENT_TYPE = "application/rss+xml; charset=UTF-8";
    /** The network the publishers' addresses come from: what the app must be allowed to fetch from. */
    static final String NETWORK = "127.0.0.0/8";
    private static final String PREFIX = "/feeds/";
    private static final int HOSTS_PER_OCTET = 254;

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final Map<String, HttpServer> byPublisher = new ConcurrentHashMap<>();
    private volatile Map<String, byte[]> feeds = Map.of();

    /**
     * Where the feeds of {@code publisher} (e.g. {@code www.kassel.de}) are served: feed {@code <name>} at
     * {@code base(publisher).resolve(name)}. The first call for a publisher starts its server on the next address.
     */
    synchronized URI base(String publisher) {
        HttpServer server = byPublisher.computeIfAbsent(publisher, name -> start(byPublisher.size()));
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + PREFIX);
    }

    /** How many publishers, each on its own address, serve feeds. */
    int hosts() {
        return byPublisher.size();
    }

    private HttpServer start(int number) {
        try {
            InetAddress address = InetAddress.getByAddress(new byte[]{127, 0,
                    (byte) (1 + number / HOSTS_PER_OCTET), (byte) (1 + number % HOSTS_PER_OCTET)});
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 64);
            server.createContext(PREFIX, this::answer);
            server.setExecutor(workers);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve feeds on a loopback address", e);
        }
    }

    /** Replaces what is served, by every publisher alike: file name (e.g. {@code kassel-002.xml}) to RSS bytes. */
    void serve(Map<String, byte[]> feedsByName) {
        feeds = Map.copyOf(feedsByName);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = feeds.get(exchange.getRequestURI().getPath().substring(PREFIX.length()));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        byPublisher.values().forEach(server -> server.stop(0));
        workers.shutdownNow();
    }
}
