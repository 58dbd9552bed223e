package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.model.ProjectStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Searches and facets projects in the {@code projects} alias, and shows a project with its news from the
 * {@code items} alias, whose documents carry the slugs of their projects.
 */
public final class ProjectSearchService {
    public static final String ALIAS = "projects";
    /** The newest linked items a project's page lists; {@code /api/items?project=} pages through all of them. */
    public static final int TIMELINE_LENGTH = 100;
    /** Facet name → indexed field, in the order of the answer. */
    private static final List<Map.Entry<String, String>> TERM_FACETS = List.of(
            Map.entry("city", "place.name"),
            Map.entry("state", "place.state"),
            Map.entry("theme", "themes"),
            Map.entry("field", "fields"),
            Map.entry("status", "status"),
            Map.entry("programme", "programme"));
    private static final int FACET_SIZE = 50;

    private final ElasticsearchClient client;
    private final ObjectMapper json;

    public ProjectSearchService(ElasticsearchClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    public ProjectSearchResult search(ProjectQuery query) throws IOException {
        SearchResponse<ObjectNode> response = client.search(request -> {
            request.index(ALIAS)
                    .query(toQuery(query))
                    .from((query.page() - 1) * query.size())
                    .size(query.size())
                    .trackTotalHits(total -> total.enabled(true));
            if (query.q().isEmpty()) {
                request.sort(sort -> sort.field(field -> field.field("name.keyword").order(SortOrder.Asc)));
            }
            TERM_FACETS.forEach(facet -> request.aggregations(facet.getKey(),
                    aggregation -> aggregation.terms(terms -> terms.field(facet.getValue()).size(FACET_SIZE))));
            return request;
        }, ObjectNode.class);

        List<ProjectHit> hits = hits(response.hits().hits().stream().map(hit -> toProject(hit.source())).toList());
        long total = Optional.ofNullable(response.hits().total()).map(t -> t.value()).orElse((long) hits.size());
        return new ProjectSearchResult(total, query.page(), query.size(), hits, facets(response.aggregations()));
    }

    /** Projects as the list shows them: with their status in German and how many news items name each. */
    List<ProjectHit> hits(List<Project> projects) throws IOException {
        Map<String, Long> newsCounts = newsCounts(projects.stream().map(Project::slug).toList());
        return projects.stream()
                .map(project -> new ProjectHit(project, project.status().label(), newsCounts.getOrDefault(project.slug(), 0L)))
                .toList();
    }

    /** A project with its news, newest first, each with the reason it is linked. */
    public ProjectDetail get(String slug) throws IOException {
        GetResponse<ObjectNode> found = client.get(request -> request.index(ALIAS).id(slug), ObjectNode.class);
        if (!found.found() || found.source() == null) {
            throw ApiException.notFound("No project with slug '" + slug + "'");
        }
        Project project = toProject(found.source());
        SearchResponse<ObjectNode> news = client.search(request -> request.index(ItemSearchService.ALIAS)
                .query(query -> query.bool(bool -> PublicItems.only(bool)
                        .filter(filter -> filter.term(term -> term.field("projects").value(FieldValue.of(slug))))))
                .sort(sort -> sort.field(field -> field.field("published").order(SortOrder.Desc)))
                .size(TIMELINE_LENGTH)
                .trackTotalHits(total -> total.enabled(true)), ObjectNode.class);
        List<TimelineEntry> timeline = news.hits().hits().stream().map(hit -> timelineEntry(hit.source(), slug)).toList();
        long newsCount = Optional.ofNullable(news.hits().total()).map(t -> t.value()).orElse((long) timeline.size());
        return new ProjectDetail(project, project.status().label(), newsCount, timeline);
    }

    private TimelineEntry timelineEntry(ObjectNode source, String slug) {
        String reason = ItemSearchService.projectLinks(json, source).stream()
                .filter(link -> link.slug().equals(slug)).findFirst().map(ProjectLink::reason).orElse(null);
        source.remove("location");
        NewsItem item = json.convertValue(source, NewsItem.class);
        return new TimelineEntry(item.id(), item.title(), item.summary(), item.url(), item.published(), item.place(), reason);
    }

    /** How many items are linked to each of these projects, in one aggregation over the items. */
    private Map<String, Long> newsCounts(List<String> slugs) throws IOException {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        SearchResponse<Void> response = client.search(request -> request.index(ItemSearchService.ALIAS).size(0)
                .query(query -> query.bool(bool -> PublicItems.only(bool).filter(filter -> filter.terms(terms -> terms
                        .field("projects").terms(values -> values.value(slugs.stream().map(FieldValue::of).toList()))))))
                .aggregations("projects", aggregation -> aggregation.terms(terms -> terms.field("projects")
                        .include(include -> include.terms(slugs)).size(slugs.size()))), Void.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        response.aggregations().get("projects").sterms().buckets().array()
                .forEach(bucket -> counts.put(bucket.key().stringValue(), bucket.docCount()));
        return counts;
    }

    static Query toQuery(ProjectQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        query.q().ifPresentOrElse(
                text -> bool.must(must -> must.multiMatch(match -> match
                        .query(text)
                        .fields("name^3", "aliases^3", "description", "partners", "place.name.text")
                        .type(TextQueryType.CrossFields)
                        .operator(Operator.And))),
                () -> bool.must(must -> must.matchAll(all -> all)));
        ItemSearchService.term(bool, "place.name", query.city());
        ItemSearchService.term(bool, "place.state", query.state());
        ItemSearchService.term(bool, "themes", query.theme());
        ItemSearchService.term(bool, "fields", query.field());
        ItemSearchService.term(bool, "status", query.status().map(ProjectStatus::id));
        ItemSearchService.term(bool, "programme", query.programme());
        return bool.build()._toQuery();
    }

    private static Map<String, List<FacetValue>> facets(Map<String, Aggregate> aggregations) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        TERM_FACETS.forEach(facet -> facets.put(facet.getKey(), aggregations.get(facet.getKey()).sterms().buckets().array()
                .stream().map(bucket -> new FacetValue(bucket.key().stringValue(), bucket.docCount())).toList()));
        return facets;
    }

    Project toProject(ObjectNode source) {
        return json.convertValue(source, Project.class);
    }
}
