package de.smartcity.catalogue.routes.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch side of items: an index template with the German analysis, versioned indices
 * ({@code items-v20261124-101500000}) and the alias {@code items} that readers and writers use.
 */
public final class ItemIndex {
    public static final String ALIAS = "items";
    private static final Logger LOG = LoggerFactory.getLogger(ItemIndex.class);
    private static final String TEMPLATE = "items";
    private static final ObjectMapper TEMPLATE_JSON = new ObjectMapper();
    /** Elasticsearch's default result window: the most hits one search answers. */
    private static final int MOST_HITS = 10_000;

    private final ElasticsearchClient client;
    private final VersionedAlias alias;

    public ItemIndex(ElasticsearchClient client, Clock clock) {
        this.client = client;
        this.alias = new VersionedAlias(client, ALIAS, clock);
    }

    public ElasticsearchClient client() {
        return client;
    }

    /**
     * Installs the template and, on first use, creates the first index behind the alias; otherwise gives the indices
     * behind the alias the fields the template gained since they were made.
     */
    public void ensureReady() throws IOException {
        putTemplate();
        if (!alias.exists()) {
            String index = alias.newIndexName();
            client.indices().create(request -> request.index(index).aliases(ALIAS, writable -> writable.isWriteIndex(true)));
        } else {
            addNewFields();
        }
    }

    /**
     * The mapping is strict, so an index made before a field existed rejects every document that has it. New fields
     * can be added in place; a changed one cannot, and then only a reindex helps.
     */
    private void addNewFields() throws IOException {
        String mappings;
        try (InputStream template = ItemIndex.class.getResourceAsStream("/elasticsearch/items-template.json")) {
            mappings = TEMPLATE_JSON.readTree(template).path("template").path("mappings").toString();
        }
        try {
            client.indices().putMapping(request -> request.index(ALIAS).withJson(new StringReader(mappings)));
        } catch (ElasticsearchException e) {
            LOG.warn("The indices behind '{}' cannot take the current mapping in place ({}); run 'catalogue reindex'",
                    ALIAS, e.getMessage());
        }
    }

    private void putTemplate() throws IOException {
        try (InputStream template = ItemIndex.class.getResourceAsStream("/elasticsearch/items-template.json")) {
            client.indices().putIndexTemplate(request -> request.name(TEMPLATE).withJson(template));
        }
    }

    /** A fresh, empty index under the template, not yet behind the alias. */
    public String createNextIndex() throws IOException {
        putTemplate();
        String index = alias.newIndexName();
        client.indices().create(request -> request.index(index));
        return index;
    }

    /** Points the alias at {@code index} in one atomic step and deletes the indices it pointed at before. */
    public void switchAliasTo(String index) throws IOException {
        alias.switchTo(index);
    }

    public Set<String> currentIndices() throws IOException {
        return alias.currentIndices();
    }

    public void refresh() throws IOException {
        client.indices().refresh(request -> request.index(ALIAS));
    }

    /**
     * The ids of indexed items whose title or teaser contains one of these phrases as the search analysis reads them,
     * at most {@value #MOST_HITS}: the candidates a new or changed project may link.
     */
    public List<String> idsMentioning(Collection<String> phrases) throws IOException {
        return client.search(search -> search.index(ALIAS).size(MOST_HITS).source(source -> source.fetch(false))
                .query(query -> query.bool(any -> {
                    phrases.forEach(phrase -> any.should(should -> should.multiMatch(match -> match.query(phrase)
                            .type(TextQueryType.Phrase).fields("title", "summary"))));
                    return any.minimumShouldMatch("1");
                })), Void.class).hits().hits().stream().map(Hit::id).toList();
    }
}
