package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectStatus;
import de.smartcity.catalogue.model.ProjectsFile;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which project catalogue the app uses, and the bundled demo catalogue itself. */
class CatalogueProjectsTest {

    @AfterEach
    void clearSetting() {
        System.clearProperty(Setting.PROJECTS.systemProperty());
    }

    private static List<Source> demoSources() throws Exception {
        return Catalogue.configuredSources(Optional.of(Catalogue.DEMO_SOURCES));
    }

    @Test
    void theDemoSourcesComeWithTheDemoCatalogueOfAtLeast25ProjectsIn10Places() throws Exception {
        List<Project> projects = Catalogue.configuredProjects(demoSources(), Taxonomy.bundled());

        assertThat(projects).hasSizeGreaterThanOrEqualTo(25);
        assertThat(projects.stream().map(Project::place).map(Place::ags).distinct()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(projects.stream().map(Project::status).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(ProjectStatus.class));
    }

    @Test
    void otherSourcesComeWithoutProjectsSoRealNewsAreNeverLinkedToDemoProjects() throws Exception {
        List<Source> own = demoSources().subList(0, 2);

        assertThat(Catalogue.configuredProjects(own, Taxonomy.bundled())).isEmpty();
    }

    @Test
    void theSettingNamesTheOperatorsOwnCatalogue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("projects.yaml");
        Files.writeString(file, """
                projects:
                  - slug: ulm-quartier
                    name: Quartiersprojekt Weststadt
                    place: Ulm
                    themes: [participation]
                    status: planned
                    description: Ein digitaler Nachbarschaftstreff.
                """);
        System.setProperty(Setting.PROJECTS.systemProperty(), file.toString());

        assertThat(Catalogue.configuredProjects(List.of(), Taxonomy.bundled())).extracting(Project::slug)
                .containsExactly("ulm-quartier");
    }

    @Test
    void aBrokenCatalogueIsRefusedNamingTheProjectAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("projects.yaml");
        Files.writeString(file, """
                projects:
                  - slug: ulm-quartier
                    name: Quartiersprojekt Weststadt
                    place: Ulm
                    themes: [participation]
                    status: aktiv
                    description: Ein digitaler Nachbarschaftstreff.
                """);
        System.setProperty(Setting.PROJECTS.systemProperty(), file.toString());

        assertThatThrownBy(() -> Catalogue.configuredProjects(List.of(), Taxonomy.bundled()))
                .isInstanceOf(ProjectsFile.InvalidProjectsException.class)
                .hasMessageContaining("project 'ulm-quartier': field 'status' must be one of");
    }
}
