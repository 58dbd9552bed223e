package de.smartcity.catalogue.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.smartcity.catalogue.model.Place;
import java.time.Instant;
import java.util.List;

/**
 * The items most like one item, from other places, most similar first.
 *
 * @param id    the item they are like
 * @param items the similar items
 */
public record SimilarItems(String id, List<Hit> items) {

    /**
     * A similar item.
     *
     * @param themes its theme ids
     * @param score  Elasticsearch's score: text similarity plus a bonus per shared theme; only for ordering
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String id, String title, String url, Instant published, Place place, List<String> themes,
                      double score, Why why) {
    }
}
