package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.YearMonth;

/**
 * When a project runs, to the month.
 *
 * @param from the first month
 * @param to   the last month, or null while no end is set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectPeriod(YearMonth from, YearMonth to) {
}
