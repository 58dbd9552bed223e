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
 * The project catalogue as the app runs it: the projects of the catalogue file, stored in the database and
 * linked to the news that name them, at start for every item when the catalogue changed and during ingest for
 * each item stored.
 */
public final class ProjectCatalogue {
    /** Part of the fingerprint: change it when the linking rules change, so that the next start links every item again. */
    private static final String LINKING_RULES = "place-and-phrase-1";
    private static final Logger LOG = LoggerFactory.getLogger(ProjectCatalogue.class);

    private final List<Project> projects;
    private final ProjectStore store;
    private final ProjectLinker linker;
    private final Clock clock;
    private final String fingerprint;

    public ProjectCatalogue(List<Project> projects, ProjectStore store, Clock clock) {
        this.projects = List.copyOf(projects);
        this.store = store;
        this.linker = new ProjectLinker(projects);
        this.clock = clock;
        this.fingerprint = fingerprint(projects);
    }

    /**
     * Stores the catalogue and, unless every item was already linked with this very catalogue, links every item
     * again. A start with an unchanged catalogue only compares; one that stopped half-way links again next time.
     */
    public void install() throws SQLException {
        ProjectStore.CatalogueChange change = store.replaceAll(projects, clock.instant());
        if (store.linkedCatalogue().filter(fingerprint::equals).isEmpty()) {
            int relinked = store.linkAll(linker, clock.instant());
            store.markLinked(fingerprint, clock.instant());
            LOG.info("Project catalogue: {} project(s) ({} new, {} changed, {} removed); links of {} item(s) changed",
                    projects.size(), change.added(), change.changed(), change.removed(), relinked);
        }
    }

    /** Links every stored item again, whatever the catalogue it was linked with: part of a full rebuild. */
    public void linkAll() throws SQLException {
        store.linkAll(linker, clock.instant());
        store.markLinked(fingerprint, clock.instant());
    }

    /** Links these items, as stored, to the projects they name; unlinks those they no longer name. */
    public void linkItems(Collection<String> itemIds) throws SQLException {
        if (!projects.isEmpty()) {
            store.link(itemIds, linker, clock.instant());
        }
    }

    public List<Project> projects() {
        return projects;
    }

    /** A hash of the projects and the linking rules: what the stored links and the project index were made from. */
    public String fingerprint() {
        return fingerprint;
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
