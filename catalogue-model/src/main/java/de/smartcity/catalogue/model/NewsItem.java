package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One story, however many sources reported it.
 *
 * @param id                 stable id: a hash of the canonical URL (see {@link ItemIds})
 * @param title              plain-text headline
 * @param summary            plain-text teaser, possibly empty
 * @param url                canonical URL of the story
 * @param published          publication time in UTC
 * @param publishedEstimated true when the source gave no usable date and the first-seen time stands in
 * @param firstSeen          when the catalogue first saw the story
 * @param lastSeen           when a source last carried it
 * @param sourceIds          every source that carried it
 * @param merged             other sources' reports of the story under their own URLs, merged into this item
 * @param place              where it happens, or null when no place could be recognised
 * @param themes             themes with their reasons
 * @param fields             fields of action of those themes
 * @param language           ISO 639-1 language code
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewsItem(
        String id,
        String title,
        String summary,
        String url,
        Instant published,
        boolean publishedEstimated,
        Instant firstSeen,
        Instant lastSeen,
        List<String> sourceIds,
        List<MergedReport> merged,
        Place place,
        List<ThemeAssignment> themes,
        List<String> fields,
        String language) {

    public NewsItem {
        sourceIds = List.copyOf(sourceIds);
        // Documents indexed before merging existed have no such field.
        merged = merged == null ? List.of() : List.copyOf(merged);
        themes = List.copyOf(themes);
        fields = List.copyOf(fields);
    }

    public NewsItem withPlace(Place newPlace) {
        return new NewsItem(id, title, summary, url, published, publishedEstimated, firstSeen, lastSeen, sourceIds,
                merged, newPlace, themes, fields, language);
    }

    public NewsItem withThemes(List<ThemeAssignment> newThemes, List<String> newFields) {
        return new NewsItem(id, title, summary, url, published, publishedEstimated, firstSeen, lastSeen, sourceIds,
                merged, place, newThemes, newFields, language);
    }

    public NewsItem withPublished(Instant newPublished, boolean estimated) {
        return new NewsItem(id, title, summary, url, newPublished, estimated, firstSeen, lastSeen, sourceIds,
                merged, place, themes, fields, language);
    }
}
