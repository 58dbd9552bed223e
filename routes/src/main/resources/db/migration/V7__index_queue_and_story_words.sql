-- Two things that made ingest slow: which items Elasticsearch still has to take, now a queue of narrow rows instead
-- of a column of the wide items rows, and the words of each story for finding near-duplicates, now kept with it.
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

-- items.story_words: the words the near-duplicate comparison uses (StoryWords.encoded: the analysed terms, a line
--                    break, the figures), kept for items with a dedup_block. Every new report was compared with
--                    about nine stored stories of its place and days in the ingest benchmark, each analysed again on
--                    every poll; now they are read. NULL for items stored before this version: those are analysed
--                    when compared, as before.
ALTER TABLE items ADD COLUMN story_words TEXT;
