package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.Taxonomy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Completions as someone types: cities that have items, themes by their German (or English) label, and projects
 * by name or alias through the completion field of the {@code projects} alias. Cities and themes match where a word
 * of their name starts with the typed text, ignoring case and umlauts; projects where the name starts with it.
 */
public final class SuggestService {
    public static final Set<String> PARAMETERS = Set.of("q");
    public static final int MAX_SUGGESTIONS = 10;
    public static final int MAX_QUERY_LENGTH = 100;
    /** Cities are matched in memory, among this many with the most items. */
    private static final int MAX_CITIES = 2000;

    private final ElasticsearchClient client;
    private final Taxonomy taxonomy;

    public SuggestService(ElasticsearchClient client, Taxonomy taxonomy) {
        this.client = client;
        this.taxonomy = taxonomy;
    }

    /** The required {@code q}: at least one character that is not a blank, at most {@value #MAX_QUERY_LENGTH}. */
    public static String query(Map<String, String> parameters) {
        String q = ItemQuery.text(parameters, "q").orElseThrow(() ->
                ApiException.badParameter("q", "required: the text typed so far, at least 1 character"));
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ApiException.badParameter("q", "may be at most " + MAX_QUERY_LENGTH + " characters long");
        }
        return q;
    }

    /** At most {@value #MAX_SUGGESTIONS} suggestions, cities first, then themes, then projects. */
    public List<Suggestion> suggest(String q) throws IOException {
        String prefix = Folding.fold(q);
        return pick(List.of(cities(prefix), themes(prefix), projects(q)), MAX_SUGGESTIONS);
    }

    /** Takes one of each type in turn until {@code max}, so that no type crowds out the others; keeps types together. */
    static List<Suggestion> pick(List<List<Suggestion>> byType, int max) {
        int[] taken = new int[byType.size()];
        int total = 0;
        boolean tookOne = true;
        while (total < max && tookOne) {
            tookOne = false;
            for (int type = 0; type < byType.size() && total < max; type++) {
                if (taken[type] < byType.get(type).size()) {
                    taken[type]++;
                    total++;
                    tookOne = true;
                }
            }
        }
        return IntStream.range(0, byType.size()).boxed()
                .flatMap(type -> byType.get(type).subList(0, taken[type]).stream())
                .toList();
    }

    private List<Suggestion> cities(String prefix) throws IOException {
        SearchResponse<Void> response = client.search(request -> request.index(ItemSearchService.ALIAS).size(0)
                .query(PublicItems.all())
                .aggregations("city", aggregation -> aggregation
                        .terms(terms -> terms.field("place.name").size(MAX_CITIES))
                        .aggregations("state", sub -> sub.terms(terms -> terms.field("place.state").size(1)))), Void.class);
        List<Suggestion> cities = new ArrayList<>();
        for (StringTermsBucket bucket : response.aggregations().get("city").sterms().buckets().array()) {
            String name = bucket.key().stringValue();
            if (cities.size() < MAX_SUGGESTIONS && Folding.startsAWord(Folding.fold(name), prefix)) {
                String state = bucket.aggregations().get("state").sterms().buckets().array().stream().findFirst()
                        .map(first -> first.key().stringValue()).orElse(null);
                cities.add(new Suggestion(Suggestion.Type.CITY, name, name, state));
            }
        }
        return cities;
    }

    private List<Suggestion> themes(String prefix) {
        return taxonomy.themes().stream()
                .filter(theme -> Folding.startsAWord(Folding.fold(theme.de()), prefix)
                        || Folding.startsAWord(Folding.fold(theme.en()), prefix))
                .map(theme -> new Suggestion(Suggestion.Type.THEME, theme.de(), theme.id(), theme.field()))
                .toList();
    }

    private List<Suggestion> projects(String q) throws IOException {
        SearchResponse<ObjectNode> response = client.search(request -> request.index(ProjectSearchService.ALIAS).size(0)
                .source(source -> source.filter(filter -> filter.includes("slug", "name", "place.name")))
                .suggest(suggest -> suggest.suggesters("projects", suggester -> suggester.prefix(q)
                        .completion(completion -> completion.field("suggest").size(MAX_SUGGESTIONS).skipDuplicates(true)))),
                ObjectNode.class);
        // A project whose name and alias both match is one suggestion.
        Map<String, Suggestion> projects = new LinkedHashMap<>();
        for (var suggestion : response.suggest().getOrDefault("projects", List.of())) {
            for (CompletionSuggestOption<ObjectNode> option : suggestion.completion().options()) {
                ObjectNode project = option.source();
                String slug = project.path("slug").asText();
                projects.putIfAbsent(slug, new Suggestion(Suggestion.Type.PROJECT, project.path("name").asText(), slug,
                        Optional.ofNullable(project.path("place").get("name")).map(name -> name.asText()).orElse(null)));
            }
        }
        return List.copyOf(projects.values());
    }
}
