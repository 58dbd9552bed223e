package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
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
    /** The score an item gets for carrying a theme the search text names: about that of a strong title match. */
    private static final float THEME_NAMED_BOOST = 10f;
    /** How long a cursor's point in time lives after each page: enough to read a page, short to spare the node. */
    private static final String KEEP_ALIVE = "1m";
    private static final String KEEP_ALIVE_WORDS = "1 minute";
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
        if (query.cursor().isPresent()) {
            return continueWalk(query, query.cursor().get());
        }
        SearchResponse<ObjectNode> response = client.search(request -> {
            request.index(ALIAS)
                    .query(toQuery(query))
                    .from((query.page() - 1) * query.size())
                    .size(query.size())
                    .sort(sorting(query))
                    .trackTotalHits(total -> total.enabled(true));
            highlight(request, query);
            TERM_FACETS.forEach((name, field) ->
                    request.aggregations(name, aggregation -> aggregation.terms(terms -> terms.field(field).size(FACET_SIZE))));
            request.aggregations("month", perMonth());
            return request;
        }, ObjectNode.class);
        long shown = (long) (query.page() - 1) * query.size();
        return result(query, response, facets(response.aggregations()), shown, null);
    }

    /**
     * A page after the last one shown: {@code search_after} its sort values, in a point in time that the first such
     * page opens and each one keeps alive for {@link #KEEP_ALIVE} more.
     */
    private SearchResult continueWalk(ItemQuery query, ItemCursor cursor) throws IOException {
        String pit = cursor.pit() != null ? cursor.pit()
                : client.openPointInTime(request -> request.index(ALIAS).keepAlive(time -> time.time(KEEP_ALIVE))).id();
        SearchResponse<ObjectNode> response;
        try {
            response = client.search(request -> {
                request.pit(point -> point.id(pit).keepAlive(time -> time.time(KEEP_ALIVE)))
                        .query(toQuery(query))
                        .size(query.size())
                        .sort(sorting(query))
                        .searchAfter(cursor.searchAfter())
                        .trackTotalHits(total -> total.enabled(true));
                highlight(request, query);
                return request;
            }, ObjectNode.class);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                throw ApiException.badParameter("cursor", "expired: a cursor lives " + KEEP_ALIVE_WORDS
                        + " after its page was fetched; start the search again without it");
            }
            if (e.status() == 400) {
                throw ApiException.badParameter("cursor", "not a cursor this API handed out; take it from a response's 'next'");
            }
            throw e;
        }
        SearchResult result = result(query, response, Map.of(), cursor.shown(), response.pitId());
        if (result.next() == null) {
            client.closePointInTime(request -> request.id(response.pitId()));
        }
        return result;
    }

    private SearchResult result(ItemQuery query, SearchResponse<ObjectNode> response, Map<String, List<FacetValue>> facets,
                                long shownBefore, String pit) {
        List<Hit<ObjectNode>> hits = response.hits().hits();
        List<ItemHit> items = hits.stream()
                .map(hit -> hit(json, hit.source(), hit.highlight()))
                .toList();
        long total = Optional.ofNullable(response.hits().total()).map(t -> t.value()).orElse((long) items.size());
        long shown = shownBefore + items.size();
        String next = shown < total && !hits.isEmpty()
                ? new ItemCursor(query.searchParameters(), ItemCursor.after(hits.getLast().sort()), pit, query.page() + 1,
                shown).encode()
                : null;
        return new SearchResult(total, query.page(), query.size(), items, facets, next);
    }

    /** Relevance or date, then the item id, so that every item has its own place in the order, as cursors need. */
    private static List<SortOptions> sorting(ItemQuery query) {
        List<SortOptions> sorting = new ArrayList<>();
        if (query.sort() == ItemQuery.Sort.RELEVANCE) {
            sorting.add(SortOptions.of(sort -> sort.score(score -> score.order(SortOrder.Desc))));
        }
        sorting.addAll(newestFirst());
        return sorting;
    }

    /** Newest first, then by id: every item has its own place, as {@code search_after} needs. */
    static List<SortOptions> newestFirst() {
        return List.of(SortOptions.of(sort -> sort.field(field -> field.field("published").order(SortOrder.Desc))),
                SortOptions.of(sort -> sort.field(field -> field.field("id").order(SortOrder.Asc))));
    }

    private static void highlight(SearchRequest.Builder request, ItemQuery query) {
        if (query.q().isPresent()) {
            request.highlight(highlight -> highlight
                    .encoder(HighlighterEncoder.Html)
                    .preTags("<mark>")
                    .postTags("</mark>")
                    .fields(NamedValue.of("title", HighlightField.of(field -> field.numberOfFragments(0))),
                            NamedValue.of("summary", HighlightField.of(field -> field.fragmentSize(200).numberOfFragments(2)))));
        }
    }

    public ItemHit get(String id) throws IOException {
        GetResponse<ObjectNode> response = client.get(request -> request.index(ALIAS).id(id), ObjectNode.class);
        // A hidden item answers as if it did not exist: that it was hidden, and why, is the editors' business.
        if (!response.found() || response.source() == null || PublicItems.hidden(response.source())) {
            throw ApiException.notFound("No item with id '" + id + "'");
        }
        return hit(json, response.source(), Map.of());
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
        SearchResponse<Void> response = client.search(request -> request.index(ALIAS).size(0).query(PublicItems.all())
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
        SearchResponse<Void> response = client.search(request -> request.index(ALIAS).size(0).query(PublicItems.all())
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
        BoolQuery.Builder bool = PublicItems.only(new BoolQuery.Builder());
        query.q().ifPresentOrElse(text -> {
            Vocabulary.ThemeNames themeNames = query.qThemes();
            if (themeNames.names().isEmpty()) {
                bool.must(words(text));
                return;
            }
            if (!themeNames.rest().isBlank()) {
                bool.must(words(themeNames.rest()));
            }
            // A theme's name matches as words, or as the theme of items tagged with it, which rank above mere mentions.
            for (Vocabulary.ThemeName name : themeNames.names()) {
                bool.must(must -> must.bool(either -> {
                    either.should(words(name.words()));
                    name.themes().forEach(theme -> either.should(should -> should.constantScore(constant -> constant
                            .filter(filter -> filter.term(term -> term.field("themes.id").value(FieldValue.of(theme))))
                            .boost(THEME_NAMED_BOOST))));
                    return either.minimumShouldMatch("1");
                }));
            }
        }, () -> bool.must(must -> must.matchAll(all -> all)));
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

    /** All these words, in title or teaser. */
    private static Query words(String text) {
        return Query.of(query -> query.multiMatch(match -> match.query(text).fields("title^2", "summary")
                .type(TextQueryType.CrossFields).operator(Operator.And)));
    }

    public static void term(BoolQuery.Builder bool, String field, Optional<String> value) {
        value.ifPresent(v -> bool.filter(filter -> filter.term(term -> term.field(field).value(FieldValue.of(v)))));
    }

    static void mustNot(BoolQuery.Builder bool, String field, String value) {
        bool.mustNot(not -> not.term(term -> term.field(field).value(FieldValue.of(value))));
    }

    private static Map<String, List<FacetValue>> facets(Map<String, Aggregate> aggregations) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (String name : List.of("city", "state", "theme", "field", "source")) {
            facets.put(name, aggregations.get(name).sterms().buckets().array().stream()
                    .map(bucket -> new FacetValue(bucket.key().stringValue(), bucket.docCount()))
                    .toList());
        }
        facets.put("month", monthCounts(aggregations.get("month")));
        return facets;
    }

    /** Items per calendar month of publication in German time, as the month facet and the comparison count them. */
    static Aggregation perMonth() {
        return Aggregation.of(aggregation -> aggregation.dateHistogram(histogram -> histogram
                .field("published").calendarInterval(CalendarInterval.Month).format("yyyy-MM")
                .timeZone("Europe/Berlin").minDocCount(1)));
    }

    /** The months of a {@link #perMonth()} aggregation, oldest first, as "2026-09". */
    static List<FacetValue> monthCounts(Aggregate perMonth) {
        return perMonth.dateHistogram().buckets().array().stream()
                .map(bucket -> new FacetValue(bucket.keyAsString(), bucket.docCount()))
                .toList();
    }

    /** An item document as the API shows it, with the passages the search highlighted in it. */
    public static ItemHit hit(ObjectMapper json, ObjectNode source, Map<String, List<String>> highlight) {
        List<ProjectLink> links = projectLinks(json, source);
        source.remove("location");
        return ItemHit.of(json.convertValue(source, NewsItem.class), highlight, links);
    }

    /** The item's links to projects with their reasons; none in documents indexed before projects existed. */
    static List<ProjectLink> projectLinks(ObjectMapper json, ObjectNode source) {
        return source.has("projectLinks") ? json.convertValue(source.get("projectLinks"), PROJECT_LINKS) : List.of();
    }
}
