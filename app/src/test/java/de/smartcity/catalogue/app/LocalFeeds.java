package de.smartcity.catalogue.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * RSS feeds served from memory on a loopback port, as a municipality's web server serves them: each path answers
 * what its supplier gives at the time of the request, so a test can change a feed between polls.
 */
final class LocalFeeds implements AutoCloseable {
    private final HttpServer server;

    private LocalFeeds(HttpServer server) {
        this.server = server;
    }

    static LocalFeeds serving(Map<String, Supplier<String>> feedsByPath) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        feedsByPath.forEach((path, feed) -> server.createContext(path, exchange -> {
            byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }));
        server.start();
        return new LocalFeeds(server);
    }

    /** The address of the feed at {@code path}. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
