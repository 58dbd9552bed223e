package de.smartcity.catalogue.curation;

import de.smartcity.catalogue.model.ProjectLink;
import java.util.List;

/**
 * An item's links to projects after an editor changed one.
 *
 * @param id       the item
 * @param projects its links, the linker's and the editors', each with its reason and origin
 */
public record ItemLinks(String id, List<ProjectLink> projects) {
}
