package de.smartcity.catalogue.model.gazetteer;

import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import java.util.List;

/**
 * One row of the gazetteer resource: a state, Kreis or inhabited municipality.
 *
 * @param kind       STATE, KREIS or MUNICIPALITY
 * @param key        2-digit Land code, 5-digit Kreis key or 8-digit AGS
 * @param name       display name without official suffixes
 * @param aliases    further names it is found by: the official name in German and Sorbian or Frisian
 *                   ("Cottbus/Chóśebuz", "Bautzen / Budyšin") of a municipality that has one; empty for most
 * @param state      the state it lies in (a state's own name for a state)
 * @param kreis      display name of the Kreis of a municipality, null for states and Kreise
 * @param latitude   WGS84 latitude of a municipality, null for states and Kreise
 * @param longitude  WGS84 longitude of a municipality, null for states and Kreise
 * @param population inhabitants; for states and Kreise the sum over their municipalities
 */
record GazetteerEntry(
        PlaceKind kind,
        String key,
        String name,
        List<String> aliases,
        String state,
        String kreis,
        Double latitude,
        Double longitude,
        long population) {

    private static final double EARTH_RADIUS_KM = 6371;

    Place toPlace(String reason) {
        return new Place(name, kind, key, state, kreis, latitude, longitude, reason);
    }

    /** True for a municipality that is a Kreis of its own (kreisfreie Stadt, city-state): its Kreis has its name. */
    boolean isKreisfreieStadt() {
        return kind == PlaceKind.MUNICIPALITY && name.equals(kreis);
    }

    /** Great-circle distance between two municipalities (both must have coordinates). */
    double kilometresTo(GazetteerEntry other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }

    /** True when {@code other} lies within this entry, e.g. a state containing one of its municipalities. */
    boolean contains(GazetteerEntry other) {
        return other != this && other.key.startsWith(key);
    }
}
