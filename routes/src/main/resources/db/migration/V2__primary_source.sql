-- The source whose telling of a story the item shows: the first one that carried it. Other sources
-- only add themselves to item_sources, so two sources wording one story differently do not make the
-- item flip on every poll.
ALTER TABLE items ADD COLUMN primary_source_id VARCHAR(64);

UPDATE items SET primary_source_id = (SELECT MIN(s.source_id) FROM item_sources s WHERE s.item_id = items.id);
