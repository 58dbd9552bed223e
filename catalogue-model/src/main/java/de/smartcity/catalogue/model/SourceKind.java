package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a source publishes: a feed format, an HTML listing, or {@code auto} to detect the feed format. */
public enum SourceKind {
    AUTO,
    RSS,
    ATOM,
    RDF,
    HTML;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SourceKind fromId(String id) {
        return Arrays.stream(values())
                .filter(kind -> kind.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + id + "', expected one of "
                        + Arrays.stream(values()).map(SourceKind::id).collect(Collectors.joining(", "))));
    }

    public boolean isFeed() {
        return this != HTML;
    }
}
