-- The system of record. Written in SQL that both H2 and PostgreSQL run.

CREATE TABLE sources (
    id                   VARCHAR(64)   PRIMARY KEY,
    city                 VARCHAR(200),
    url                  VARCHAR(2000) NOT NULL,
    kind                 VARCHAR(16)   NOT NULL,
    last_attempt         TIMESTAMP WITH TIME ZONE,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_status          VARCHAR(32),
    last_error           VARCHAR(2000),
    consecutive_failures INTEGER       DEFAULT 0 NOT NULL
);

CREATE TABLE items (
    id                  VARCHAR(40)   PRIMARY KEY,
    url                 VARCHAR(2000) NOT NULL,
    title               VARCHAR(2000) NOT NULL,
    summary             TEXT          NOT NULL,
    published           TIMESTAMP WITH TIME ZONE NOT NULL,
    published_estimated BOOLEAN       NOT NULL,
    first_seen          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen           TIMESTAMP WITH TIME ZONE NOT NULL,
    language            VARCHAR(8)    NOT NULL,
    place_name          VARCHAR(200),
    place_kind          VARCHAR(16),
    place_ags           VARCHAR(8),
    place_state         VARCHAR(100),
    place_kreis         VARCHAR(200),
    place_latitude      DOUBLE PRECISION,
    place_longitude     DOUBLE PRECISION,
    place_reason        VARCHAR(500),
    themes_json         TEXT          NOT NULL,
    fields_json         TEXT          NOT NULL,
    -- A hash of everything the index shows; a change bumps version.
    content_hash        VARCHAR(64)   NOT NULL,
    version             BIGINT        NOT NULL,
    -- The version last acknowledged by Elasticsearch; behind version means "still to index".
    indexed_version     BIGINT        DEFAULT 0 NOT NULL
);

CREATE INDEX items_to_index ON items (indexed_version, version);

-- Which sources carried which story, so one story keeps every source.
CREATE TABLE item_sources (
    item_id    VARCHAR(40)   NOT NULL REFERENCES items (id),
    source_id  VARCHAR(64)   NOT NULL,
    guid       VARCHAR(2000),
    source_url VARCHAR(2000) NOT NULL,
    first_seen TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (item_id, source_id)
);

CREATE INDEX item_sources_by_source ON item_sources (source_id);
