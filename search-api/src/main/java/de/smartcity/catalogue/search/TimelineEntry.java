package de.smartcity.catalogue.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.smartcity.catalogue.model.Place;
import java.time.Instant;

/**
 * A news item on a project's timeline.
 *
 * @param reason why the item is linked to the project ("Titel nennt „KL-WLAN“, Ort Kaiserslautern")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(String id, String title, String summary, String url, Instant published, Place place,
                            String reason) {
}
