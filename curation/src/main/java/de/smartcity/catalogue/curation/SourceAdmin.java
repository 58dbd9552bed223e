package de.smartcity.catalogue.curation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.AddressGuard;
import de.smartcity.catalogue.model.Opml;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.RefusedAddressException;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourcesFile;
import de.smartcity.catalogue.model.gazetteer.Gazetteer;
import de.smartcity.catalogue.routes.SourceRegistry;
import de.smartcity.catalogue.routes.store.ApiKey;
import de.smartcity.catalogue.routes.store.ManagedSource;
import de.smartcity.catalogue.routes.store.SourceStore;
import de.smartcity.catalogue.search.ApiException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Admins' changes to sources: validated like the sources file, checked against internal addresses, stored with their
 * audit record, then put into the {@link SourceRegistry} the running scheduler reads, so polling follows at once.
 */
public final class SourceAdmin {
    private static final String OPML_REASON = "OPML-Import";

    private final SourceStore store;
    private final SourceRegistry registry;
    private final AddressGuard guard;
    private final Gazetteer gazetteer;

    public SourceAdmin(SourceStore store, SourceRegistry registry, AddressGuard guard, Gazetteer gazetteer) {
        this.store = store;
        this.registry = registry;
        this.guard = guard;
        this.gazetteer = gazetteer;
    }

    /** Creates the source the fields describe (as in the sources file); it is polled with the scheduler's next tick. */
    public AdminSource create(ObjectNode fields, Optional<String> reason, ApiKey admin, Instant now) throws SQLException {
        Source source = validated(fields);
        try {
            store.create(source, admin, reason, now);
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        registry.put(ManagedSource.active(source));
        return AdminSource.of(source, "active");
    }

    /** Replaces the source's definition; its id stays. A paused source stays paused, an active one is polled at once. */
    public AdminSource edit(String id, ObjectNode fields, Optional<String> reason, ApiKey admin, Instant now)
            throws SQLException {
        if (fields.has("id") && !id.equals(fields.path("id").asText())) {
            throw ApiException.badParameter("id", "the id of a source cannot change; it was '" + id + "'");
        }
        ObjectNode node = fields.deepCopy();
        node.put("id", id);
        ManagedSource saved = store.edit(validated(node), admin, reason, now).orElseThrow(() -> notFound(id));
        registry.put(saved);
        return AdminSource.of(saved.source(), saved.paused() ? "paused" : "active");
    }

    /** Pauses, resumes or removes the source; see {@link SourceStore#change}. */
    public AdminSource change(String id, SourceStore.StateChange change, Optional<String> reason, ApiKey admin, Instant now)
            throws SQLException {
        ManagedSource changed;
        try {
            changed = store.change(id, change, admin, reason, now).orElseThrow(() -> notFound(id));
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        if (change == SourceStore.StateChange.REMOVE) {
            registry.remove(id);
            return AdminSource.of(changed.source(), "removed");
        }
        registry.put(changed);
        return AdminSource.of(changed.source(), changed.paused() ? "paused" : "active");
    }

    /**
     * Creates a source for every outline of the OPML document that is valid and new, outline by outline: one that
     * fails its checks is refused with the reason and does not hold back the others, and one whose id is there
     * already is left as it is, so that importing the same list twice changes nothing.
     */
    public OpmlImport importOpml(byte[] document, ApiKey admin, Instant now) throws SQLException {
        List<Opml.Outline> outlines;
        try {
            outlines = Opml.read(document);
        } catch (Opml.InvalidOpmlException e) {
            throw ApiException.badParameter("body", "not a usable OPML document: " + e.getMessage());
        }
        List<OpmlImport.Outcome> outcomes = new ArrayList<>();
        for (Opml.Outline outline : outlines) {
            outcomes.add(importOne(outline, admin, now));
        }
        return OpmlImport.of(outcomes);
    }

    private OpmlImport.Outcome importOne(Opml.Outline outline, ApiKey admin, Instant now) throws SQLException {
        boolean ours = outline.catalogue().containsKey("id");
        Optional<String> id = Optional.ofNullable(outline.catalogue().get("id")).or(() -> outline.text().flatMap(SourceAdmin::idFrom));
        if (id.isEmpty()) {
            return refused(outline, null, "no id: give it 'catalogue:id' or a 'text' to derive one from");
        }
        // The catalogue's own export says "portal" by leaving the city out; another reader's list cannot say it.
        Optional<String> city = ours ? Optional.empty() : outline.text().flatMap(this::cityIn);
        if (!ours && !outline.catalogue().containsKey("city") && city.isEmpty()) {
            return refused(outline, id.get(), "no city: name it in 'catalogue:city' (a portal about many cities needs "
                    + "'catalogue:id' and no city)");
        }
        if (registry.get(id.get()).isPresent()) {
            return new OpmlImport.Outcome(outline.name(), id.get(), OpmlImport.EXISTS, null);
        }
        try {
            create(outline.fields(id.get(), city), Optional.of(OPML_REASON), admin, now);
            return new OpmlImport.Outcome(outline.name(), id.get(), OpmlImport.CREATED, null);
        } catch (ApiException e) {
            return refused(outline, id.get(), e.getMessage());
        }
    }

    private static OpmlImport.Outcome refused(Opml.Outline outline, String id, String reason) {
        return new OpmlImport.Outcome(outline.name(), id, OpmlImport.REFUSED, reason);
    }

    private Optional<String> cityIn(String text) {
        return gazetteer.resolve(text).or(() -> gazetteer.findMentionedPlace(text)).map(Place::name);
    }

    /** An id from an outline's text: "Stadt Hürth – Presse" becomes {@code stadt-huerth-presse}. */
    static Optional<String> idFrom(String text) {
        String ascii = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe")
                .replace("ü", "ue").replace("ß", "ss"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String id = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        id = id.length() > 64 ? id.substring(0, 64).replaceAll("-+$", "") : id;
        return Optional.of(id).filter(SourcesFile::isValidId);
    }

    /**
     * The source the fields describe, by the sources file's rules, reachable over http(s) at a public address (or one
     * the allow-list permits); every fault is a 400 naming the field.
     */
    private Source validated(ObjectNode fields) {
        Source source;
        try {
            source = SourcesFile.readOne(fields, "request");
        } catch (SourcesFile.InvalidSourcesException e) {
            throw ApiException.badParameter(EditorialService.fieldOf(e.problems().getFirst()), String.join("; ", e.problems()));
        }
        String scheme = source.url().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            // A file: URL would let whoever holds a key read this machine's files; such sources belong in the sources file.
            throw ApiException.badParameter("url", "must start with http: or https: (file: and classpath: sources are "
                    + "only for the sources file), was '" + source.url() + "'");
        }
        try {
            guard.check(source.url());
        } catch (RefusedAddressException e) {
            throw ApiException.badParameter("url", e.getMessage());
        } catch (UnknownHostException e) {
            throw ApiException.badParameter("url", "Rechnername unbekannt: " + source.url().getHost()
                    + " ist im DNS nicht zu finden.");
        }
        return source;
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("No source with id '" + id + "'");
    }
}
