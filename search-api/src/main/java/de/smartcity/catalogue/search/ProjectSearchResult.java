package de.smartcity.catalogue.search;

import java.util.List;
import java.util.Map;

/**
 * One page of projects with facet counts over all matches.
 *
 * @param facets by facet name ({@code city}, {@code state}, {@code theme}, {@code field}, {@code status},
 *               {@code programme}), the values with their counts, most frequent first
 */
public record ProjectSearchResult(long total, int page, int size, List<ProjectHit> projects,
                                  Map<String, List<FacetValue>> facets) {
}
