package de.smartcity.catalogue.routes;

import java.time.Duration;
import java.util.Locale;

/** Durations the way an operator reads them in a German sentence: "0,8 s", "20 s", "90 s", "15 min", "2 h", "1 h 30 min". */
final class GermanDurations {
    private GermanDurations() {
    }

    static String of(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 10_000) {
            return String.format(Locale.GERMANY, "%.1f s", millis / 1000.0).replace(",0 s", " s");
        }
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
