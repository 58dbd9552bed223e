package de.smartcity.catalogue.search;

import de.smartcity.catalogue.model.Theme;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated comparison of cities by theme. Every parameter is optional.
 *
 * @param columns the themes compared: the one {@code theme}, the themes of the {@code field}, or every theme
 * @param state   Bundesland the cities lie in
 * @param from    items published at or after
 * @param to      items published up to
 * @param sort    how rows and columns are ordered
 */
public record CompareQuery(List<Theme> columns, Optional<String> state, Optional<Instant> from, Optional<Instant> to,
                           Sort sort) {

    public static final Set<String> PARAMETERS = Set.of("theme", "field", "state", "from", "to", "sort");

    public enum Sort {
        /** Most items first, then most projects, then by name. */
        COUNT,
        /** By name in German alphabetical order ("Ä" with "A"). */
        NAME
    }

    /** Reads and checks the query parameters; the first problem found is reported, naming its parameter. */
    public static CompareQuery parse(Map<String, String> parameters, Vocabulary vocabulary) {
        Optional<Theme> theme = vocabulary.theme(parameters);
        Optional<String> field = vocabulary.field(parameters);
        if (theme.isPresent() && field.isPresent()) {
            throw ApiException.badParameter("field", "give either 'theme' or 'field', not both");
        }
        List<Theme> themes = vocabulary.taxonomy().themes();
        List<Theme> columns = theme.map(List::of)
                .or(() -> field.map(name -> themes.stream().filter(candidate -> candidate.field().equals(name)).toList()))
                .orElse(themes);
        Sort sort = ItemQuery.text(parameters, "sort").map(value -> switch (value) {
            case "count" -> Sort.COUNT;
            case "name" -> Sort.NAME;
            default -> throw ApiException.badParameter("sort", "must be 'count' or 'name', was '" + value + "'");
        }).orElse(Sort.COUNT);
        ItemQuery.Period period = ItemQuery.period(parameters);
        return new CompareQuery(columns, vocabulary.state(parameters), period.from(), period.to(), sort);
    }

    public List<String> themeIds() {
        return columns.stream().map(Theme::id).toList();
    }
}
