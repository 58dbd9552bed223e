package de.smartcity.catalogue.routes.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Project;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Elasticsearch side of projects: their own template with the German analysis, versioned indices
 * ({@code projects-v20261124-101500000}) and the alias {@code projects}. The catalogue is small, so the index is
 * always built whole, from the database, and the alias moved to it; each index records in its mapping's
 * {@code _meta} the fingerprint of the catalogue it holds, so a start with an unchanged catalogue builds nothing.
 */
public final class ProjectIndex {
    public static final String ALIAS = "projects";
    private static final String TEMPLATE = "projects";
    private static final String FINGERPRINT = "catalogue";

    private final ElasticsearchClient client;
    private final ObjectMapper json;
    private final VersionedAlias alias;

    public ProjectIndex(ElasticsearchClient client, ObjectMapper json, Clock clock) {
        this.client = client;
        this.json = json;
        this.alias = new VersionedAlias(client, ALIAS, clock);
    }

    /** Builds the index unless the alias already points at one holding this catalogue. */
    public void ensureHolds(List<Project> projects, String fingerprint) throws IOException {
        if (!fingerprint.equals(heldFingerprint().orElse(null))) {
            rebuild(projects, fingerprint);
        }
    }

    /** Builds a new index with these projects, then moves the alias to it and deletes the indices it pointed at. */
    public void rebuild(List<Project> projects, String fingerprint) throws IOException {
        try (InputStream template = ProjectIndex.class.getResourceAsStream("/elasticsearch/projects-template.json")) {
            client.indices().putIndexTemplate(request -> request.name(TEMPLATE).withJson(template));
        }
        String index = alias.newIndexName();
        client.indices().create(request -> request.index(index)
                .mappings(mappings -> mappings.meta(FINGERPRINT, JsonData.of(fingerprint))));
        if (!projects.isEmpty()) {
            BulkResponse response = client.bulk(bulk -> {
                projects.forEach(project -> bulk.operations(operation -> operation.index(document -> document
                        .index(index).id(project.slug()).document(document(project)))));
                return bulk.refresh(Refresh.True);
            });
            if (response.errors()) {
                client.indices().delete(request -> request.index(index));
                String reason = response.items().stream().map(BulkResponseItem::error).filter(Objects::nonNull)
                        .findFirst().map(ErrorCause::reason).orElse("unknown");
                throw new IOException("Elasticsearch refused a project, the alias '" + ALIAS + "' is unchanged: " + reason);
            }
        }
        alias.switchTo(index);
    }

    /** Puts one project into the index behind the alias, visible to the next search. */
    public void index(Project project) throws IOException {
        client.index(request -> request.index(ALIAS).id(project.slug()).document(document(project)).refresh(Refresh.True));
    }

    /**
     * The indexed form of a project: its JSON plus a geo point, and as {@code suggest} its name and aliases for
     * completion as users type.
     */
    public ObjectNode document(Project project) {
        ObjectNode document = json.valueToTree(project);
        Place place = project.place();
        if (place.latitude() != null && place.longitude() != null) {
            document.putObject("location").put("lat", place.latitude()).put("lon", place.longitude());
        }
        project.names().forEach(name -> document.withObject("suggest").withArray("input").add(name));
        return document;
    }

    public Set<String> currentIndices() throws IOException {
        return alias.currentIndices();
    }

    private Optional<String> heldFingerprint() throws IOException {
        Set<String> indices = currentIndices();
        if (indices.size() != 1) {
            return Optional.empty();
        }
        String index = indices.iterator().next();
        Map<String, JsonData> meta = client.indices().getMapping(request -> request.index(index))
                .get(index).mappings().meta();
        return Optional.ofNullable(meta.get(FINGERPRINT)).map(value -> value.to(String.class));
    }
}
