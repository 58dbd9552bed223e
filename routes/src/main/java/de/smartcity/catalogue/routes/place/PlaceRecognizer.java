package de.smartcity.catalogue.routes.place;

import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import java.util.Optional;

/**
 * Decides where a story happens. A city's own source speaks about that city; a portal's item names its place, first as
 * the "Ort: …" prefix of the title (or the Kreis of that name, where the teaser names it), else as a place mentioned in
 * the title (or the Kreis the teaser names around a town of the title), the adjective of a town that acts in the title
 * ("Neubrandenburger Stadtwerke"), the teaser's dateline ("Essen: Rund 2,4 Millionen …"), a place the teaser mentions,
 * or any other adjective of a town ("Münchner Modell", "in der Dortmunder City"). A name several places share is
 * settled by the region the text names, if it names one. When nothing is recognised the item has no place rather than a
 * guessed one.
 */
public final class PlaceRecognizer {
    private final Gazetteer gazetteer;

    public PlaceRecognizer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public static PlaceRecognizer withBundledGazetteer() {
        return new PlaceRecognizer(Gazetteer.instance());
    }

    public NewsItem place(NewsItem item, Source source) {
        return item.withPlace(recognise(item.title(), item.summary(), source.cityName()).orElse(null));
    }

    /**
     * @param declaredCity the city the source (or a caller) declares, if any; it wins over the text
     */
    public Optional<Place> recognise(String title, String summary, Optional<String> declaredCity) {
        String text = title + "\n" + summary;
        if (declaredCity.isPresent()) {
            String city = declaredCity.get();
            return Optional.of(gazetteer.resolve(city)
                    .map(place -> gazetteer.disambiguate(place.withReason("Stadt der Quelle: '" + city + "'"), text))
                    .orElseGet(() -> Place.unresolved(city, "Stadt der Quelle, im Gemeindeverzeichnis nicht gefunden: '" + city + "'")));
        }
        return gazetteer.findLeadingPlace(title)
                .map(town -> sharesItsKreisName(town) ? gazetteer.findKreisOf(town, summary).orElse(town) : town)
                .or(() -> gazetteer.findMentionedPlace(title)
                        .map(town -> gazetteer.disambiguate(town, text))
                        .map(town -> gazetteer.findKreisOf(town, summary).orElse(town)))
                .or(() -> gazetteer.findActorNamedByAdjective(title))
                .or(() -> gazetteer.findLeadingPlace(summary))
                .or(() -> gazetteer.findMentionedPlace(summary))
                .or(() -> gazetteer.findPlaceNamedByAdjective(title))
                .or(() -> gazetteer.findPlaceNamedByAdjective(summary))
                .map(place -> gazetteer.disambiguate(place, text));
    }

    /**
     * "St. Wendel:" names a town and its Kreis alike; the teaser's "Landkreis St. Wendel" says which one acts. A
     * kreisfreie city is its own Kreis ("Mannheim"), so its teaser need not be searched.
     */
    private static boolean sharesItsKreisName(Place town) {
        return town.kreis() != null && !town.kreis().equals(town.name()) && town.kreis().endsWith(town.name());
    }
}
