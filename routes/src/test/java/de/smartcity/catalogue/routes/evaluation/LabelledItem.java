package de.smartcity.catalogue.routes.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.routes.Fixtures;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One news item of the labelled evaluation set ({@code src/test/resources/evaluation/*.jsonl}).
 *
 * @param city       the city the source declares, null for portals that report on many cities
 * @param themes     the themes an editor would give the item
 * @param place      the place an editor would give the item, null when it names none
 * @param distractor a theme the item must not get because it only contains a false friend of it
 *                   ("Parkinson" for parking), or null
 * @param note       why the item is labelled as it is, for people
 */
public record LabelledItem(String id, String title, String summary, String city, List<String> themes,
                    ExpectedPlace place, String distractor, String note) {

    /** The expected place; items count as correctly placed when the AGS (or Kreis key) agrees. */
    public record ExpectedPlace(String name, String ags) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The items of one JSON Lines resource, in file order. */
    public static List<LabelledItem> load(String resource) {
        return jsonLines(resource, LabelledItem.class);
    }

    /** Every line of a JSON Lines resource as a {@code type}, in file order; a bad line is named by its number. */
    static <T> List<T> jsonLines(String resource, Class<T> type) {
        List<T> records = new ArrayList<>();
        List<String> lines = Fixtures.utf8(resource).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                records.add(JSON.readValue(lines.get(i), type));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(resource + " line " + (i + 1) + ": " + e.getOriginalMessage(), e);
            }
        }
        return records;
    }
}
