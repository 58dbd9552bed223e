package de.smartcity.catalogue.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import de.smartcity.catalogue.model.Project;
import java.util.List;

/**
 * A project's page: the catalogue's record, its status in German and its news as a timeline.
 *
 * @param newsCount every linked item, also those beyond the timeline's length
 * @param timeline  the newest linked items first, at most {@link ProjectSearchService#TIMELINE_LENGTH}
 */
public record ProjectDetail(@JsonUnwrapped Project project, String statusLabel, long newsCount,
                            List<TimelineEntry> timeline) {
}
