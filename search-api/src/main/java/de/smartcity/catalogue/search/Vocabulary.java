package de.smartcity.catalogue.search;

import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The values that parameters with a fixed vocabulary may take: theme ids and fields of action from the taxonomy,
 * states from the gazetteer. Any other value answers 400 naming the parameter, so that a typo does not look like
 * an empty result. Also the themes' names (folded, with the themes each names), which a search text may use.
 */
public record Vocabulary(Taxonomy taxonomy, List<String> states, Map<String, List<String>> themesByName) {

    public Vocabulary {
        states = List.copyOf(states);
        themesByName = Map.copyOf(themesByName);
    }

    public static Vocabulary of(Taxonomy taxonomy) {
        return new Vocabulary(taxonomy, Gazetteer.instance().states(), themesByName(taxonomy));
    }

    /** The theme named by parameter {@code theme}, if given. */
    public Optional<Theme> theme(Map<String, String> parameters) {
        return ItemQuery.text(parameters, "theme").map(id -> taxonomy.theme(id).orElseThrow(() ->
                ApiException.badParameter("theme", "unknown theme '" + id + "'; known themes are "
                        + String.join(", ", taxonomy.themes().stream().map(Theme::id).toList()))));
    }

    /**
     * The theme names a search text holds, each with the themes it names, and the text's other words. A theme's name
     * is its German or English name, or one part of a name joined by "&", "," or "and" ("Verkehr", "ÖPNV"), written
     * in any case, with or without umlauts, alone ("Parken") or among other words ("Parken in Mannheim"). Longer
     * names win over their parts.
     */
    ThemeNames themeNames(String text) {
        int longest = themesByName.keySet().stream().mapToInt(name -> name.split(" ").length).max().orElse(1);
        List<String> words = Arrays.stream(text.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
        List<ThemeName> names = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        int at = 0;
        while (at < words.size()) {
            ThemeName found = null;
            for (int length = Math.min(longest, words.size() - at); length >= 1 && found == null; length--) {
                String span = String.join(" ", words.subList(at, at + length));
                List<String> themes = themesByName.getOrDefault(Folding.fold(trimPunctuation(span)), List.of());
                if (!themes.isEmpty()) {
                    found = new ThemeName(span, themes);
                }
            }
            if (found == null) {
                rest.add(words.get(at));
                at++;
            } else {
                names.add(found);
                at += found.words().split(" ").length;
            }
        }
        return new ThemeNames(names, String.join(" ", rest));
    }

    /** Every name and name part of a theme, folded, with the themes it names. */
    private static Map<String, List<String>> themesByName(Taxonomy taxonomy) {
        Map<String, List<String>> themes = new HashMap<>();
        for (Theme theme : taxonomy.themes()) {
            Stream.of(theme.de(), theme.en())
                    .flatMap(name -> Stream.concat(Stream.of(name), Arrays.stream(name.split("\\s*(&|,| and )\\s*"))))
                    .map(name -> Folding.fold(name.strip().replaceAll("\\s+", " ")))
                    .distinct()
                    .forEach(name -> themes.computeIfAbsent(name, key -> new ArrayList<>()).add(theme.id()));
        }
        themes.replaceAll((name, ids) -> List.copyOf(ids));
        return themes;
    }

    /** Without the punctuation a search text puts around words ("Parken," "(Abfall)"), but with a name's "&". */
    private static String trimPunctuation(String span) {
        return span.replaceAll("^[\\p{Punct}&&[^&]]+|[\\p{Punct}&&[^&]]+$", "");
    }

    /** A theme's name as a search text writes it, and the themes it names. */
    record ThemeName(String words, List<String> themes) {
        ThemeName {
            themes = List.copyOf(themes);
        }
    }

    /** The theme names of a search text, in its order, and its other words. */
    record ThemeNames(List<ThemeName> names, String rest) {
        static final ThemeNames NONE = new ThemeNames(List.of(), "");

        ThemeNames {
            names = List.copyOf(names);
        }
    }

    /** The field of action named by parameter {@code field}, if given. */
    Optional<String> field(Map<String, String> parameters) {
        return ItemQuery.text(parameters, "field").map(name -> known("field", name, taxonomy.fields(), "field of action"));
    }

    /** The state named by parameter {@code state}, if given. */
    Optional<String> state(Map<String, String> parameters) {
        return ItemQuery.text(parameters, "state").map(name -> known("state", name, states, "state"));
    }

    private static String known(String parameter, String value, List<String> values, String what) {
        if (!values.contains(value)) {
            throw ApiException.badParameter(parameter, "unknown " + what + " '" + value + "'; known are "
                    + String.join(", ", values));
        }
        return value;
    }
}
