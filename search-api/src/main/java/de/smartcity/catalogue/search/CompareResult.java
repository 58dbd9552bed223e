package de.smartcity.catalogue.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Cities × themes: how many items and projects each city has per theme. Items and projects with several themes
 * count in each of their cells, so the totals of a row, a column and the whole are counts of distinct items and
 * projects, not sums of cells.
 *
 * @param columns the themes compared, each with its totals over all rows
 * @param rows    cities (and Kreise) with at least one item or project in scope
 * @param totals  distinct items and projects in the whole matrix
 */
public record CompareResult(List<Column> columns, List<Row> rows, Counts totals) {

    /**
     * A theme with its German label, its field of action and its totals.
     *
     * @param months the theme's items per month of publication ("2026-09"), oldest first, months without items left out
     */
    public record Column(String id, String label, String field, long items, long projects, List<FacetValue> months) {
    }

    /**
     * A city with its totals and its non-empty cells.
     *
     * @param cells by theme id; themes where the city has neither items nor projects are left out
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String ags, String name, String state, long items, long projects, Map<String, Cell> cells) {
    }

    /**
     * One city and theme.
     *
     * @param latest the newest item of the cell, absent when it has projects only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(long items, long projects, LatestItem latest) {
    }

    public record LatestItem(String id, String title, Instant published) {
    }

    public record Counts(long items, long projects) {
    }
}
