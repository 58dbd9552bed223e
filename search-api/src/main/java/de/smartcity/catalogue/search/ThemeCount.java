package de.smartcity.catalogue.search;

/** A theme of the taxonomy with its labels, field of action and item count. */
public record ThemeCount(String id, String de, String en, String field, long count) {
}
