package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.ProjectStatus;
import de.smartcity.catalogue.model.Taxonomy;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Items and projects like a given one from other places: Elasticsearch's more-like-this over the German-analysed
 * texts, plus a bonus per shared theme, the larger the more the theme is the given one's main theme. Why each matched comes from the highlight of that query, which marks the
 * words the texts share, and from the themes both carry.
 */
public final class SimilarService {
    public static final Set<String> PARAMETERS = Set.of("limit");
    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 20;
    /**
     * Sharing the main theme adds about as much as a shared rare word; each later theme half as much as the one
     * before, so that a project sharing only a minor theme does not rank with those sharing the main one.
     */
    private static final float THEME_BOOST = 3;
    /** Hits scoring below this share of the best one have too little in common to show. */
    private static final double MIN_SHARE_OF_BEST = 1.0 / 3;
    private static final int MAX_TERMS = 5;
    /**
     * Words every municipal text has; more-like-this would otherwise pick them in a small catalogue, where they
     * are not rare enough to be dropped by their frequency. Written as words, and analysed once by the index.
     */
    private static final List<String> STOP_WORDS = List.of("der", "die", "das", "den", "dem", "des", "ein", "eine",
            "einen", "einem", "einer", "eines", "und", "oder", "aber", "sowie", "auch", "als", "wie", "so", "dass", "ob",
            "wenn", "weil", "denn", "doch", "noch", "nur", "schon", "erst", "nun", "jetzt", "hier", "dort", "da", "dann",
            "damit", "dabei", "dazu", "in", "im", "am", "an", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu",
            "zum", "zur", "für", "über", "um", "unter", "vor", "ab", "bis", "durch", "gegen", "ohne", "seit", "zwischen",
            "sich", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "kann",
            "können", "soll", "sollen", "muss", "will", "sein", "seine", "ihre", "ihr", "es", "er", "sie", "wir", "man",
            "alle", "allen", "alles", "mehr", "neue", "neuen", "neu", "sofort", "künftig", "rund", "per", "via", "sehr",
            "viele", "weitere", "zudem", "bereits", "immer", "wieder", "bevor", "Stadt", "Städte", "Gemeinde");
    private static final Pattern MARKED = Pattern.compile("<mark>([^<]+)</mark>");

    private final ElasticsearchClient client;
    private final ObjectMapper json;
    private final Taxonomy taxonomy;
    private volatile List<String> analysedStopWords;

    public SimilarService(ElasticsearchClient client, ObjectMapper json, Taxonomy taxonomy) {
        this.client = client;
        this.json = json;
        this.taxonomy = taxonomy;
    }

    /** The {@code limit} parameter: how many to show, {@value #DEFAULT_LIMIT} unless asked, at most {@value #MAX_LIMIT}. */
    public static int limit(Map<String, String> parameters) {
        int limit = ItemQuery.integer(parameters, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public SimilarItems items(String id, int limit) throws IOException {
        ObjectNode item = find(ItemSearchService.ALIAS, id, "No item with id '" + id + "'");
        if (PublicItems.hidden(item)) {
            throw ApiException.notFound("No item with id '" + id + "'");
        }
        List<String> themes = StreamSupport.stream(item.path("themes").spliterator(), false)
                .map(theme -> theme.path("id").asText()).toList();
        List<Hit<ObjectNode>> hits = similar(PublicItems.only(new BoolQuery.Builder()), ItemSearchService.ALIAS, id,
                List.of("title", "summary"), "themes.id", themes, item.path("place"), limit, List.of("id", "title", "url", "published", "place", "themes.id"));
        List<SimilarItems.Hit> similar = new ArrayList<>();
        for (Hit<ObjectNode> hit : hits) {
            ObjectNode source = hit.source();
            List<String> theirThemes = StreamSupport.stream(source.path("themes").spliterator(), false)
                    .map(theme -> theme.path("id").asText()).toList();
            similar.add(new SimilarItems.Hit(source.path("id").asText(), source.path("title").asText(),
                    source.path("url").asText(null), json.convertValue(source.get("published"), Instant.class),
                    place(source), theirThemes, score(hit), why(themes, theirThemes, hit)));
        }
        return new SimilarItems(id, similar);
    }

    public SimilarProjects projects(String slug, int limit) throws IOException {
        ObjectNode project = find(ProjectSearchService.ALIAS, slug, "No project with slug '" + slug + "'");
        List<String> themes = texts(project.path("themes"));
        List<Hit<ObjectNode>> hits = similar(new BoolQuery.Builder(), ProjectSearchService.ALIAS, slug,
                List.of("name", "aliases", "description"), "themes", themes, project.path("place"), limit, List.of("slug", "name", "place", "status", "themes"));
        List<SimilarProjects.Hit> similar = new ArrayList<>();
        for (Hit<ObjectNode> hit : hits) {
            ObjectNode source = hit.source();
            String status = source.path("status").asText();
            List<String> theirThemes = texts(source.path("themes"));
            similar.add(new SimilarProjects.Hit(source.path("slug").asText(), source.path("name").asText(), place(source),
                    status, ProjectStatus.fromId(status).map(ProjectStatus::label).orElse(null), theirThemes, score(hit),
                    why(themes, theirThemes, hit)));
        }
        return new SimilarProjects(slug, similar);
    }

    private ObjectNode find(String index, String id, String notFound) throws IOException {
        GetResponse<ObjectNode> found = client.get(request -> request.index(index).id(id), ObjectNode.class);
        if (!found.found() || found.source() == null) {
            throw ApiException.notFound(notFound);
        }
        return found.source();
    }

    /**
     * The documents like {@code id} in {@code index}: similar text required, shared themes rewarded (the first of
     * {@code themes}, the main one, most), its own place (by AGS, or by name where it has none) and documents
     * without a place left out.
     *
     * @param bool the query to add to: what else must hold of the documents found
     */
    private List<Hit<ObjectNode>> similar(BoolQuery.Builder bool, String index, String id, List<String> fields,
                                          String themeField, List<String> themes, JsonNode place, int limit,
                                          List<String> shown)
            throws IOException {
        List<String> stopWords = stopWords();
        bool.must(must -> must.moreLikeThis(like -> like
                        .fields(fields)
                        .like(document -> document.document(reference -> reference.index(index).id(id)))
                        .minTermFreq(1)
                        .minDocFreq(1)
                        .maxQueryTerms(25)
                        .minimumShouldMatch("10%")
                        .stopWords(stopWords)))
                .filter(filter -> filter.exists(exists -> exists.field("place.name")))
                .mustNot(not -> not.ids(ids -> ids.values(id)));
        for (int rank = 0; rank < themes.size(); rank++) {
            String theme = themes.get(rank);
            float boost = THEME_BOOST / (1 << rank);
            bool.should(should -> should.term(term -> term.field(themeField).value(FieldValue.of(theme)).boost(boost)));
        }
        if (place.hasNonNull("ags")) {
            ItemSearchService.mustNot(bool, "place.ags", place.get("ags").asText());
        } else if (place.hasNonNull("name")) {
            ItemSearchService.mustNot(bool, "place.name", place.get("name").asText());
        }
        Map<String, HighlightField> highlighted = new LinkedHashMap<>();
        fields.forEach(field -> highlighted.put(field, HighlightField.of(highlight -> highlight.numberOfFragments(0))));
        SearchResponse<ObjectNode> response = client.search(request -> request.index(index).size(limit)
                .query(bool.build()._toQuery())
                .source(source -> source.filter(filter -> filter.includes(shown)))
                .highlight(highlight -> highlight.preTags("<mark>").postTags("</mark>")
                        .fields(highlighted.entrySet().stream().map(field -> NamedValue.of(field.getKey(), field.getValue()))
                                .toList())), ObjectNode.class);
        List<Hit<ObjectNode>> hits = response.hits().hits();
        double best = hits.stream().mapToDouble(SimilarService::score).max().orElse(0);
        return hits.stream().filter(hit -> score(hit) >= best * MIN_SHARE_OF_BEST).toList();
    }

    private List<String> stopWords() throws IOException {
        List<String> analysed = analysedStopWords;
        if (analysed == null) {
            analysed = client.indices().analyze(request -> request.index(ItemSearchService.ALIAS).analyzer("german_index")
                    .text(String.join(" ", STOP_WORDS))).tokens().stream().map(AnalyzeToken::token).distinct().toList();
            analysedStopWords = analysed;
        }
        return analysed;
    }

    private Why why(List<String> ours, List<String> theirs, Hit<ObjectNode> hit) {
        List<Why.ThemeLabel> shared = taxonomy.themes().stream()
                .filter(theme -> ours.contains(theme.id()) && theirs.contains(theme.id()))
                .map(theme -> new Why.ThemeLabel(theme.id(), theme.de()))
                .toList();
        return Why.of(shared, sharedTerms(hit.highlight()));
    }

    /** The words the highlight marked, each once whatever its case, the most frequent first. */
    static List<String> sharedTerms(Map<String, List<String>> highlight) {
        Map<String, String> firstSpelling = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        highlight.values().stream().flatMap(List::stream).forEach(fragment -> {
            Matcher marked = MARKED.matcher(fragment);
            while (marked.find()) {
                String key = marked.group(1).toLowerCase(Locale.GERMAN);
                firstSpelling.putIfAbsent(key, marked.group(1));
                counts.merge(key, 1, Integer::sum);
            }
        });
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_TERMS)
                .map(entry -> firstSpelling.get(entry.getKey()))
                .toList();
    }

    private Place place(ObjectNode source) {
        return Optional.ofNullable(source.get("place")).map(place -> json.convertValue(place, Place.class)).orElse(null);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static double score(Hit<ObjectNode> hit) {
        return Optional.ofNullable(hit.score()).orElse(0.0);
    }
}
