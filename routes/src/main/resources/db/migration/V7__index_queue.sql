-- Which items Elasticsearch still has to take, as a queue of narrow rows instead of a column of the wide items rows.
-- Written in SQL that both H2 and PostgreSQL run. (V6 is another branch's migration; this one touches none of its
-- tables.)
--
-- items.indexed_version was updated on every acknowledged item: H2 stores a row as one value, so each
-- acknowledgement rewrote the whole item (title, teaser, themes) and its index entries, two thirds of the app's CPU
-- while indexing 20,000 new items. Its predicate (indexed_version < version) also compared two columns, which no
-- index serves, so every index-pending tick read the whole table even when nothing was pending.
--
-- index_queue: one row per item whose current version is not acknowledged yet, with that version. Whatever gives an
--              item a new version queues it in the same transaction (IndexQueue); an acknowledgement deletes the
--              row only if it still holds the acknowledged version, so a newer version stored meanwhile stays queued.
CREATE TABLE index_queue (
    item_id VARCHAR(40) PRIMARY KEY REFERENCES items (id),
    version BIGINT      NOT NULL
);

INSERT INTO index_queue (item_id, version) SELECT id, version FROM items WHERE indexed_version < version;

DROP INDEX items_to_index;

ALTER TABLE items DROP COLUMN indexed_version;
