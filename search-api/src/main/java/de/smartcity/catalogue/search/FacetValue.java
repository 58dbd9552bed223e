package de.smartcity.catalogue.search;

/** One value of a facet and how many items have it. */
public record FacetValue(String value, long count) {
}
