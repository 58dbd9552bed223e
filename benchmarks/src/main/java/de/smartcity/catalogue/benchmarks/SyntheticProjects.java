package de.smartcity.catalogue.benchmarks;

import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectPeriod;
import de.smartcity.catalogue.model.ProjectStatus;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.WebLink;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic projects in the cities of {@link SyntheticNews}: one to three themes of the taxonomy each, a
 * status, a period and a short German description, spread evenly over the cities.
 */
final class SyntheticProjects {
    private static final List<String> KINDS = List.of("Pilotprojekt", "Modellvorhaben", "Reallabor", "Plattform",
            "Sensornetz", "Bürgerdienst");

    private SyntheticProjects() {
    }

    static List<Project> projects(int count, Taxonomy taxonomy) {
        Random random = new Random(SyntheticNews.SEED);
        List<String> cities = SyntheticNews.cities();
        List<Theme> themes = taxonomy.themes();
        ProjectStatus[] statuses = ProjectStatus.values();
        List<Project> projects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String city = cities.get(i % cities.size());
            Place place = Gazetteer.instance().resolve(city).orElseThrow(() -> new IllegalStateException("No place " + city));
            Set<Theme> chosen = new LinkedHashSet<>();
            int themeCount = 1 + random.nextInt(3);
            while (chosen.size() < themeCount) {
                chosen.add(themes.get(random.nextInt(themes.size())));
            }
            Theme main = chosen.iterator().next();
            String name = "%s %s %s %d".formatted(KINDS.get(random.nextInt(KINDS.size())), main.de(), city, i);
            List<String> fields = taxonomy.fields().stream()
                    .filter(field -> chosen.stream().anyMatch(theme -> theme.field().equals(field))).toList();
            YearMonth from = YearMonth.of(2020 + random.nextInt(6), 1 + random.nextInt(12));
            projects.add(new Project("p-%04d".formatted(i), name, List.of(), place,
                    chosen.stream().map(Theme::id).toList(), fields, statuses[random.nextInt(statuses.length)],
                    random.nextBoolean() ? "Modellprojekte Smart Cities" : null, new ProjectPeriod(from, null),
                    List.of("Stadtwerke"), "Die Stadt %s erprobt %s im Themenfeld %s.".formatted(city, name, main.de()),
                    List.of(new WebLink("Projektseite", "https://www.example.org/projekte/p-%04d".formatted(i)))));
        }
        return projects;
    }
}
