-- A relay's outgoing queue: per accepted report that its policy lets leave, the exact bytes to forward
-- upstream, written in the same transaction as the report. Rows leave the queue only by retention
-- (docs/relay.md); their state says whether they were forwarded, rejected upstream, or still wait.
CREATE TABLE relay_queue (
    report_id    BIGINT    NOT NULL,
    product      VARCHAR   NOT NULL,
    day          DATE      NOT NULL,
    format       VARCHAR   NOT NULL,
    body         BLOB      NOT NULL,
    state        VARCHAR   NOT NULL DEFAULT 'queued',
    attempts     INTEGER   NOT NULL DEFAULT 0,
    last_attempt TIMESTAMP,
    last_error   VARCHAR,
    next_attempt TIMESTAMP
);

-- The relay's own settings that must survive restarts: the pseudonymization secret, paused or not.
CREATE TABLE relay_settings (
    name  VARCHAR NOT NULL PRIMARY KEY,
    value VARCHAR NOT NULL
);
