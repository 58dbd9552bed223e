package de.smartcity.catalogue.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results with facet counts over all matches.
 *
 * @param facets by facet name ({@code city}, {@code state}, {@code theme}, {@code field}, {@code month}),
 *               the values with their counts, most frequent first (months in calendar order)
 */
public record SearchResult(long total, int page, int size, List<ItemHit> items, Map<String, List<FacetValue>> facets) {
}
