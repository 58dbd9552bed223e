package de.smartcity.catalogue.model;

import java.io.IOException;
import java.util.List;

/** A configuration file of the catalogue (sources, projects) that cannot be used; the message lists every problem. */
public abstract class InvalidFileException extends IOException {
    private final List<String> problems;

    protected InvalidFileException(String what, String file, List<String> problems) {
        super("Invalid " + what + " " + file + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
