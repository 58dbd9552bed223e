package de.smartcity.catalogue.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a project stands, with the German label the catalogue shows. */
public enum ProjectStatus {
    PLANNED("geplant"),
    PILOT("Pilot"),
    RUNNING("in Betrieb"),
    COMPLETED("abgeschlossen"),
    DISCONTINUED("eingestellt");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    /** The id used in files and the API, e.g. {@code running}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The German label, e.g. "in Betrieb". */
    public String label() {
        return label;
    }

    public static Optional<ProjectStatus> fromId(String id) {
        return Arrays.stream(values()).filter(status -> status.id().equals(id)).findFirst();
    }

    @JsonCreator
    static ProjectStatus require(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException("unknown project status '" + id + "'"));
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(ProjectStatus::id).toList());
    }
}
