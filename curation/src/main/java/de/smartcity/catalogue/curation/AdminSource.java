package de.smartcity.catalogue.curation;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.smartcity.catalogue.model.HtmlSelectors;
import de.smartcity.catalogue.model.Source;

/**
 * A source as the admin API answers it: its definition in the fields of the sources file, and its state.
 *
 * @param state {@code active} (polled), {@code paused} or {@code removed}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdminSource(String id, String city, String url, String kind, String interval, HtmlSelectors html,
                          String state) {

    static AdminSource of(Source source, String state) {
        return new AdminSource(source.id(), source.city(), source.url().toString(), source.kind().id(),
                source.interval().toString(), source.html(), state);
    }
}
