package de.smartcity.catalogue.app;

import de.smartcity.catalogue.app.elasticsearch.LocalElasticsearchNode;
import de.smartcity.catalogue.app.elasticsearch.LocalNodeSettings;
import de.smartcity.catalogue.app.elasticsearch.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real local Elasticsearch node for all integration tests of a run, started through the app's own
 * {@link LocalElasticsearchNode} and stopped when the run ends. Test classes get a clean slate: the
 * catalogue's indices and templates are deleted before each class, and {@code catalogue.es.url} points
 * the app at the node.
 */
public final class SharedElasticsearch implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedElasticsearch.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Node node = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("node", key -> Node.start(), Node.class);
        System.setProperty(Setting.ES_URL.systemProperty(), node.url().toString());
        deleteCatalogueIndices(node.url());
    }

    public static URI url() {
        return URI.create(Setting.ES_URL.value());
    }

    /** Deletes the catalogue's indices and index templates on the node at {@code url}: a clean slate. */
    static void deleteCatalogueIndices(URI url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String kind : List.of("items", "projects")) {
            String indices = http.send(HttpRequest.newBuilder(url.resolve("/_cat/indices/" + kind + "-v*?h=index")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String index : indices.strip().split("\\s+")) {
                if (!index.isBlank()) {
                    delete(http, url, "/" + index);
                }
            }
            delete(http, url, "/_index_template/" + kind);
        }
    }

    private static void delete(HttpClient http, URI url, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve(path)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new IllegalStateException("DELETE " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The node, closed by JUnit when the root context closes (the end of the run). */
    private record Node(LocalElasticsearchNode node) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        static Node start() {
            try {
                LocalNodeSettings settings = LocalNodeSettings.of(TestNodes.distributionZip(), TestNodes.pluginZips(),
                        TestNodes.homeParent("shared-es"), TestNodes.freePortWithFreeTransportPort());
                LocalElasticsearchNode node = new LocalElasticsearchNode(settings);
                node.start();
                return new Node(node);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the local Elasticsearch node for the tests", e);
            }
        }

        URI url() {
            return node.url();
        }

        @Override
        public void close() {
            node.close();
        }
    }
}
