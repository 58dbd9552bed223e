package de.smartcity.catalogue.search;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/** A Camel context with a real platform-http server on a free loopback port, for tests that ask over HTTP. */
public record LocalPlatformHttp(CamelContext camel, int port) {

    /** Not started yet: add routes, then start {@link #camel()}. */
    public static LocalPlatformHttp onFreePort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        CamelContext camel = new DefaultCamelContext();
        camel.addService(new VertxPlatformHttpServer(server));
        return new LocalPlatformHttp(camel, port);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
