-- One story, one item: a report that tells a stored story again under another URL (a portal's teaser of a city's
-- press release) joins that item instead of becoming one of its own. Written in SQL that both H2 and PostgreSQL run.
--
-- items.dedup_block: where near-duplicates of the item are looked for: the place's AGS, or 'name:' and its name
--                    when the gazetteer has no key; NULL when the item takes no part (no place, or an estimated
--                    date). New reports are compared only with items of their block published within a few days,
--                    found through items_dedup_block, never with the whole catalogue.
ALTER TABLE items ADD COLUMN dedup_block VARCHAR(220);

UPDATE items SET dedup_block = COALESCE(place_ags, 'name:' || place_name)
WHERE place_name IS NOT NULL AND published_estimated = FALSE;

CREATE INDEX items_dedup_block ON items (dedup_block, published);

-- A report merged into an item. alias_id is the id the report's own URL gives (see ItemIds): a later poll of that
-- URL finds the item through it directly, and an editor who splits a wrong merge knows what to restore. The
-- report's guid and link as the source gave them stay in item_sources.
CREATE TABLE item_aliases (
    alias_id   VARCHAR(40)      PRIMARY KEY,
    item_id    VARCHAR(40)      NOT NULL REFERENCES items (id),
    source_id  VARCHAR(64)      NOT NULL,
    url        VARCHAR(2000)    NOT NULL,
    title      VARCHAR(2000)    NOT NULL,
    similarity DOUBLE PRECISION NOT NULL,
    reason     VARCHAR(1000)    NOT NULL,
    created    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX item_aliases_by_item ON item_aliases (item_id);

-- One row per block, locked (SELECT … FOR UPDATE) while a poll compares a new report with the block's items and
-- stores it, so that a city's feed and a portal storing the same story at the same moment end with one item.
CREATE TABLE dedup_blocks (
    block_key VARCHAR(220) PRIMARY KEY
);
