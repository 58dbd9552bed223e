package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectPeriod;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.model.WebLink;
import de.smartcity.catalogue.search.export.CsvRows;
import de.smartcity.catalogue.search.export.CsvRows.Column;
import de.smartcity.catalogue.search.export.ExportStream;
import de.smartcity.catalogue.search.export.JsonRows;
import de.smartcity.catalogue.search.export.RowWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * CSV and JSON exports of every item or project a search finds, not just a page: walked through a point in time
 * and streamed to the client as they are read (see {@link ExportStream}). Items are newest first and, as in public
 * search, never one editors hid ({@link PublicItems}); projects are by slug. Rows look like the API's items and projects.
 */
public final class ExportService {
    /** The formats, by the extension of the export's path. */
    public enum Format {
        CSV, JSON
    }

    private static final List<Column<ItemHit>> ITEM_COLUMNS = List.of(
            new Column<>("id", ItemHit::id),
            new Column<>("published", item -> item.published().toString()),
            new Column<>("title", ItemHit::title),
            new Column<>("summary", ItemHit::summary),
            new Column<>("url", ItemHit::url),
            new Column<>("city", item -> place(item.place(), Place::name)),
            new Column<>("ags", item -> place(item.place(), Place::ags)),
            new Column<>("state", item -> place(item.place(), Place::state)),
            new Column<>("themes", item -> CsvRows.list(item.themes().stream().map(ThemeAssignment::id).toList())),
            new Column<>("fields", item -> CsvRows.list(item.fields())),
            new Column<>("sources", item -> CsvRows.list(item.sources())));

    private static final List<Column<ProjectHit>> PROJECT_COLUMNS = List.of(
            new Column<>("slug", hit -> hit.project().slug()),
            new Column<>("name", hit -> hit.project().name()),
            new Column<>("aliases", hit -> CsvRows.list(hit.project().aliases())),
            new Column<>("place", hit -> place(hit.project().place(), Place::name)),
            new Column<>("ags", hit -> place(hit.project().place(), Place::ags)),
            new Column<>("state", hit -> place(hit.project().place(), Place::state)),
            new Column<>("themes", hit -> CsvRows.list(hit.project().themes())),
            new Column<>("fields", hit -> CsvRows.list(hit.project().fields())),
            new Column<>("status", hit -> hit.project().status().id()),
            new Column<>("programme", hit -> hit.project().programme()),
            new Column<>("from", hit -> period(hit.project(), ProjectPeriod::from)),
            new Column<>("to", hit -> period(hit.project(), ProjectPeriod::to)),
            new Column<>("partners", hit -> CsvRows.list(hit.project().partners())),
            new Column<>("description", hit -> hit.project().description()),
            new Column<>("links", hit -> CsvRows.list(hit.project().links().stream().map(WebLink::url).toList())),
            new Column<>("newsCount", hit -> String.valueOf(hit.newsCount())));

    private final ElasticsearchClient client;
    private final ObjectMapper json;
    private final Vocabulary vocabulary;
    private final ProjectSearchService projects;

    ExportService(ElasticsearchClient client, ObjectMapper json, Vocabulary vocabulary, ProjectSearchService projects) {
        this.client = client;
        this.json = json;
        this.vocabulary = vocabulary;
        this.projects = projects;
    }

    ExportStream<ItemHit> items(Map<String, String> parameters, Format format) throws IOException {
        ItemQuery query = ItemQuery.parseFilters(parameters, vocabulary);
        SearchWalk walk = new SearchWalk(client, ItemSearchService.ALIAS, ItemSearchService.toQuery(query),
                ItemSearchService.newestFirst());
        ExportStream.Pages<ItemHit> pages = pages(walk,
                page -> page.stream().map(source -> ItemSearchService.hit(json, source, Map.of())).toList());
        return ExportStream.start(pages, writer(format, ITEM_COLUMNS));
    }

    ExportStream<ProjectHit> projects(Map<String, String> parameters, Format format) throws IOException {
        ProjectQuery query = ProjectQuery.parseFilters(parameters, vocabulary);
        SearchWalk walk = new SearchWalk(client, ProjectSearchService.ALIAS, ProjectSearchService.toQuery(query),
                List.of(SortOptions.of(sort -> sort.field(field -> field.field("slug").order(SortOrder.Asc)))));
        ExportStream.Pages<ProjectHit> pages = pages(walk,
                page -> projects.hits(page.stream().map(projects::toProject).toList()));
        return ExportStream.start(pages, writer(format, PROJECT_COLUMNS));
    }

    /** Turns a page of documents into a page of rows. */
    @FunctionalInterface
    private interface Rows<T> {
        List<T> of(List<ObjectNode> page) throws IOException;
    }

    private static <T> ExportStream.Pages<T> pages(SearchWalk walk, Rows<T> rows) {
        return new ExportStream.Pages<>() {
            @Override
            public List<T> next() throws IOException {
                return rows.of(walk.next());
            }

            @Override
            public void close() throws IOException {
                walk.close();
            }
        };
    }

    private <T> RowWriter<T> writer(Format format, List<Column<T>> columns) {
        return switch (format) {
            case CSV -> new CsvRows<>(columns);
            case JSON -> new JsonRows<>(json);
        };
    }

    private static String place(Place place, Function<Place, String> part) {
        return Optional.ofNullable(place).map(part).orElse("");
    }

    private static String period(Project project, Function<ProjectPeriod, Object> end) {
        return Optional.ofNullable(project.period()).map(end).map(Object::toString).orElse("");
    }
}
