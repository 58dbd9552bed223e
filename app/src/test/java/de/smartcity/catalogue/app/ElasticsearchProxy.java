package de.smartcity.catalogue.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * WireMock between the app and an Elasticsearch node: it passes every request through, unless a test tells it to
 * refuse the app's bulk requests (as a node with a full write queue does) or to hold their answers.
 */
final class ElasticsearchProxy implements AutoCloseable {
    private static final String REJECTED = """
            {"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"}],\
            "type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"},"status":429}""";

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final URI node;
    private Optional<StubMapping> bulk = Optional.empty();

    private ElasticsearchProxy(URI node) {
        this.node = node;
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(node.toString())));
    }

    static ElasticsearchProxy to(URI node) {
        return new ElasticsearchProxy(node);
    }

    URI url() {
        return URI.create(server.baseUrl());
    }

    /** Bulk requests are answered 429 without reaching the node. */
    void refuseBulk() {
        replaceBulk(post(urlPathEqualTo("/_bulk")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("X-Elastic-Product", "Elasticsearch")
                .withBody(REJECTED)));
    }

    /** Bulk requests reach the node, which indexes them, but its answer reaches the app only after {@code delay}. */
    void holdBulkAnswers(Duration delay) {
        replaceBulk(post(urlPathEqualTo("/_bulk")).willReturn(aResponse().proxiedFrom(node.toString())
                .withFixedDelay((int) delay.toMillis())));
    }

    /** Every request passes through again. */
    void passEverything() {
        bulk.ifPresent(server::removeStub);
        bulk = Optional.empty();
    }

    private void replaceBulk(MappingBuilder mapping) {
        passEverything();
        bulk = Optional.of(server.stubFor(mapping.atPriority(1)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
