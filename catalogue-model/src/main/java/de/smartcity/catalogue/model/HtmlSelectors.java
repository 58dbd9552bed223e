package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * CSS selectors that turn an HTML press listing into items. Only {@code item}, {@code title} and
 * {@code link} are required; {@code date}, {@code dateFormat} and {@code summary} refine the result,
 * {@code next} and {@code maxPages} let a listing that is split over several pages be followed.
 *
 * @param item       selects one element per news item
 * @param title      inside an item: the headline
 * @param link       inside an item: the element whose {@code href} leads to the story
 * @param date       inside an item: the publication date (text or a {@code datetime} attribute)
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern for the date text, e.g. {@code dd.MM.yyyy}
 * @param summary    inside an item: the teaser text
 * @param next       on the page: the link to the next (older) page of the listing; null when there is one page only
 * @param maxPages   how many pages are read at most, the first included: 1 to {@value #MAX_PAGES}; null means
 *                   {@value #DEFAULT_MAX_PAGES}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HtmlSelectors(String item, String title, String link, String date, String dateFormat, String summary,
                            String next, Integer maxPages) {
    /** Pages read when {@code maxPages} is not set. */
    public static final int DEFAULT_MAX_PAGES = 3;
    /** The most pages a listing may ask for: every page is one more request to a municipal server. */
    public static final int MAX_PAGES = 10;

    /** Selectors of a listing without pagination. */
    public HtmlSelectors(String item, String title, String link, String date, String dateFormat, String summary) {
        this(item, title, link, date, dateFormat, summary, null, null);
    }

    /** The selector of the next-page link, when the listing has more than one page. */
    public Optional<String> nextPage() {
        return Optional.ofNullable(next).filter(selector -> !selector.isBlank());
    }

    /** How many pages to read, the first included: 1 without a {@code next} selector, else {@code maxPages} within bounds. */
    @JsonIgnore
    public int pageLimit() {
        if (nextPage().isEmpty()) {
            return 1;
        }
        int wanted = maxPages == null ? DEFAULT_MAX_PAGES : maxPages;
        return Math.max(1, Math.min(MAX_PAGES, wanted));
    }
}
