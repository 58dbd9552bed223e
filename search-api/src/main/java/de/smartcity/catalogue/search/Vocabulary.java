package de.smartcity.catalogue.search;

import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The values that parameters with a fixed vocabulary may take: theme ids and fields of action from the taxonomy,
 * states from the gazetteer. Any other value answers 400 naming the parameter, so that a typo does not look like
 * an empty result.
 */
public record Vocabulary(Taxonomy taxonomy, List<String> states) {

    public Vocabulary {
        states = List.copyOf(states);
    }

    public static Vocabulary of(Taxonomy taxonomy) {
        return new Vocabulary(taxonomy, Gazetteer.instance().states());
    }

    /** The theme named by parameter {@code theme}, if given. */
    public Optional<Theme> theme(Map<String, String> parameters) {
        return ItemQuery.text(parameters, "theme").map(id -> taxonomy.theme(id).orElseThrow(() ->
                ApiException.badParameter("theme", "unknown theme '" + id + "'; known themes are "
                        + String.join(", ", taxonomy.themes().stream().map(Theme::id).toList()))));
    }

    /**
     * The themes a search text names: their German or English name, or one part of a name joined by "&" or "and"
     * ("Verkehr", "ÖPNV"), written in any case, with or without umlauts.
     */
    List<String> themesNamed(String text) {
        String folded = Folding.fold(text.strip());
        return taxonomy.themes().stream()
                .filter(theme -> Stream.of(theme.de(), theme.en())
                        .flatMap(name -> Stream.concat(Stream.of(name), Arrays.stream(name.split("\\s*(&|,| and )\\s*"))))
                        .map(Folding::fold)
                        .anyMatch(folded::equals))
                .map(Theme::id)
                .toList();
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
