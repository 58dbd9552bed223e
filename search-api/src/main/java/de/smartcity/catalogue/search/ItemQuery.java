package de.smartcity.catalogue.search;

import de.smartcity.catalogue.model.Theme;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated search for items. Every parameter is optional.
 *
 * @param q      free text, searched in title and summary with German analysis
 * @param city   place name, as listed by {@code /api/cities}
 * @param state  Bundesland
 * @param theme  theme id
 * @param field  field of action
 * @param source source id
 * @param project slug of a project the items are linked to
 * @param from   published at or after (inclusive, start of day in Germany when a date is given)
 * @param to     published before the end of this day (or at this instant)
 * @param sort   relevance or date (newest first)
 * @param page   1-based page number
 * @param size   items per page, at most {@link #MAX_SIZE}
 * @param cursor where a walk through the results stands, when this page continues one
 * @param qThemes the theme names {@code q} holds ("Parken", "Winterdienst", "Abfall") and its other words: a theme's
 *                items match its name too, since the words of a theme ("Parkplätze", "Parkhaus") seldom contain it
 */
public record ItemQuery(
        Optional<String> q,
        Optional<String> city,
        Optional<String> state,
        Optional<String> theme,
        Optional<String> field,
        Optional<String> source,
        Optional<String> project,
        Optional<Instant> from,
        Optional<Instant> to,
        Sort sort,
        int page,
        int size,
        Optional<ItemCursor> cursor,
        Vocabulary.ThemeNames qThemes) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    /** Elasticsearch's default result window; deeper pages need cursor pagination. */
    public static final int MAX_WINDOW = 10_000;
    /** The parameters that choose which items match; the others only say which of them to show, and how. */
    public static final Set<String> FILTERS = Set.of("q", "city", "state", "theme", "field", "source", "project",
            "from", "to");
    public static final Set<String> PARAMETERS = union(FILTERS, Set.of("sort", "page", "size", "cursor"));
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    public enum Sort {
        RELEVANCE, DATE
    }

    /** Reads and checks the query parameters; the first problem found is reported, naming its parameter. */
    public static ItemQuery parse(Map<String, String> parameters, Vocabulary vocabulary) {
        if (!parameters.containsKey("cursor")) {
            return parseSearch(parameters, vocabulary);
        }
        parameters.keySet().stream().filter(name -> !name.equals("cursor") && !name.equals("size")).findFirst()
                .ifPresent(name -> {
                    throw ApiException.badParameter(name, "not together with 'cursor', which holds the whole search; "
                            + "send 'cursor' alone, with 'size' if the page size should change");
                });
        ItemCursor cursor = ItemCursor.decode(parameters.get("cursor"));
        Map<String, String> search = new LinkedHashMap<>(cursor.search());
        text(parameters, "size").ifPresent(size -> search.put("size", size));
        ItemQuery query = parseSearch(search, vocabulary);
        return new ItemQuery(query.q, query.city, query.state, query.theme, query.field, query.source, query.project,
                query.from, query.to, query.sort, cursor.page(), query.size, Optional.of(cursor), query.qThemes);
    }

    /**
     * Reads and checks the {@link #FILTERS} only, for answers that hold every match (feeds, exports) and choose their
     * own order and size; the query's page, size and sort are the defaults.
     */
    public static ItemQuery parseFilters(Map<String, String> parameters, Vocabulary vocabulary) {
        return parseSearch(only(parameters, FILTERS), vocabulary);
    }

    private static ItemQuery parseSearch(Map<String, String> parameters, Vocabulary vocabulary) {
        Optional<String> q = text(parameters, "q");
        Sort sort = text(parameters, "sort").map(value -> switch (value) {
            case "relevance" -> Sort.RELEVANCE;
            case "date" -> Sort.DATE;
            default -> throw ApiException.badParameter("sort", "must be 'relevance' or 'date', was '" + value + "'");
        }).orElse(q.isPresent() ? Sort.RELEVANCE : Sort.DATE);
        Page page = page(parameters, "to walk further, follow the cursor each page gives as 'next'");
        Period period = period(parameters);
        return new ItemQuery(q, text(parameters, "city"), vocabulary.state(parameters),
                vocabulary.theme(parameters).map(Theme::id), vocabulary.field(parameters), text(parameters, "source"), text(parameters, "project"), period.from(),
                period.to(), sort, page.page(), page.size(), Optional.empty(), q.map(vocabulary::themeNames).orElse(Vocabulary.ThemeNames.NONE));
    }

    /** The search this query makes, as parameters; with a page's last sort values, what a cursor continues. */
    Map<String, String> searchParameters() {
        Map<String, String> search = new LinkedHashMap<>();
        q.ifPresent(value -> search.put("q", value));
        city.ifPresent(value -> search.put("city", value));
        state.ifPresent(value -> search.put("state", value));
        theme.ifPresent(value -> search.put("theme", value));
        field.ifPresent(value -> search.put("field", value));
        source.ifPresent(value -> search.put("source", value));
        project.ifPresent(value -> search.put("project", value));
        from.ifPresent(value -> search.put("from", value.toString()));
        to.ifPresent(value -> search.put("to", value.toString()));
        search.put("sort", sort.name().toLowerCase(Locale.ROOT));
        search.put("size", String.valueOf(size));
        return search;
    }

    /** The {@code from} and {@code to} parameters, checked to be in order. */
    static Period period(Map<String, String> parameters) {
        Optional<Instant> from = instant(parameters, "from", false);
        Optional<Instant> to = instant(parameters, "to", true);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw ApiException.badParameter("from", "must not be after 'to'");
        }
        return new Period(from, to);
    }

    record Period(Optional<Instant> from, Optional<Instant> to) {
    }

    /**
     * The {@code page} and {@code size} parameters, checked: shallow pages only, as Elasticsearch's window allows.
     *
     * @param deeper how to get further than that, for the error message
     */
    public static Page page(Map<String, String> parameters, String deeper) {
        int page = integer(parameters, "page", 1);
        int size = integer(parameters, "size", DEFAULT_SIZE);
        if (page < 1) {
            throw ApiException.badParameter("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badParameter("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw ApiException.badParameter("page", "too deep: page × size may be at most " + MAX_WINDOW + "; " + deeper);
        }
        return new Page(page, size);
    }

    public record Page(int page, int size) {
    }

    static Set<String> union(Set<String> some, Set<String> more) {
        Set<String> all = new HashSet<>(some);
        all.addAll(more);
        return Set.copyOf(all);
    }

    /** The parameters among {@code names}. */
    static Map<String, String> only(Map<String, String> parameters, Set<String> names) {
        Map<String, String> chosen = new LinkedHashMap<>(parameters);
        chosen.keySet().retainAll(names);
        return chosen;
    }

    public static Optional<String> text(Map<String, String> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    public static int integer(Map<String, String> parameters, String name, int fallback) {
        Optional<String> value = text(parameters, name);
        try {
            return value.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "must be a whole number, was '" + value.orElseThrow() + "'");
        }
    }

    /** A date ({@code 2026-11-24}, whole day in German time) or an instant ({@code 2026-11-24T08:00:00Z}). */
    private static Optional<Instant> instant(Map<String, String> parameters, String name, boolean endOfDay) {
        Optional<String> value = text(parameters, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.get().length() == 10) {
                LocalDate date = LocalDate.parse(value.get());
                return Optional.of((endOfDay ? date.plusDays(1) : date).atStartOfDay(GERMANY).toInstant()
                        .minusMillis(endOfDay ? 1 : 0));
            }
            return Optional.of(Instant.parse(value.get()));
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "must be a date like 2026-11-24 or an instant like 2026-11-24T08:00:00Z, was '"
                    + value.get() + "'");
        }
    }
}
