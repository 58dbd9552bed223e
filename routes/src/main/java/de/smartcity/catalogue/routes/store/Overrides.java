package de.smartcity.catalogue.routes.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.ThemeAssignment;
import java.util.List;

/**
 * An editor's corrections of an item; a null part leaves the machine's value.
 *
 * @param themes the themes the item has, each with the editor as its evidence
 * @param fields the fields of action of those themes
 * @param place  the place the item is about, with the editor as its reason
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Overrides(List<ThemeAssignment> themes, List<String> fields, Place place) {
    public static final Overrides NONE = new Overrides(null, null, null);

    /** The item as it is shown: the machine's values with these corrections laid over them. */
    public NewsItem applyTo(NewsItem item) {
        NewsItem themed = themes == null ? item : item.withThemes(themes, fields);
        return place == null ? themed : themed.withPlace(place);
    }

    /** The item's theme ids as shown, for the audit trail. */
    static ObjectNode themeIds(Overrides overrides, EditorialStore.MachineValues machine, ObjectMapper json) {
        ObjectNode view = json.createObjectNode();
        ArrayNode ids = view.putArray("themes");
        if (overrides.themes() == null) {
            machine.themes().forEach(ids::add);
        } else {
            overrides.themes().forEach(theme -> ids.add(theme.id()));
        }
        return view.put("corrected", overrides.themes() != null);
    }

    /** The item's place as shown, for the audit trail. */
    static ObjectNode placeName(Overrides overrides, EditorialStore.MachineValues machine, ObjectMapper json) {
        ObjectNode view = json.createObjectNode();
        ObjectNode place = view.putObject("place");
        if (overrides.place() == null) {
            place.put("name", machine.placeName()).put("ags", machine.placeAgs());
        } else {
            place.put("name", overrides.place().name()).put("ags", overrides.place().ags());
        }
        return view.put("corrected", overrides.place() != null);
    }
}
