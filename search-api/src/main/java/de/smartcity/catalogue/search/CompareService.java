package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import de.smartcity.catalogue.model.Theme;
import java.io.IOException;
import java.text.Collator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison matrix of cities × themes, from two aggregations: items by city AGS and theme (with the newest
 * item of each cell) in the {@code items} alias, and projects by the same in the {@code projects} alias. A matrix
 * over 100,000 items costs Elasticsearch 70–140 ms, most of it finding each cell's newest item (see
 * docs/BENCHMARKS.md), so each one is kept for {@link #KEEP} and computed once however many ask for it at once.
 */
public final class CompareService {
    /**
     * The most cities a matrix holds (those with the most items). With every theme as a column this stays below
     * Elasticsearch's default limit of 65,536 buckets per search.
     */
    public static final int MAX_CITIES = 1000;
    private static final String CITIES = "cities";
    private static final String THEMES = "themes";
    private static final String NAME = "name";
    private static final String STATE = "state";
    private static final String LATEST = "latest";
    private static final String MONTHS = "months";

    /**
     * How long a matrix is served from memory. A matrix aggregates the whole catalogue, which changes only when
     * news come in; clients may keep an answer for a minute anyway ({@code Cache-Control: max-age=60}).
     */
    public static final Duration KEEP = Duration.ofSeconds(30);
    /** Distinct comparisons kept at most; beyond, further ones are computed each time until some expire. */
    private static final int MAX_KEPT = 256;

    private final ElasticsearchClient client;
    private final ExpiringMemo<List<Object>, CompareResult> kept;

    public CompareService(ElasticsearchClient client) {
        this(client, KEEP);
    }

    /** @param keep how long a matrix is served from memory; zero computes each one afresh */
    public CompareService(ElasticsearchClient client, Duration keep) {
        this.client = client;
        this.kept = new ExpiringMemo<>(keep, MAX_KEPT, System::nanoTime);
    }

    public CompareResult compare(CompareQuery query) throws IOException {
        return kept.get(List.of(query.themeIds(), query.state(), query.from(), query.to(), query.sort()),
                () -> compute(query));
    }

    private CompareResult compute(CompareQuery query) throws IOException {
        List<String> themeIds = query.themeIds();
        SearchResponse<Void> items = client.search(request -> request.index(ItemSearchService.ALIAS).size(0)
                .trackTotalHits(total -> total.enabled(true))
                .query(itemScope(query))
                .aggregations(CITIES, byCity(withLatestItem(byTheme(themeIds, "themes.id"))))
                .aggregations(THEMES, withMonths(byTheme(themeIds, "themes.id"))), Void.class);
        SearchResponse<Void> projects = client.search(request -> request.index(ProjectSearchService.ALIAS).size(0)
                .trackTotalHits(total -> total.enabled(true))
                .query(projectScope(query))
                .aggregations(CITIES, byCity(byTheme(themeIds, "themes")))
                .aggregations(THEMES, byTheme(themeIds, "themes")), Void.class);

        Map<String, CompareResult.Row> rows = new HashMap<>();
        for (StringTermsBucket city : buckets(items.aggregations().get(CITIES))) {
            Map<String, CompareResult.Cell> cells = new HashMap<>();
            for (StringTermsBucket theme : buckets(city.aggregations().get(THEMES))) {
                cells.put(theme.key().stringValue(), new CompareResult.Cell(theme.docCount(), 0, latest(theme)));
            }
            String ags = city.key().stringValue();
            rows.put(ags, new CompareResult.Row(ags, firstKey(city, NAME).orElse(ags), firstKey(city, STATE).orElse(null),
                    city.docCount(), 0, cells));
        }
        for (StringTermsBucket city : buckets(projects.aggregations().get(CITIES))) {
            String ags = city.key().stringValue();
            CompareResult.Row row = rows.get(ags);
            Map<String, CompareResult.Cell> cells = row == null ? new HashMap<>() : row.cells();
            for (StringTermsBucket theme : buckets(city.aggregations().get(THEMES))) {
                cells.merge(theme.key().stringValue(), new CompareResult.Cell(0, theme.docCount(), null),
                        (withItems, withProjects) -> new CompareResult.Cell(withItems.items(), withProjects.projects(),
                                withItems.latest()));
            }
            rows.put(ags, row == null
                    ? new CompareResult.Row(ags, firstKey(city, NAME).orElse(ags), firstKey(city, STATE).orElse(null), 0,
                    city.docCount(), cells)
                    : new CompareResult.Row(ags, row.name(), row.state(), row.items(), city.docCount(), cells));
        }

        Map<String, StringTermsBucket> itemsPerTheme = new HashMap<>();
        buckets(items.aggregations().get(THEMES)).forEach(bucket -> itemsPerTheme.put(bucket.key().stringValue(), bucket));
        Map<String, Long> projectsPerTheme = counts(projects.aggregations().get(THEMES));
        List<CompareResult.Column> columns = new ArrayList<>();
        for (Theme theme : query.columns()) {
            Optional<StringTermsBucket> withItems = Optional.ofNullable(itemsPerTheme.get(theme.id()));
            columns.add(new CompareResult.Column(theme.id(), theme.de(), theme.field(),
                    withItems.map(StringTermsBucket::docCount).orElse(0L), projectsPerTheme.getOrDefault(theme.id(), 0L),
                    withItems.map(bucket -> ItemSearchService.monthCounts(bucket.aggregations().get(MONTHS))).orElse(List.of())));
        }
        columns.sort(columnOrder(query.sort()));
        List<CompareResult.Row> sorted = rows.values().stream()
                .map(row -> withCellsInColumnOrder(row, columns))
                .sorted(rowOrder(query.sort()))
                .toList();
        return new CompareResult(columns, sorted, new CompareResult.Counts(total(items), total(projects)));
    }

    /** {@code count}: most items, then most projects, then by name; {@code name}: by name, in German order. */
    static Comparator<CompareResult.Row> rowOrder(CompareQuery.Sort sort) {
        Comparator<CompareResult.Row> byName = Comparator.comparing(CompareResult.Row::name, Collator.getInstance(Locale.GERMAN));
        return sort == CompareQuery.Sort.NAME ? byName
                : Comparator.comparingLong(CompareResult.Row::items).reversed()
                .thenComparing(Comparator.comparingLong(CompareResult.Row::projects).reversed())
                .thenComparing(byName);
    }

    /** Like {@link #rowOrder}, by a theme's German label. */
    static Comparator<CompareResult.Column> columnOrder(CompareQuery.Sort sort) {
        Comparator<CompareResult.Column> byLabel = Comparator.comparing(CompareResult.Column::label,
                Collator.getInstance(Locale.GERMAN));
        return sort == CompareQuery.Sort.NAME ? byLabel
                : Comparator.comparingLong(CompareResult.Column::items).reversed()
                .thenComparing(Comparator.comparingLong(CompareResult.Column::projects).reversed())
                .thenComparing(byLabel);
    }

    static Query itemScope(CompareQuery query) {
        BoolQuery.Builder bool = PublicItems.only(scope(query, "themes.id"));
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

    /** Projects are counted whatever their period: {@code from} and {@code to} speak of news. */
    static Query projectScope(CompareQuery query) {
        return scope(query, "themes").build()._toQuery();
    }

    /** What a cell can count: something with one of the columns' themes, in a city with an AGS, in the state. */
    private static BoolQuery.Builder scope(CompareQuery query, String themeField) {
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .filter(filter -> filter.terms(terms -> terms.field(themeField)
                        .terms(values -> values.value(query.themeIds().stream().map(FieldValue::of).toList()))))
                .filter(filter -> filter.exists(exists -> exists.field("place.ags")));
        ItemSearchService.term(bool, "place.state", query.state());
        return bool;
    }

    /** Per city AGS: its name, its state and the given aggregation per theme. */
    private static Aggregation byCity(Aggregation perTheme) {
        return Aggregation.of(aggregation -> aggregation
                .terms(terms -> terms.field("place.ags").size(MAX_CITIES))
                .aggregations(NAME, sub -> sub.terms(terms -> terms.field("place.name").size(1)))
                .aggregations(STATE, sub -> sub.terms(terms -> terms.field("place.state").size(1)))
                .aggregations(THEMES, perTheme));
    }

    /** The themes' buckets, each also with its newest item, of which only what a cell shows is fetched. */
    private static Aggregation withLatestItem(Aggregation byTheme) {
        return Aggregation.of(aggregation -> aggregation.terms(byTheme.terms())
                .aggregations(LATEST, latest -> latest.topHits(top -> top.size(1)
                        .sort(sort -> sort.field(field -> field.field("published").order(SortOrder.Desc)))
                        .source(source -> source.filter(filter -> filter.includes("id", "title", "published"))))));
    }

    /** The themes' buckets, each also with its items per month, for the chart beside the matrix. */
    private static Aggregation withMonths(Aggregation byTheme) {
        return Aggregation.of(aggregation -> aggregation.terms(byTheme.terms())
                .aggregations(MONTHS, ItemSearchService.perMonth()));
    }

    private static Aggregation byTheme(List<String> themeIds, String themeField) {
        return Aggregation.of(aggregation -> aggregation.terms(terms -> terms.field(themeField)
                .include(include -> include.terms(themeIds)).size(themeIds.size())));
    }

    private static CompareResult.LatestItem latest(StringTermsBucket theme) {
        Hit<JsonData> hit = theme.aggregations().get(LATEST).topHits().hits().hits().getFirst();
        return hit.source().to(CompareResult.LatestItem.class);
    }

    private static CompareResult.Row withCellsInColumnOrder(CompareResult.Row row, List<CompareResult.Column> columns) {
        Map<String, CompareResult.Cell> cells = new LinkedHashMap<>();
        columns.stream().map(CompareResult.Column::id).filter(row.cells()::containsKey)
                .forEach(id -> cells.put(id, row.cells().get(id)));
        return new CompareResult.Row(row.ags(), row.name(), row.state(), row.items(), row.projects(), cells);
    }

    private static List<StringTermsBucket> buckets(Aggregate aggregate) {
        return aggregate.sterms().buckets().array();
    }

    private static Map<String, Long> counts(Aggregate aggregate) {
        Map<String, Long> counts = new HashMap<>();
        buckets(aggregate).forEach(bucket -> counts.put(bucket.key().stringValue(), bucket.docCount()));
        return counts;
    }

    private static Optional<String> firstKey(StringTermsBucket bucket, String name) {
        return buckets(bucket.aggregations().get(name)).stream().findFirst().map(first -> first.key().stringValue());
    }

    private static long total(SearchResponse<Void> response) {
        return Optional.ofNullable(response.hits().total()).map(total -> total.value()).orElse(0L);
    }
}
