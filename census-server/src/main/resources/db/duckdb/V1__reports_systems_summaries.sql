-- Raw reports, append-only: the latest report of a (product, system, UTC day) wins when read.
-- Ids grow with arrival, so "latest" is the largest id. Client IP addresses are never stored.
CREATE TABLE reports (
    id          BIGINT    NOT NULL,
    product     VARCHAR   NOT NULL,
    system_id   UUID      NOT NULL,
    day         DATE      NOT NULL,
    channel     VARCHAR   NOT NULL,
    received_at TIMESTAMP NOT NULL
);

CREATE TABLE report_components (
    report_id BIGINT  NOT NULL,
    name      VARCHAR NOT NULL,
    version   VARCHAR NOT NULL,
    xy        VARCHAR NOT NULL,
    xyz       VARCHAR NOT NULL
);

-- One row per metric value: numbers in num (with their power-of-two bucket), booleans and strings in txt.
CREATE TABLE report_metrics (
    report_id BIGINT   NOT NULL,
    name      VARCHAR  NOT NULL,
    num       DOUBLE,
    bucket    SMALLINT,
    txt       VARCHAR
);

-- Permanent: install age and churn outlive raw retention.
CREATE TABLE systems (
    product    VARCHAR NOT NULL,
    system_id  UUID    NOT NULL,
    first_seen DATE    NOT NULL,
    last_seen  DATE    NOT NULL,
    PRIMARY KEY (product, system_id)
);

-- No primary keys below: DuckDB checks them eagerly, so a day's summary could not be deleted and
-- rewritten in one transaction. The store replaces a day's rows as a whole instead.
-- Published numbers: kind 'bucket' (key = bucket, systems = count) or 'stat' (key = stat, value, systems = sample).
CREATE TABLE summaries (
    product VARCHAR NOT NULL,
    day     DATE    NOT NULL,
    channel VARCHAR NOT NULL,
    metric  VARCHAR NOT NULL,
    kind    VARCHAR NOT NULL,
    key     VARCHAR NOT NULL,
    value   DOUBLE,
    systems BIGINT  NOT NULL
);

CREATE TABLE summarized_days (
    product     VARCHAR   NOT NULL,
    day         DATE      NOT NULL,
    computed_at TIMESTAMP NOT NULL
);
