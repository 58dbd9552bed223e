package de.smartcity.catalogue.curation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.ProjectsFile;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import de.smartcity.catalogue.routes.ProjectCatalogue;
import de.smartcity.catalogue.routes.index.ItemIndex;
import de.smartcity.catalogue.routes.index.ItemIndexer;
import de.smartcity.catalogue.routes.index.ProjectIndex;
import de.smartcity.catalogue.routes.store.ApiKey;
import de.smartcity.catalogue.routes.store.AuditRecord;
import de.smartcity.catalogue.routes.store.EditorialStore;
import de.smartcity.catalogue.routes.store.Overrides;
import de.smartcity.catalogue.routes.store.ProjectStore;
import de.smartcity.catalogue.routes.store.ReviewAction;
import de.smartcity.catalogue.routes.store.SuggestedLink;
import de.smartcity.catalogue.search.ApiException;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Editors' changes as the API makes them: stored (with their audit record) in the database first, then sent to the
 * index at once so that the next read shows them. When Elasticsearch is away the change stands all the same; the
 * indexer's timer sends it once the index is back.
 */
public final class EditorialService {
    private static final Logger LOG = LoggerFactory.getLogger(EditorialService.class);

    private static final Pattern OFFICIAL_KEY = Pattern.compile("\\d{5}|\\d{8}");
    private static final String EDITOR_FIELD = "editor";
    private static final Pattern PROBLEM_FIELD = Pattern.compile("field '([A-Za-z.]+)");

    private final EditorialStore store;
    private final ProjectStore projects;
    private final ProjectCatalogue catalogue;
    private final ItemIndexer indexer;
    private final ItemIndex index;
    private final ProjectIndex projectIndex;
    private final Taxonomy taxonomy;
    private final Gazetteer gazetteer;

    public EditorialService(EditorialStore store, ProjectStore projects, ProjectCatalogue catalogue, ItemIndexer indexer,
                            ItemIndex index, ProjectIndex projectIndex, Taxonomy taxonomy, Gazetteer gazetteer) {
        this.store = store;
        this.projects = projects;
        this.catalogue = catalogue;
        this.indexer = indexer;
        this.index = index;
        this.projectIndex = projectIndex;
        this.taxonomy = taxonomy;
        this.gazetteer = gazetteer;
    }

    public ItemReview review(String itemId, ReviewAction action, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        ItemReview review;
        try {
            review = store.review(itemId, action, reason, editor, now).map(after -> ItemReview.of(itemId, after))
                    .orElseThrow(() -> ApiException.notFound("No item with id '" + itemId + "'"));
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("reason", e.getMessage());
        }
        showInIndex();
        return review;
    }

    /**
     * Gives the item these themes in place of the tagger's, each with the editor as its evidence.
     *
     * @param themeIds theme ids of the taxonomy; empty means the item has no theme
     */
    public Corrections overrideThemes(String itemId, List<String> themeIds, Optional<String> reason, ApiKey editor,
                                      Instant now) throws SQLException {
        List<String> ids = themeIds.stream().distinct().toList();
        List<Theme> themes = new ArrayList<>();
        for (String id : ids) {
            themes.add(taxonomy.theme(id).orElseThrow(() -> ApiException.badParameter("themes", "unknown theme '" + id
                    + "'; known themes are " + String.join(", ", taxonomy.themes().stream().map(Theme::id).toList()))));
        }
        String who = editor.name() + " (" + editor.id() + ")" + reason.map(text -> ": " + text).orElse("");
        List<ThemeAssignment> assignments = themes.stream()
                .map(theme -> new ThemeAssignment(theme.id(), 1.0, List.of(new Evidence(who, EDITOR_FIELD)))).toList();
        List<String> fields = themes.stream().map(Theme::field).distinct().toList();
        return corrected(itemId, store.overrideThemes(itemId, assignments, fields, reason, editor, now));
    }

    public Corrections clearThemes(String itemId, Optional<String> reason, ApiKey editor, Instant now) throws SQLException {
        return corrected(itemId, store.clearThemes(itemId, reason, editor, now));
    }

    /**
     * Gives the item a place in place of the recognised one.
     *
     * @param nameOrKey a place name the gazetteer knows ("Mannheim", "Landkreis Hof") or an official key (AGS)
     */
    public Corrections overridePlace(String itemId, String nameOrKey, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        Place found = (OFFICIAL_KEY.matcher(nameOrKey).matches() ? gazetteer.byKey(nameOrKey) : gazetteer.resolve(nameOrKey))
                .orElseThrow(() -> ApiException.badParameter("place", "unknown place '" + nameOrKey
                        + "'; give a municipality, Kreis or state the gazetteer knows, or its AGS"));
        Place place = found.withReason("Von der Redaktion gesetzt (" + editor.name() + ")"
                + reason.map(text -> ": " + text).orElse(""));
        return corrected(itemId, store.overridePlace(itemId, place, reason, editor, now));
    }

    public Corrections clearPlace(String itemId, Optional<String> reason, ApiKey editor, Instant now) throws SQLException {
        return corrected(itemId, store.clearPlace(itemId, reason, editor, now));
    }

    /** Links the item to the project, or (when {@code link} is false) takes the link away; answers its links. */
    public ItemLinks link(String itemId, String slug, boolean link, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        return linked(itemId, () -> link ? store.linkProject(itemId, slug, reason, editor, now)
                : store.unlinkProject(itemId, slug, reason, editor, now));
    }

    /** The linker's links to the project that await an editor's decision. */
    public List<SuggestedLink> suggestions(String slug, int limit) throws SQLException {
        return store.suggestions(slug, limit).orElseThrow(() -> ApiException.notFound("No project with slug '" + slug + "'"));
    }

    /** Accepts ({@code accept}) or rejects the linker's link of the item to the project; answers the item's links. */
    public ItemLinks decide(String itemId, String slug, boolean accept, Optional<String> reason, ApiKey editor,
                            Instant now) throws SQLException {
        return linked(itemId, () -> accept ? store.acceptSuggestion(itemId, slug, reason, editor, now)
                : store.rejectSuggestion(itemId, slug, reason, editor, now));
    }

    /** A change of a link as the store makes it: false when there is no such item. */
    @FunctionalInterface
    private interface LinkWrite {
        boolean write() throws SQLException;
    }

    private ItemLinks linked(String itemId, LinkWrite write) throws SQLException {
        boolean found;
        try {
            found = write.write();
        } catch (IllegalArgumentException | NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        }
        if (!found) {
            throw ApiException.notFound("No item with id '" + itemId + "'");
        }
        showInIndex();
        return new ItemLinks(itemId, projects.linksOf(List.of(itemId)).getOrDefault(itemId, List.of()));
    }

    /** Makes the other item part of this one; see {@link EditorialStore#merge}. */
    public Merge merge(String itemId, String otherId, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        boolean found;
        try {
            found = store.merge(itemId, otherId, reason, editor, now);
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("other", e.getMessage());
        }
        if (!found) {
            throw ApiException.notFound("No item with id '" + itemId + "'");
        }
        showInIndex();
        return new Merge(itemId, otherId, true);
    }

    /** Splits a merged report off the item and keeps the two apart; see {@link EditorialStore#split}. */
    public Merge split(String itemId, String report, Optional<String> reason, ApiKey editor, Instant now)
            throws SQLException {
        Optional<String> splitOff;
        try {
            splitOff = store.split(itemId, report, reason, editor, now);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("report", e.getMessage());
        }
        String other = splitOff.orElseThrow(() -> ApiException.notFound("No item with id '" + itemId + "'"));
        showInIndex();
        return new Merge(itemId, other, false);
    }

    /**
     * Creates ({@code create}) or replaces the project the fields describe, validated like the catalogue file, and
     * shows it in the project index and in the documents of its linked items.
     *
     * @param fields the project as in the catalogue file (place by name, themes by id); for an edit without a slug
     */
    public Project saveProject(String slug, ObjectNode fields, boolean create, Optional<String> reason, ApiKey editor,
                               Instant now) throws SQLException {
        if (!create && fields.has("slug") && !slug.equals(fields.path("slug").asText())) {
            throw ApiException.badParameter("slug", "the slug of a project cannot change; it was '" + slug + "'");
        }
        ObjectNode node = fields.deepCopy();
        node.put("slug", slug);
        Project project;
        try {
            project = ProjectsFile.readOne(node, "request", projects.all(), taxonomy, gazetteer);
        } catch (ProjectsFile.InvalidProjectsException e) {
            throw ApiException.badParameter(fieldOf(e.problems().getFirst()), String.join("; ", e.problems()));
        }
        Project saved;
        try {
            saved = store.saveProject(project, create, reason, editor, now)
                    .orElseThrow(() -> ApiException.notFound("No project with slug '" + slug + "'"));
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        try {
            projectIndex.index(saved);
        } catch (IOException e) {
            LOG.warn("The project is stored, but not yet in the search index; 'reindex' sends it: {}", e.toString());
        }
        catalogue.refresh(itemsToLink(saved));
        showInIndex();
        return saved;
    }

    /**
     * The items whose links a saved project may change: those the linker linked to it, and those that name it as the
     * search index has them. Without an answer from the index, the next start links every item again anyway.
     */
    private List<String> itemsToLink(Project saved) throws SQLException {
        List<String> items = new ArrayList<>(projects.autoLinkedTo(saved.slug()));
        try {
            items.addAll(index.idsMentioning(saved.names()));
        } catch (IOException e) {
            LOG.warn("News naming project '{}' get linked to it at the next start: {}", saved.slug(), e.toString());
        }
        return items;
    }

    /**
     * The field a problem of the projects or sources file names ("… field 'place': …"), so the error names the
     * parameter.
     */
    static String fieldOf(String problem) {
        Matcher field = PROBLEM_FIELD.matcher(problem);
        return field.find() ? field.group(1) : "body";
    }

    private Corrections corrected(String itemId, Optional<Overrides> overrides) throws SQLException {
        Overrides after = overrides.orElseThrow(() -> ApiException.notFound("No item with id '" + itemId + "'"));
        showInIndex();
        return Corrections.of(itemId, after);
    }

    public List<AuditRecord> audit(Optional<String> item, Optional<String> project, Optional<String> source, int limit)
            throws SQLException {
        return store.audit(item, project, source, limit);
    }

    private void showInIndex() throws SQLException {
        try {
            indexer.indexPending();
            index.refresh();
        } catch (IOException e) {
            LOG.warn("The change is stored, but not yet in the search index; the indexer sends it when Elasticsearch "
                    + "answers again: {}", e.toString());
        }
    }
}
