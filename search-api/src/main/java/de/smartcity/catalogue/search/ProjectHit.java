package de.smartcity.catalogue.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import de.smartcity.catalogue.model.Project;

/**
 * A project as the list shows it: the catalogue's record, its status in German and how many news items are
 * linked to it.
 */
public record ProjectHit(@JsonUnwrapped Project project, String statusLabel, long newsCount) {
}
