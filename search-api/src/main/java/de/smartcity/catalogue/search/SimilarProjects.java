package de.smartcity.catalogue.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.smartcity.catalogue.model.Place;
import java.util.List;

/**
 * The projects most like one project, from other places, most similar first.
 *
 * @param slug     the project they are like
 * @param projects the similar projects
 */
public record SimilarProjects(String slug, List<Hit> projects) {

    /**
     * A similar project.
     *
     * @param status      its status id, {@code statusLabel} the same in German
     * @param themes      its theme ids
     * @param score       Elasticsearch's score: text similarity plus a bonus per shared theme; only for ordering
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String slug, String name, Place place, String status, String statusLabel, List<String> themes,
                      double score, Why why) {
    }
}
