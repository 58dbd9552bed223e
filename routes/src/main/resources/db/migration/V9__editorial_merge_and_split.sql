-- Editors merge two items the machine kept apart and split a merge that was wrong. Written in SQL that both H2 and
-- PostgreSQL run. (V8 is another branch's migration; this one touches none of its tables.)
--
-- items.merged_into: the item an editor merged this one into. The row stays as it is and its sources keep being
--                    polled into it; the index leaves it out and shows its sources and report on the other item. An
--                    item_aliases row with the merged item's id describes the merged report, as for the machine's
--                    merges; the upsert keeps storing a report under its own row while it has one.
ALTER TABLE items ADD COLUMN merged_into VARCHAR(40) REFERENCES items (id);

CREATE INDEX items_merged_into ON items (merged_into);

-- keep_apart: an editor's decision that a report (by the id its URL gives) does not tell an item's story again. The
--             near-duplicate merging leaves such pairs alone on every later poll; one row per direction, so either
--             id finds the decision with the primary key.
CREATE TABLE keep_apart (
    item_id    VARCHAR(40)   NOT NULL,
    other_id   VARCHAR(40)   NOT NULL,
    decided    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by VARCHAR(32)   NOT NULL,
    PRIMARY KEY (item_id, other_id)
);
