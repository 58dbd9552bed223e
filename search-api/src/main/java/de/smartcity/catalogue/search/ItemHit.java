package de.smartcity.catalogue.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.smartcity.catalogue.model.MergedReport;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.model.ThemeAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An item as the API shows it.
 *
 * @param sources   every source that carried the story
 * @param merged    reports of the story that other sources carried under their own URLs, each with why it counts
 *                  as the same story; empty when none
 * @param highlight per field ({@code title}, {@code summary}) the matching passages, HTML-escaped, with
 *                  matches wrapped in {@code <mark>}; empty when the search had no text
 * @param projects  the projects of the catalogue the item is linked to, with why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemHit(
        String id,
        String title,
        String summary,
        String url,
        Instant published,
        boolean publishedEstimated,
        Place place,
        List<ThemeAssignment> themes,
        List<String> fields,
        List<String> sources,
        List<MergedReport> merged,
        Map<String, List<String>> highlight,
        List<ProjectLink> projects) {

    public static ItemHit of(NewsItem item, Map<String, List<String>> highlight, List<ProjectLink> projects) {
        return new ItemHit(item.id(), item.title(), item.summary(), item.url(), item.published(),
                item.publishedEstimated(), item.place(), item.themes(), item.fields(), item.sourceIds(), item.merged(),
                highlight, projects);
    }
}
