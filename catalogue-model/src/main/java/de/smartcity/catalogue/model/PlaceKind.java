package de.smartcity.catalogue.model;

/** The administrative level of a {@link Place}. */
public enum PlaceKind {
    MUNICIPALITY,
    KREIS,
    STATE,
    UNKNOWN
}
