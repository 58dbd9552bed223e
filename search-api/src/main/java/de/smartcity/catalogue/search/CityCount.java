package de.smartcity.catalogue.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A city (or Kreis) with the number of items placed there. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CityCount(String name, String state, String ags, long count) {
}
