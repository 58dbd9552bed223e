package de.smartcity.catalogue.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.routes.link.ProjectLinker;
import de.smartcity.catalogue.routes.store.ProjectStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project catalogue as the app runs it: the projects of the catalogue file and those editors made or edited,
 * stored in the database and linked to the news that name them, at start for every item when the catalogue changed
 * and during ingest for each item stored.
 */
public final class ProjectCatalogue {
    /** Part of the fingerprint: change it when the linking rules change, so that the next start links every item again. */
    private static final String LINKING_RULES = "place-and-phrase-1";
    private static final Logger LOG = LoggerFactory.getLogger(ProjectCatalogue.class);

    private final List<Project> fileProjects;
    private final ProjectStore store;
    private final Clock clock;
    /** The stored projects and what links by them; replaced as a whole when an editor changes a project. */
    private volatile Linking linking;

    public ProjectCatalogue(List<Project> fileProjects, ProjectStore store, Clock clock) {
        this.fileProjects = List.copyOf(fileProjects);
        this.store = store;
        this.clock = clock;
        this.linking = new Linking(this.fileProjects);
    }

    /**
     * Stores the file's projects and, unless every item was already linked with this very catalogue (the file's
     * projects and the editors'), links every item again. A start with an unchanged catalogue only compares; one that
     * stopped half-way links again next time.
     */
    public void install() throws SQLException {
        ProjectStore.CatalogueChange change = store.replaceAll(fileProjects, clock.instant());
        Linking installed = new Linking(store.all());
        linking = installed;
        if (store.linkedCatalogue().filter(installed.fingerprint()::equals).isEmpty()) {
            int relinked = store.linkAll(installed.linker(), clock.instant());
            store.markLinked(installed.fingerprint(), clock.instant());
            LOG.info("Project catalogue: {} project(s) ({} new, {} changed, {} removed); links of {} item(s) changed",
                    installed.projects().size(), change.added(), change.changed(), change.removed(), relinked);
        }
    }

    /**
     * Links by the stored projects from now on, after an editor made or changed one, and links these items again:
     * those that may name it. Every other item is linked again at the next start, since the catalogue it was linked
     * with is no longer this one.
     */
    public void refresh(Collection<String> itemIds) throws SQLException {
        linking = new Linking(store.all());
        linkItems(itemIds);
    }

    /** Links every stored item again, whatever the catalogue it was linked with: part of a full rebuild. */
    public void linkAll() throws SQLException {
        Linking current = linking;
        store.linkAll(current.linker(), clock.instant());
        store.markLinked(current.fingerprint(), clock.instant());
    }

    /** Links these items, as stored, to the projects they name; unlinks those they no longer name. */
    public void linkItems(Collection<String> itemIds) throws SQLException {
        Linking current = linking;
        if (!current.projects().isEmpty()) {
            store.link(itemIds, current.linker(), clock.instant());
        }
    }

    /** A hash of the projects and the linking rules: what the stored links and the project index were made from. */
    public String fingerprint() {
        return linking.fingerprint();
    }

    private record Linking(List<Project> projects, ProjectLinker linker, String fingerprint) {
        Linking(List<Project> projects) {
            this(List.copyOf(projects), new ProjectLinker(projects), ProjectCatalogue.fingerprint(projects));
        }
    }

    private static String fingerprint(List<Project> projects) {
        try {
            byte[] catalogue = CatalogueJson.mapper().writeValueAsBytes(projects);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(LINKING_RULES.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(catalogue));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("projects are plain records and always serialise", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
