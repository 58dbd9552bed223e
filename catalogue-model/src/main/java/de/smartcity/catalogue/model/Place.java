package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a story happens: a German municipality, Kreis or state from the gazetteer, or just a
 * name when the gazetteer does not know it.
 *
 * @param name      display name without official suffixes ("Frankfurt am Main", not "Frankfurt am Main, Stadt")
 * @param kind      what sort of place it is
 * @param ags       the 8-digit Amtlicher Gemeindeschlüssel (for a Kreis: its 5-digit key), or null when unknown
 * @param state     the Bundesland, or null when unknown
 * @param kreis     the Kreis or kreisfreie Stadt it belongs to, or null
 * @param latitude  WGS84 latitude, or null
 * @param longitude WGS84 longitude, or null
 * @param reason    why this place was chosen, in words an editor understands
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Place(
        String name,
        PlaceKind kind,
        String ags,
        String state,
        String kreis,
        Double latitude,
        Double longitude,
        String reason) {

    public Place withReason(String newReason) {
        return new Place(name, kind, ags, state, kreis, latitude, longitude, newReason);
    }

    /** A place the gazetteer could not resolve: only its name is known. */
    public static Place unresolved(String name, String reason) {
        return new Place(name, PlaceKind.UNKNOWN, null, null, null, null, null, reason);
    }
}
