package de.smartcity.catalogue.search;

import de.smartcity.catalogue.model.ProjectStatus;
import de.smartcity.catalogue.model.Theme;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated search for projects. Every parameter is optional; values with a fixed vocabulary (status, theme,
 * field, state) must be one of it, so a typo answers 400 instead of an empty list.
 *
 * @param q         free text, searched in name, aliases, description, partners and place with German analysis
 * @param city      place name, as in the {@code city} facet
 * @param state     Bundesland
 * @param theme     theme id of the taxonomy
 * @param field     field of action of the taxonomy
 * @param status    project status id
 * @param programme funding programme, as in the {@code programme} facet
 * @param page      1-based page number
 * @param size      projects per page, at most {@link ItemQuery#MAX_SIZE}
 */
public record ProjectQuery(
        Optional<String> q,
        Optional<String> city,
        Optional<String> state,
        Optional<String> theme,
        Optional<String> field,
        Optional<ProjectStatus> status,
        Optional<String> programme,
        int page,
        int size) {

    /** The parameters that choose which projects match. */
    public static final Set<String> FILTERS = Set.of("q", "city", "state", "theme", "field", "status", "programme");
    public static final Set<String> PARAMETERS = ItemQuery.union(FILTERS, Set.of("page", "size"));

    /** Reads and checks the {@link #FILTERS} only, for feeds and exports; page and size are the defaults. */
    public static ProjectQuery parseFilters(Map<String, String> parameters, Vocabulary vocabulary) {
        return parse(ItemQuery.only(parameters, FILTERS), vocabulary);
    }

    /** Reads and checks the query parameters; the first problem found is reported, naming its parameter. */
    public static ProjectQuery parse(Map<String, String> parameters, Vocabulary vocabulary) {
        Optional<String> theme = vocabulary.theme(parameters).map(Theme::id);
        Optional<String> field = vocabulary.field(parameters);
        Optional<ProjectStatus> status = ItemQuery.text(parameters, "status").map(id -> ProjectStatus.fromId(id)
                .orElseThrow(() -> ApiException.badParameter("status", "must be one of " + ProjectStatus.ids()
                        + ", was '" + id + "'")));
        ItemQuery.Page page = ItemQuery.page(parameters, "narrow the search");
        return new ProjectQuery(ItemQuery.text(parameters, "q"), ItemQuery.text(parameters, "city"),
                vocabulary.state(parameters), theme, field, status, ItemQuery.text(parameters, "programme"),
                page.page(), page.size());
    }
}
