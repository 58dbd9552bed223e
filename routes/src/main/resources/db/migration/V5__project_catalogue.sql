-- The project catalogue and which items name which project. Written in SQL that both H2 and PostgreSQL run.
-- (V4 is another branch's migration; this one touches none of its tables.)
--
-- projects:       one row per project of the catalogue file, upserted by slug at every start; project_json is the
--                 whole record, the other columns are for people reading the database.
-- item_projects:  an item's link to a project with its reason. origin 'auto' is the linker's: it replaces those
--                 links whenever the item or the catalogue changes; other origins (editors, later) it leaves alone.
-- project_linking: the catalogue (a hash of the projects and the linking rules) the 'auto' links were last made
--                 with over all items; a start with another catalogue links every item again.
CREATE TABLE projects (
    slug         VARCHAR(64)  PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    place_name   VARCHAR(200) NOT NULL,
    place_ags    VARCHAR(8)   NOT NULL,
    place_state  VARCHAR(100),
    status       VARCHAR(16)  NOT NULL,
    project_json TEXT         NOT NULL,
    updated      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE item_projects (
    item_id      VARCHAR(40)   NOT NULL REFERENCES items (id),
    project_slug VARCHAR(64)   NOT NULL REFERENCES projects (slug),
    reason       VARCHAR(1000) NOT NULL,
    origin       VARCHAR(16)   NOT NULL,
    linked       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (item_id, project_slug)
);

CREATE INDEX item_projects_by_project ON item_projects (project_slug);

CREATE TABLE project_linking (
    id        INTEGER     PRIMARY KEY,
    catalogue VARCHAR(64) NOT NULL,
    linked    TIMESTAMP WITH TIME ZONE NOT NULL
);
