package de.smartcity.catalogue.routes.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;

/**
 * The indexed form of an item: its JSON plus a geo point for maps and distance queries. Serialised straight
 * from the records, without building a JSON tree first, since every item passes through here on its way in.
 *
 * @param item     the item, whose properties become the document's
 * @param location its place's coordinates, or null when they are unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemDocument(@JsonUnwrapped NewsItem item, Location location) {

    public record Location(double lat, double lon) {
    }

    public static ItemDocument of(NewsItem item) {
        Place place = item.place();
        boolean located = place != null && place.latitude() != null && place.longitude() != null;
        return new ItemDocument(item, located ? new Location(place.latitude(), place.longitude()) : null);
    }
}
