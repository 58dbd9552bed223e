package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.search.feed.FeedHead;
import de.smartcity.catalogue.search.feed.FeedIds;
import de.smartcity.catalogue.search.feed.FeedWriter;
import de.smartcity.catalogue.search.feed.ItemFeeds;
import de.smartcity.catalogue.search.feed.ProjectFeeds;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Atom and RSS feeds: the newest items of any search that editors approved or featured, and the projects of
 * any project search, newest first.
 */
public final class FeedService {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final Set<String> ITEM_PARAMETERS = ItemQuery.union(ItemQuery.FILTERS, Set.of("size"));
    public static final Set<String> PROJECT_PARAMETERS = ItemQuery.union(ProjectQuery.FILTERS, Set.of("size"));
    private static final String TITLE = "Smart-City-Katalog";

    /**
     * Where a feed was asked for.
     *
     * @param base  the app's address, such as {@code http://localhost:8080}
     * @param path  the feed's path
     * @param query the raw query string, empty when there is none
     */
    public record Request(String base, String path, String query) {
        String pathAndQuery() {
            return query.isEmpty() ? path : path + "?" + query;
        }
    }

    private final ElasticsearchClient client;
    private final Taxonomy taxonomy;
    private final ObjectMapper json;
    private final Vocabulary vocabulary;
    private final ProjectSearchService projects;

    FeedService(ElasticsearchClient client, ObjectMapper json, Taxonomy taxonomy, ProjectSearchService projects) {
        this.client = client;
        this.json = json;
        this.taxonomy = taxonomy;
        this.vocabulary = Vocabulary.of(taxonomy);
        this.projects = projects;
    }

    /** @param feedType {@link FeedWriter#ATOM} or {@link FeedWriter#RSS} */
    byte[] items(Map<String, String> parameters, Request request, String feedType) throws IOException {
        ItemQuery query = ItemQuery.parseFilters(parameters, vocabulary);
        int size = size(parameters);
        SearchResponse<ObjectNode> response = client.search(search -> search.index(ItemSearchService.ALIAS)
                .query(CuratedItems.only(ItemSearchService.toQuery(query)))
                .sort(ItemSearchService.newestFirst())
                .size(size), ObjectNode.class);
        List<ItemHit> hits = response.hits().hits().stream().map(hit -> ItemSearchService.hit(json, hit.source(), Map.of())).toList();
        Instant updated = hits.stream().map(ItemHit::published).max(Instant::compareTo).orElse(Instant.EPOCH);
        Map<String, String> filters = ItemQuery.only(parameters, ItemQuery.FILTERS);
        FeedHead head = head(request, "Meldungen", describe(query), request.base() + "/" + queryString(filters, "?"),
                updated);
        ItemFeeds feeds = new ItemFeeds(taxonomy);
        return FeedWriter.write(feedType.equals(FeedWriter.RSS) ? feeds.rss(head, hits) : feeds.atom(head, hits));
    }

    byte[] projects(Map<String, String> parameters, Request request) throws IOException {
        ProjectQuery query = ProjectQuery.parseFilters(parameters, vocabulary);
        int size = size(parameters);
        SearchResponse<ObjectNode> response = client.search(search -> search.index(ProjectSearchService.ALIAS)
                .query(ProjectSearchService.toQuery(query))
                .sort(sort -> sort.field(field -> field.field("period.from").order(SortOrder.Desc)))
                .sort(sort -> sort.field(field -> field.field("slug").order(SortOrder.Asc)))
                .size(size), ObjectNode.class);
        List<Project> found = response.hits().hits().stream().map(Hit::source).map(projects::toProject).toList();
        Map<String, Instant> newest = newestNews(found.stream().map(Project::slug).toList());
        List<ProjectFeeds.Dated> dated = found.stream()
                .map(project -> new ProjectFeeds.Dated(project, Optional.ofNullable(newest.get(project.slug()))))
                .toList();
        Instant updated = dated.stream().map(ProjectFeeds.Dated::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        Map<String, String> filters = ItemQuery.only(parameters, ProjectQuery.FILTERS);
        FeedHead head = head(request, "Projekte", describe(query),
                request.base() + "/api/projects" + queryString(filters, "?"), updated);
        return FeedWriter.write(new ProjectFeeds(taxonomy).atom(head, dated));
    }

    /** When the newest item linked to each of these projects was published; public items only. */
    private Map<String, Instant> newestNews(List<String> slugs) throws IOException {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        SearchResponse<Void> response = client.search(search -> search.index(ItemSearchService.ALIAS).size(0)
                .query(query -> query.bool(bool -> PublicItems.only(bool).filter(filter -> filter.terms(terms -> terms
                        .field("projects").terms(values -> values.value(slugs.stream().map(FieldValue::of).toList()))))))
                .aggregations("projects", aggregation -> aggregation
                        .terms(terms -> terms.field("projects").include(include -> include.terms(slugs)).size(slugs.size()))
                        .aggregations("newest", newest -> newest.max(max -> max.field("published")))), Void.class);
        Map<String, Instant> newest = new HashMap<>();
        for (StringTermsBucket bucket : response.aggregations().get("projects").sterms().buckets().array()) {
            Double millis = bucket.aggregations().get("newest").max().value();
            if (millis != null && !millis.isInfinite()) {
                newest.put(bucket.key().stringValue(), Instant.ofEpochMilli(millis.longValue()));
            }
        }
        return newest;
    }

    private static FeedHead head(Request request, String what, List<String> filters, String alternate, Instant updated) {
        String title = TITLE + ": " + what + (filters.isEmpty() ? "" : " – " + String.join(", ", filters));
        return new FeedHead(FeedIds.feed(request.pathAndQuery()), title, request.base() + request.pathAndQuery(), alternate,
                request.base(), updated);
    }

    static int size(Map<String, String> parameters) {
        int size = ItemQuery.integer(parameters, "size", DEFAULT_SIZE);
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badParameter("size", "must be between 1 and " + MAX_SIZE);
        }
        return size;
    }

    /** The search in words, for the feed's title: „Parkhaus“, Parken, Hessen, … */
    private List<String> describe(ItemQuery query) {
        List<String> parts = describe(query.q(), query.theme(), query.field(), query.city(), query.state());
        query.source().ifPresent(source -> parts.add("Quelle " + source));
        query.project().ifPresent(project -> parts.add("Projekt " + project));
        query.from().ifPresent(from -> parts.add("ab " + from));
        query.to().ifPresent(to -> parts.add("bis " + to));
        return parts;
    }

    private List<String> describe(ProjectQuery query) {
        List<String> parts = describe(query.q(), query.theme(), query.field(), query.city(), query.state());
        query.status().ifPresent(status -> parts.add(status.label()));
        query.programme().ifPresent(parts::add);
        return parts;
    }

    /** The filters items and projects share. */
    private List<String> describe(Optional<String> q, Optional<String> theme, Optional<String> field, Optional<String> city,
                                  Optional<String> state) {
        List<String> parts = new ArrayList<>();
        q.ifPresent(text -> parts.add("„" + text + "“"));
        theme.ifPresent(id -> parts.add(taxonomy.theme(id).map(Theme::de).orElse(id)));
        field.ifPresent(parts::add);
        city.ifPresent(parts::add);
        state.ifPresent(parts::add);
        return parts;
    }

    /** The parameters as a query string, with {@code prefix} in front when there are any. */
    static String queryString(Map<String, String> parameters, String prefix) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&", prefix, ""));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
