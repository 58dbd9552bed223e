package de.smartcity.catalogue.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A completion for what someone is typing.
 *
 * @param label  what to show: a city's name, a theme's German label, a project's name
 * @param value  what to filter or open with: the city name ({@code /api/items?city=}), the theme id
 *               ({@code ?theme=}) or the project slug ({@code /api/projects/{slug}})
 * @param detail context for the label: a city's state, a theme's field of action, a project's city
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(Type type, String label, String value, String detail) {

    public enum Type {
        CITY, THEME, PROJECT;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
