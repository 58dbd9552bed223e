-- Projects editors made or edited through the API. edited_by names the key of the last editor; NULL means the row
-- comes from the catalogue file. The start-up sync with the file leaves rows with edited_by alone: the editor's
-- version wins over the file, and a project the file no longer lists stays if an editor touched it.
ALTER TABLE projects ADD COLUMN edited_by VARCHAR(32);
