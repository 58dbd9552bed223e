package de.smartcity.catalogue.routes.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.model.ReviewState;
import de.smartcity.catalogue.routes.store.Review;
import java.util.List;

/**
 * The indexed form of an item: its JSON plus a geo point for maps and distance queries, and the projects it is
 * linked to. Serialised straight from the records, without building a JSON tree first, since every item passes
 * through here on its way in.
 *
 * @param item         the item, whose properties become the document's
 * @param location     its place's coordinates, or null when they are unknown
 * @param projects     the slugs of the projects it is linked to, for filters and counts
 * @param projectLinks those links with their reasons, for display
 * @param review       the editors' review: public reads leave hidden items out, the review queue filters by it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemDocument(@JsonUnwrapped NewsItem item, Location location, List<String> projects,
                           List<ProjectLink> projectLinks, ReviewField review) {

    public record Location(double lat, double lon) {
    }

    /** Only the state is indexed; the reason and who decided stay in the database. */
    public record ReviewField(ReviewState state) {
    }

    public static ItemDocument of(NewsItem item, List<ProjectLink> projectLinks, Review review) {
        Place place = item.place();
        boolean located = place != null && place.latitude() != null && place.longitude() != null;
        return new ItemDocument(item, located ? new Location(place.latitude(), place.longitude()) : null,
                projectLinks.stream().map(ProjectLink::slug).toList(), List.copyOf(projectLinks),
                new ReviewField(review.state()));
    }
}
