package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.stream.Stream;

/**
 * A smart-city project of the catalogue.
 *
 * @param slug        stable id: lower-case letters, digits and dashes ({@code kl-parksensoren})
 * @param name        its name as the city uses it
 * @param aliases     other names news use for it; like the name, each links news that name it
 * @param place       where it runs: a municipality, Kreis or state from the gazetteer, with AGS and state
 * @param themes      theme ids of the taxonomy
 * @param fields      the fields of action of those themes, in taxonomy order
 * @param status      where it stands
 * @param programme   the funding programme ("Modellprojekte Smart Cities"), or null
 * @param period      when it runs, or null when unknown
 * @param partners    who runs it with the city
 * @param description a short description in German
 * @param links       web pages about it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Project(
        String slug,
        String name,
        List<String> aliases,
        Place place,
        List<String> themes,
        List<String> fields,
        ProjectStatus status,
        String programme,
        ProjectPeriod period,
        List<String> partners,
        String description,
        List<WebLink> links) {

    public Project {
        aliases = List.copyOf(aliases);
        themes = List.copyOf(themes);
        fields = List.copyOf(fields);
        partners = List.copyOf(partners);
        links = List.copyOf(links);
    }

    /** The name and every alias: the phrases that link news to the project. */
    public List<String> names() {
        return Stream.concat(Stream.of(name), aliases.stream()).toList();
    }
}
