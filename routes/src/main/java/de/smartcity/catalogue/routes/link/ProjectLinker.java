package de.smartcity.catalogue.routes.link;

import de.smartcity.catalogue.analysis.AnalyzedToken;
import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectLink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links news items to the projects they name. A project is linked when
 * <ol>
 *   <li>the item's title or summary names the project's name or one of its aliases as whole words in that
 *       order, compared after the search analysis (case, umlauts and ß, light stemming: "KL-WLAN" matches
 *       „KL WLAN“, "Smarte Laternen" matches "smarten Laternen", but "Parksensor" does not match inside
 *       "Parksensorennetz"), and</li>
 *   <li>the item is placed where the project runs (the same AGS, or within the project's Kreis or state).
 *       An item without a known place, such as a portal teaser naming no city, is linked only by a name that
 *       itself names the project's place ("Smart City Ulm"): "Parkleitsystem" alone does not say whose.</li>
 * </ol>
 * The place condition is what keeps a name several cities use ("Open-Data-Portal", "LoRaWAN-Netz") from linking
 * one city's news to another city's project. Names too general for even that ("Smart City") are refused when the
 * catalogue is read. Each link carries its reason, e.g. {@code Titel nennt „KL-WLAN“, Ort Kaiserslautern}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ProjectLinker {
    /** Words of a place's name that do not name it: a phrase containing only these names no place. */
    private static final Set<String> PLACE_DESIGNATIONS = Set.of("landkreis", "kreis", "stadt", "region", "am", "an",
            "der", "die", "im", "in", "ob", "bei");

    private final GermanMunicipalAnalyzer analyzer = GermanMunicipalAnalyzer.forSearch();
    /** The projects' phrases by their first analysed term, so that each word of a text looks up only its candidates. */
    private final Map<String, List<Phrase>> phrasesByFirstTerm = new HashMap<>();

    public ProjectLinker(List<Project> projects) {
        for (Project project : projects) {
            Set<String> placeWords = placeWords(project.place());
            for (String name : project.names()) {
                List<String> terms = terms(name);
                if (!terms.isEmpty()) {
                    boolean namesPlace = terms.stream().anyMatch(placeWords::contains);
                    phrasesByFirstTerm.computeIfAbsent(terms.getFirst(), first -> new ArrayList<>())
                            .add(new Phrase(project, terms, namesPlace));
                }
            }
        }
    }

    /**
     * The projects an item names, ordered by slug.
     *
     * @param place the item's place, or null when it has none
     */
    public List<ProjectLink> links(String title, String summary, Place place) {
        Map<String, ProjectLink> bySlug = new LinkedHashMap<>();
        find(title, "Titel", place, bySlug);
        find(summary, "Text", place, bySlug);
        return bySlug.values().stream().sorted(Comparator.comparing(ProjectLink::slug)).toList();
    }

    /** Adds a link for each project the text names whose place condition holds; an earlier link of a project wins. */
    private void find(String text, String field, Place place, Map<String, ProjectLink> bySlug) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<AnalyzedToken> tokens = analyzer.analyze(text);
        for (int i = 0; i < tokens.size(); i++) {
            for (Phrase phrase : phrasesByFirstTerm.getOrDefault(tokens.get(i).term(), List.of())) {
                Project project = phrase.project();
                if (bySlug.containsKey(project.slug()) || !phrase.spelledAt(tokens, i)) {
                    continue;
                }
                AnalyzedToken last = tokens.get(i + phrase.terms().size() - 1);
                String named = field + " nennt „" + text.substring(tokens.get(i).startOffset(), last.endOffset()) + "“";
                if (isIn(place, project.place())) {
                    bySlug.put(project.slug(), auto(project, named + ", Ort " + place.name()));
                } else if (hasNoKnownPlace(place) && phrase.namesPlace()) {
                    bySlug.put(project.slug(), auto(project, named + ", Meldung ohne Ort"));
                }
            }
        }
    }

    private static ProjectLink auto(Project project, String reason) {
        return new ProjectLink(project.slug(), project.name(), reason, ProjectLink.AUTO);
    }

    /** Whether the item's place is the project's place or lies within it (a municipality of the project's Kreis). */
    private static boolean isIn(Place itemPlace, Place projectPlace) {
        return itemPlace != null && itemPlace.ags() != null && itemPlace.ags().startsWith(projectPlace.ags());
    }

    private static boolean hasNoKnownPlace(Place place) {
        return place == null || place.ags() == null;
    }

    /** The analysed words that name a place: "frankfurt" and "main" of "Frankfurt am Main", "hof" of "Landkreis Hof". */
    private Set<String> placeWords(Place place) {
        return Set.copyOf(terms(place.name()).stream().filter(term -> !PLACE_DESIGNATIONS.contains(term)).toList());
    }

    private List<String> terms(String text) {
        return analyzer.analyze(text).stream().map(AnalyzedToken::term).toList();
    }

    /**
     * One name of a project as analysed terms.
     *
     * @param namesPlace whether one of its words names the project's place, so that it links items without a place
     */
    private record Phrase(Project project, List<String> terms, boolean namesPlace) {
        boolean spelledAt(List<AnalyzedToken> tokens, int start) {
            if (start + terms.size() > tokens.size()) {
                return false;
            }
            for (int i = 0; i < terms.size(); i++) {
                if (!tokens.get(start + i).term().equals(terms.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
