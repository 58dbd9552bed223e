package de.smartcity.catalogue.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The data directory an integration test works in: a fresh one under the directory failsafe gives the ITs
 * ({@code catalogue.data.dir}), set as the catalogue's data directory until {@link #restore()} gives the failsafe
 * one back. Clearing the property instead would send every IT after it to the default under /tmp, which builds in
 * other checkouts share.
 */
final class ItDataDir {
    private static final String GIVEN = System.getProperty(Setting.DATA_DIR.systemProperty());

    private ItDataDir() {
    }

    /** A new directory named after the test, now the catalogue's data directory. */
    static Path enter(String name) {
        Path dir = Path.of(Optional.ofNullable(GIVEN).orElse("target/it-data"), name + "-" + System.nanoTime());
        System.setProperty(Setting.DATA_DIR.systemProperty(), dir.toString());
        return dir;
    }

    static void restore() {
        if (GIVEN == null) {
            System.clearProperty(Setting.DATA_DIR.systemProperty());
        } else {
            System.setProperty(Setting.DATA_DIR.systemProperty(), GIVEN);
        }
    }
}
