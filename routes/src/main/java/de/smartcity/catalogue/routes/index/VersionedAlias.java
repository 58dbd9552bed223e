package de.smartcity.catalogue.routes.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * An alias over versioned indices ({@code items-v20261124-101500000}): readers and writers use the alias, a rebuild
 * fills a new index and then moves the alias in one atomic step, so search keeps working meanwhile.
 */
final class VersionedAlias {
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final String alias;
    private final Clock clock;

    VersionedAlias(ElasticsearchClient client, String alias, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.clock = clock;
    }

    /** The name for a new index, by the clock; not yet created. */
    String newIndexName() {
        return alias + "-v" + VERSION.format(clock.instant());
    }

    boolean exists() throws IOException {
        return client.indices().existsAlias(request -> request.name(alias)).value();
    }

    Set<String> currentIndices() throws IOException {
        if (!exists()) {
            return Set.of();
        }
        return client.indices().getAlias(request -> request.name(alias)).aliases().keySet();
    }

    /** Points the alias at {@code index} (also for writing) in one atomic step and deletes the indices it pointed at. */
    void switchTo(String index) throws IOException {
        Set<String> previous = currentIndices();
        client.indices().updateAliases(request -> {
            previous.forEach(old -> request.actions(action -> action.remove(remove -> remove.index(old).alias(alias))));
            return request.actions(action -> action.add(add -> add.index(index).alias(alias).isWriteIndex(true)));
        });
        for (String old : previous) {
            if (!old.equals(index)) {
                client.indices().delete(request -> request.index(old));
            }
        }
    }
}
