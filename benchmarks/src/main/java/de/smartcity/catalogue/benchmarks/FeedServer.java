package de.smartcity.catalogue.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Serves prepared feeds from memory over real HTTP on 127.0.0.1, so ingest fetches the way it does in production. */
final class FeedServer implements AutoCloseable {
    static final String CONTENT_TYPE = "application/rss+xml; charset=UTF-8";
    private static final String PREFIX = "/feeds/";

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private volatile Map<String, byte[]> feeds = Map.of();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext(PREFIX, this::answer);
        server.setExecutor(workers);
        server.start();
    }

    /** Where feed {@code <name>} is served: {@code base().resolve(name)}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PREFIX);
    }

    /** Replaces what is served: file name (e.g. {@code kassel-002.xml}) to RSS bytes. */
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
        server.stop(0);
        workers.shutdownNow();
    }
}
