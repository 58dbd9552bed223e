-- Sources an admin manages through the API, next to the sources file. Written in SQL that both H2 and PostgreSQL run.
--
-- poll_interval, html_json: the rest of a source's definition (ISO-8601 duration; the HTML selectors as JSON, NULL for
--                           feeds), so that a source made through the API needs no file to be polled after a restart.
-- origin:                   where the source was first defined: 'file' or 'api'.
-- edited_by:                the key of the admin who last made, edited, paused, resumed or removed it; NULL means the
--                           row follows the sources file. As with projects, the start-up sync leaves such rows alone:
--                           the admin's version wins, and a source the file no longer lists stays.
-- state:                    'active' (polled), 'paused' (listed, not polled) or 'removed' (neither; the row stays so
--                           that the audit trail and its items' provenance keep their meaning and the id is not reused).
ALTER TABLE sources ADD COLUMN poll_interval VARCHAR(40);
ALTER TABLE sources ADD COLUMN html_json TEXT;
ALTER TABLE sources ADD COLUMN origin VARCHAR(8) DEFAULT 'file' NOT NULL;
ALTER TABLE sources ADD COLUMN edited_by VARCHAR(32);
ALTER TABLE sources ADD COLUMN state VARCHAR(8) DEFAULT 'active' NOT NULL;

-- The audit trail gains a third subject: the source an admin changed.
ALTER TABLE audit_log ADD COLUMN source_id VARCHAR(64);
CREATE INDEX audit_log_by_source ON audit_log (source_id, id);
