package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.model.Taxonomy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Searches, facets and looks up items in the {@code items} alias. */
public final class ItemSearchService {
    public static final String ALIAS = "items";
    /** Facet name → indexed field. */
    private static final Map<String, String> TERM_FACETS = Map.of(
            "city", "place.name",
            "state", "place.state",
            "theme", "themes.id",
            "field", "fields",
            "source", "sourceIds");
    private static final int FACET_SIZE = 50;
    private static final TypeReference<List<ProjectLink>> PROJECT_LINKS = new TypeReference<>() {
    };

    private final ElasticsearchClient client;
    private final ObjectMapper json;
    private final Taxonomy taxonomy;

    public ItemSearchService(ElasticsearchClient client, ObjectMapper json, Taxonomy taxonomy) {
        this.client = client;
        this.json = json;
        this.taxonomy = taxonomy;
    }

    public SearchResult search(ItemQuery query) throws IOException {
        SearchResponse<ObjectNode> response = client.search(request -> {
            request.index(ALIAS)
                    .query(toQuery(query))
                    .from((query.page() - 1) * query.size())
                    .size(query.size())
                    .trackTotalHits(total -> total.enabled(true));
            if (query.sort() == ItemQuery.Sort.DATE) {
                request.sort(sort -> sort.field(field -> field.field("published").order(SortOrder.Desc)));
            }
            if (query.q().isPresent()) {
                request.highlight(highlight -> highlight
                        .encoder(HighlighterEncoder.Html)
                        .preTags("<mark>")
                        .postTags("</mark>")
                        .fields(NamedValue.of("title", HighlightField.of(field -> field.numberOfFragments(0))),
                                NamedValue.of("summary", HighlightField.of(field -> field.fragmentSize(200).numberOfFragments(2)))));
            }
            TERM_FACETS.forEach((name, field) ->
                    request.aggregations(name, aggregation -> aggregation.terms(terms -> terms.field(field).size(FACET_SIZE))));
            request.aggregations("month", aggregation -> aggregation.dateHistogram(histogram -> histogram
                    .field("published").calendarInterval(CalendarInterval.Month).format("yyyy-MM")
                    .timeZone("Europe/Berlin").minDocCount(1)));
            return request;
        }, ObjectNode.class);

        List<ItemHit> items = response.hits().hits().stream()
                .map(hit -> ItemHit.of(toItem(hit.source()), hit.highlight(), projectLinks(json, hit.source())))
                .toList();
        long total = Optional.ofNullable(response.hits().total()).map(t -> t.value()).orElse((long) items.size());
        return new SearchResult(total, query.page(), query.size(), items, facets(response.aggregations()));
    }

    public ItemHit get(String id) throws IOException {
        GetResponse<ObjectNode> response = client.get(request -> request.index(ALIAS).id(id), ObjectNode.class);
        if (!response.found() || response.source() == null) {
            throw ApiException.notFound("No item with id '" + id + "'");
        }
        return ItemHit.of(toItem(response.source()), Map.of(), projectLinks(json, response.source()));
    }

    /** The taxonomy's themes with how many items carry each. */
    public List<ThemeCount> themes() throws IOException {
        Map<String, Long> counts = termCounts("themes.id", 100);
        return taxonomy.themes().stream()
                .map(theme -> new ThemeCount(theme.id(), theme.de(), theme.en(), theme.field(), counts.getOrDefault(theme.id(), 0L)))
                .toList();
    }

    /** Places that have items, most items first, with state and AGS. */
    public List<CityCount> cities() throws IOException {
        SearchResponse<Void> response = client.search(request -> request.index(ALIAS).size(0)
                .aggregations("city", aggregation -> aggregation
                        .terms(terms -> terms.field("place.name").size(1000))
                        .aggregations("state", sub -> sub.terms(terms -> terms.field("place.state").size(1)))
                        .aggregations("ags", sub -> sub.terms(terms -> terms.field("place.ags").size(1)))), Void.class);
        List<CityCount> cities = new ArrayList<>();
        for (StringTermsBucket bucket : response.aggregations().get("city").sterms().buckets().array()) {
            cities.add(new CityCount(bucket.key().stringValue(), firstKey(bucket.aggregations().get("state")),
                    firstKey(bucket.aggregations().get("ags")), bucket.docCount()));
        }
        return cities;
    }

    private Map<String, Long> termCounts(String field, int size) throws IOException {
        SearchResponse<Void> response = client.search(request -> request.index(ALIAS).size(0)
                .aggregations("values", aggregation -> aggregation.terms(terms -> terms.field(field).size(size))), Void.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        response.aggregations().get("values").sterms().buckets().array()
                .forEach(bucket -> counts.put(bucket.key().stringValue(), bucket.docCount()));
        return counts;
    }

    private static String firstKey(Aggregate aggregate) {
        return aggregate.sterms().buckets().array().stream().findFirst().map(bucket -> bucket.key().stringValue()).orElse(null);
    }

    static Query toQuery(ItemQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        query.q().ifPresentOrElse(
                text -> bool.must(must -> must.multiMatch(match -> match
                        .query(text)
                        .fields("title^2", "summary")
                        .type(TextQueryType.CrossFields)
                        .operator(Operator.And))),
                () -> bool.must(must -> must.matchAll(all -> all)));
        term(bool, "place.name", query.city());
        term(bool, "place.state", query.state());
        term(bool, "themes.id", query.theme());
        term(bool, "fields", query.field());
        term(bool, "sourceIds", query.source());
        term(bool, "projects", query.project());
        if (query.from().isPresent() || query.to().isPresent()) {
            bool.filter(filter -> filter.range(range -> range.untyped(untyped -> {
                untyped.field("published");
                query.from().ifPresent(from -> untyped.gte(JsonData.of(from.toString())));
                query.to().ifPresent(to -> untyped.lte(JsonData.of(to.toString())));
                return untyped;
            })));
        }
        return bool.build()._toQuery();
    }

    static void term(BoolQuery.Builder bool, String field, Optional<String> value) {
        value.ifPresent(v -> bool.filter(filter -> filter.term(term -> term.field(field).value(FieldValue.of(v)))));
    }

    private static Map<String, List<FacetValue>> facets(Map<String, Aggregate> aggregations) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (String name : List.of("city", "state", "theme", "field", "source")) {
            facets.put(name, aggregations.get(name).sterms().buckets().array().stream()
                    .map(bucket -> new FacetValue(bucket.key().stringValue(), bucket.docCount()))
                    .toList());
        }
        facets.put("month", aggregations.get("month").dateHistogram().buckets().array().stream()
                .map(bucket -> new FacetValue(bucket.keyAsString(), bucket.docCount()))
                .toList());
        return facets;
    }

    private NewsItem toItem(ObjectNode source) {
        source.remove("location");
        return json.convertValue(source, NewsItem.class);
    }

    /** The item's links to projects with their reasons; none in documents indexed before projects existed. */
    static List<ProjectLink> projectLinks(ObjectMapper json, ObjectNode source) {
        return source.has("projectLinks") ? json.convertValue(source.get("projectLinks"), PROJECT_LINKS) : List.of();
    }
}
