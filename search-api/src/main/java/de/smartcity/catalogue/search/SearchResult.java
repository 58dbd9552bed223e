package de.smartcity.catalogue.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One page of search results with facet counts over all matches.
 *
 * @param facets by facet name ({@code city}, {@code state}, {@code theme}, {@code field}, {@code source},
 *               {@code month}), the values with their counts, most frequent first (months in calendar order);
 *               empty on pages fetched with a cursor, whose facets are those of the walk's first page
 * @param next   the cursor of the next page, absent on the last one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(long total, int page, int size, List<ItemHit> items, Map<String, List<FacetValue>> facets,
                           String next) {
}
