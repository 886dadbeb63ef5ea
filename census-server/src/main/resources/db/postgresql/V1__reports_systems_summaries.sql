-- Raw reports, append-only: the latest report of a (product, system, UTC day) wins when read.
-- Ids grow with arrival, so "latest" is the largest id. Client IP addresses are never stored.
CREATE SEQUENCE report_ids;

CREATE TABLE reports (
    id          BIGINT    NOT NULL PRIMARY KEY,
    product     TEXT      NOT NULL,
    system_id   UUID      NOT NULL,
    day         DATE      NOT NULL,
    channel     TEXT      NOT NULL,
    received_at TIMESTAMP NOT NULL
);
-- The day's latest report per system is an index-only scan of (product, day); so are the 7- and
-- 28-day distinct counts.
CREATE INDEX reports_product_day_system ON reports (product, day, system_id, id);
CREATE INDEX reports_product_system ON reports (product, system_id);

CREATE TABLE report_components (
    report_id BIGINT NOT NULL,
    name      TEXT   NOT NULL,
    version   TEXT   NOT NULL,
    xy        TEXT   NOT NULL,
    xyz       TEXT   NOT NULL
);
CREATE INDEX report_components_report ON report_components (report_id);

CREATE TABLE report_metrics (
    report_id BIGINT NOT NULL,
    name      TEXT   NOT NULL,
    num       DOUBLE PRECISION,
    bucket    SMALLINT,
    txt       TEXT
);
CREATE INDEX report_metrics_report ON report_metrics (report_id);

CREATE TABLE systems (
    product    TEXT NOT NULL,
    system_id  UUID NOT NULL,
    first_seen DATE NOT NULL,
    last_seen  DATE NOT NULL,
    PRIMARY KEY (product, system_id)
);

-- Published numbers, read in (day, metric, kind, key) order by code point: "C" collation on the
-- text columns makes the primary key's index serve that order on any database locale.
CREATE TABLE summaries (
    product TEXT COLLATE "C" NOT NULL,
    day     DATE NOT NULL,
    channel TEXT COLLATE "C" NOT NULL,
    metric  TEXT COLLATE "C" NOT NULL,
    kind    TEXT COLLATE "C" NOT NULL,
    key     TEXT COLLATE "C" NOT NULL,
    value   DOUBLE PRECISION,
    systems BIGINT NOT NULL,
    PRIMARY KEY (product, day, channel, metric, kind, key)
);

CREATE TABLE summarized_days (
    product     TEXT      NOT NULL,
    day         DATE      NOT NULL,
    computed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (product, day)
);
