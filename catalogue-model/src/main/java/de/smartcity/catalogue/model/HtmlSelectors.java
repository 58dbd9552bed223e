package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * CSS selectors that turn an HTML press listing into items. Only {@code item}, {@code title} and
 * {@code link} are required; {@code date}, {@code dateFormat} and {@code summary} refine the result.
 *
 * @param item       selects one element per news item
 * @param title      inside an item: the headline
 * @param link       inside an item: the element whose {@code href} leads to the story
 * @param date       inside an item: the publication date (text or a {@code datetime} attribute)
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern for the date text, e.g. {@code dd.MM.yyyy}
 * @param summary    inside an item: the teaser text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HtmlSelectors(String item, String title, String link, String date, String dateFormat, String summary) {
}
