package de.smartcity.catalogue.routes.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one place that makes Elasticsearch clients, so every part talks to the node the same way. */
public final class ElasticsearchClients {
    private ElasticsearchClients() {
    }

    /**
     * @param url  e.g. {@code http://127.0.0.1:9200}
     * @param json the catalogue's mapper, so documents serialise exactly like the API's JSON
     */
    public static ElasticsearchClient create(String url, ObjectMapper json) {
        return ElasticsearchClient.of(config -> config.host(url).jsonMapper(new JacksonJsonpMapper(json)));
    }
}
