package de.smartcity.catalogue.benchmarks;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Passes every request to the app's transport and remembers the JSON body of the last one, so the benchmark can
 * send exactly the search body {@code ItemSearchService} builds straight to Elasticsearch.
 */
final class RecordingTransport implements ElasticsearchTransport {
    private final ElasticsearchTransport delegate;
    private volatile String lastBody = "";

    RecordingTransport(ElasticsearchTransport delegate) {
        this.delegate = delegate;
    }

    String lastBody() {
        return lastBody;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint,
                                                                  TransportOptions options) throws IOException {
        lastBody = JsonpUtils.toJsonString(request, jsonpMapper());
        return delegate.performRequest(request, endpoint, options);
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        lastBody = JsonpUtils.toJsonString(request, jsonpMapper());
        return delegate.performRequestAsync(request, endpoint, options);
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return delegate.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return delegate.options();
    }

    /** The app owns the delegate and closes it. */
    @Override
    public void close() {
    }
}
