-- One row per report: a report's components and metrics move from the child tables into lists in
-- its own row, so a batch is one appender's flush and the day's summary unnests the day's latest
-- reports instead of joining millions of child rows back to them. Every report keeps its id; its
-- components are sorted by name, X.Y, X.Y.Z and version (as the writer sorts them, so a report's
-- repeats of a name or version are neighbours for the summary) and its metrics keep their order.
CREATE TABLE reports_v3 (
    id          BIGINT    NOT NULL,
    product     VARCHAR   NOT NULL,
    system_id   UUID      NOT NULL,
    day         DATE      NOT NULL,
    channel     VARCHAR   NOT NULL,
    received_at TIMESTAMP NOT NULL,
    components  STRUCT(name VARCHAR, version VARCHAR, xy VARCHAR, xyz VARCHAR)[] NOT NULL,
    -- numbers in num (with their power-of-two bucket), booleans and strings in txt
    metrics     STRUCT(name VARCHAR, num DOUBLE, bucket SMALLINT, txt VARCHAR)[] NOT NULL
);

INSERT INTO reports_v3
SELECT r.id, r.product, r.system_id, r.day, r.channel, r.received_at,
       coalesce(c.components, []), coalesce(m.metrics, [])
FROM reports r
LEFT JOIN (SELECT report_id, list({'name': name, 'version': version, 'xy': xy, 'xyz': xyz} ORDER BY name, xy, xyz, version) AS components
           FROM report_components GROUP BY report_id) c ON c.report_id = r.id
LEFT JOIN (SELECT report_id, list({'name': name, 'num': num, 'bucket': bucket, 'txt': txt} ORDER BY rowid) AS metrics
           FROM report_metrics GROUP BY report_id) m ON m.report_id = r.id
ORDER BY r.id;

DROP TABLE report_components;
DROP TABLE report_metrics;
DROP TABLE reports;
ALTER TABLE reports_v3 RENAME TO reports;
