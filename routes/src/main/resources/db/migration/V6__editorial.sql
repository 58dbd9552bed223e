-- The write side: who may edit, and what editors decided. Written in SQL that both H2 and PostgreSQL run.
--
-- api_keys: one row per key. The key itself is never stored: secret_hash is the SHA-256 of its random secret part,
--           enough for a 256-bit random token. A revoked key keeps its row (revoked set), so the audit trail can
--           still name who did what.
CREATE TABLE api_keys (
    id          VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    secret_hash VARCHAR(64)  NOT NULL,
    created     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked     TIMESTAMP WITH TIME ZONE
);
