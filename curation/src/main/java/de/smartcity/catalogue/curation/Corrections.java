package de.smartcity.catalogue.curation;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.routes.store.Overrides;
import java.util.List;

/**
 * An item's corrections as the API shows them; an absent part means the machine's value stands.
 *
 * @param id the item
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Corrections(String id, List<ThemeAssignment> themes, List<String> fields, Place place) {

    static Corrections of(String id, Overrides overrides) {
        return new Corrections(id, overrides.themes(), overrides.fields(), overrides.place());
    }
}
