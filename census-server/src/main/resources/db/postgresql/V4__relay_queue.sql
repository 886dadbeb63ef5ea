-- A relay's outgoing queue: per accepted report that its policy lets leave, the exact bytes to forward
-- upstream, written in the same transaction as the report. Rows leave the queue only by retention
-- (docs/relay.md); their state says whether they were forwarded, rejected upstream, or still wait.
CREATE TABLE relay_queue (
    report_id    BIGINT    NOT NULL PRIMARY KEY,
    product      TEXT      NOT NULL,
    day          DATE      NOT NULL,
    format       TEXT      NOT NULL,
    body         BYTEA     NOT NULL,
    state        TEXT      NOT NULL DEFAULT 'queued',
    attempts     INTEGER   NOT NULL DEFAULT 0,
    last_attempt TIMESTAMP,
    last_error   TEXT,
    next_attempt TIMESTAMP
);
CREATE INDEX relay_queue_state ON relay_queue (state, report_id);

-- The relay's own settings that must survive restarts: the pseudonymization secret, paused or not.
CREATE TABLE relay_settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
