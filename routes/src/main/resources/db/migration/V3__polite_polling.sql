-- Polite, adaptive polling. Written in SQL that both H2 and PostgreSQL run.
--
-- etag, last_modified: the validators of the last response that was stored in full, sent back as
--                      If-None-Match / If-Modified-Since so that an unchanged feed costs one 304.
-- next_poll_at:        when the source is due again (NULL: never polled, due at once). Set after every poll
--                      from the source's interval, stretched while it does not change, or from the backoff
--                      after failures and the server's Retry-After.
-- unchanged_polls:     polls in a row that brought nothing new; it stretches the interval and a change resets it.
ALTER TABLE sources ADD COLUMN etag VARCHAR(1000);
ALTER TABLE sources ADD COLUMN last_modified VARCHAR(100);
ALTER TABLE sources ADD COLUMN next_poll_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sources ADD COLUMN unchanged_polls INTEGER DEFAULT 0 NOT NULL;

CREATE INDEX sources_next_poll ON sources (next_poll_at);
