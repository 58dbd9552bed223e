package de.smartcity.catalogue.routes.evaluation;

import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tagger's and the place recogniser's results on one split of the evaluation set, compared with
 * the labels.
 *
 * @param name                 the split, e.g. "tuning"
 * @param items                how many items it has
 * @param themes               counts per theme id
 * @param distractorViolations items that got the theme their false friend must not give them
 * @param placesNamed          items whose label names a place
 * @param placesCorrect        of those, items placed at the same AGS
 * @param placesUnnamed        items whose label names no place
 * @param placesGuessed        of those, items that got a place with an AGS anyway
 * @param mistakes             one line per item with a wrong theme or place, for people
 */
record SplitEvaluation(String name, int items, Map<String, ThemeCounts> themes, List<String> distractorViolations,
                       int placesNamed, int placesCorrect, int placesUnnamed, int placesGuessed,
                       List<String> mistakes) {

    static SplitEvaluation of(String name, List<LabelledItem> items, ThemeTagger tagger, PlaceRecognizer places) {
        Map<String, ThemeCounts> themes = new TreeMap<>();
        List<String> distractorViolations = new ArrayList<>();
        List<String> mistakes = new ArrayList<>();
        int placesNamed = 0;
        int placesCorrect = 0;
        int placesUnnamed = 0;
        int placesGuessed = 0;
        for (LabelledItem item : items) {
            Set<String> assigned = new HashSet<>();
            tagger.tag(item.title(), item.summary()).themes().stream().map(ThemeAssignment::id).forEach(assigned::add);
            Set<String> expected = Set.copyOf(item.themes());
            count(assigned, expected, themes);
            if (item.distractor() != null && assigned.contains(item.distractor())) {
                distractorViolations.add(item.id() + " got " + item.distractor());
            }
            Optional<Place> place = places.recognise(item.title(), item.summary(), Optional.ofNullable(item.city()));
            String placeAgs = place.map(Place::ags).orElse(null);
            boolean placeRight;
            if (item.place() != null) {
                placesNamed++;
                placeRight = Objects.equals(item.place().ags(), placeAgs);
                placesCorrect += placeRight ? 1 : 0;
            } else {
                placesUnnamed++;
                placeRight = placeAgs == null;
                placesGuessed += placeRight ? 0 : 1;
            }
            if (!assigned.equals(expected) || !placeRight) {
                mistakes.add(mistake(item, assigned, place));
            }
        }
        return new SplitEvaluation(name, items.size(), themes, distractorViolations, placesNamed, placesCorrect,
                placesUnnamed, placesGuessed, mistakes);
    }

    /** Adds one item's right, wrong and missed themes to the counts per theme. */
    static void count(Set<String> assigned, Set<String> expected, Map<String, ThemeCounts> themes) {
        for (String theme : union(assigned, expected)) {
            boolean got = assigned.contains(theme);
            boolean wanted = expected.contains(theme);
            ThemeCounts counts = new ThemeCounts(got && wanted ? 1 : 0, got && !wanted ? 1 : 0, !got && wanted ? 1 : 0);
            themes.merge(theme, counts, ThemeCounts::plus);
        }
    }

    ThemeCounts theme(String id) {
        return themes.getOrDefault(id, ThemeCounts.NONE);
    }

    ThemeCounts overall() {
        return themes.values().stream().reduce(ThemeCounts.NONE, ThemeCounts::plus);
    }

    /** Share of items naming a place that were placed at the right AGS. */
    double placeAccuracy() {
        return placesNamed == 0 ? 1 : (double) placesCorrect / placesNamed;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    private static String mistake(LabelledItem item, Set<String> assigned, Optional<Place> place) {
        Set<String> missing = new TreeSet<>(item.themes());
        missing.removeAll(assigned);
        Set<String> extra = new TreeSet<>(assigned);
        extra.removeAll(item.themes());
        String expectedPlace = item.place() == null ? "none" : item.place().name() + " " + item.place().ags();
        String gotPlace = place.map(p -> p.name() + " " + p.ags()).orElse("none");
        return item.id() + ": missing " + missing
                + ", extra " + extra + ", place " + gotPlace + " (expected " + expectedPlace + ") — " + item.title();
    }
}
