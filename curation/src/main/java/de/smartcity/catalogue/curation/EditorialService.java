package de.smartcity.catalogue.curation;

import de.smartcity.catalogue.routes.index.ItemIndex;
import de.smartcity.catalogue.routes.index.ItemIndexer;
import de.smartcity.catalogue.routes.store.ApiKey;
import de.smartcity.catalogue.routes.store.AuditRecord;
import de.smartcity.catalogue.routes.store.EditorialStore;
import de.smartcity.catalogue.routes.store.ReviewAction;
import de.smartcity.catalogue.search.ApiException;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Editors' changes as the API makes them: stored (with their audit record) in the database first, then sent to the
 * index at once so that the next read shows them. When Elasticsearch is away the change stands all the same; the
 * indexer's timer sends it once the index is back.
 */
public final class EditorialService {
    private static final Logger LOG = LoggerFactory.getLogger(EditorialService.class);

    private final EditorialStore store;
    private final ItemIndexer indexer;
    private final ItemIndex index;

    public EditorialService(EditorialStore store, ItemIndexer indexer, ItemIndex index) {
        this.store = store;
        this.indexer = indexer;
        this.index = index;
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

    public List<AuditRecord> audit(Optional<String> item, Optional<String> project, int limit) throws SQLException {
        return store.audit(item, project, limit);
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
