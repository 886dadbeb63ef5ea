-- One row per report: a report's components and metrics move from the child tables into parallel
-- arrays of its own row (element i of each *_names array goes with element i of its sibling arrays),
-- so a batch is one insert into one table and the day's summary unnests the day's latest reports
-- once instead of joining millions of child rows back to them. Components are kept sorted by
-- (name, xy, xyz, version): equal names, X.Y and X.Y.Z values of one report are then neighbours,
-- which lets the summary count each system once per value without a sort. Ids are kept.
CREATE TABLE reports_v3 (
    id                 BIGINT             NOT NULL,
    product            TEXT               NOT NULL,
    system_id          UUID               NOT NULL,
    day                DATE               NOT NULL,
    channel            TEXT               NOT NULL,
    received_at        TIMESTAMP          NOT NULL,
    component_names    TEXT[]             NOT NULL,
    component_versions TEXT[]             NOT NULL,
    component_xys      TEXT[]             NOT NULL,
    component_xyzs     TEXT[]             NOT NULL,
    metric_names       TEXT[]             NOT NULL,
    metric_nums        DOUBLE PRECISION[] NOT NULL,
    metric_buckets     SMALLINT[]         NOT NULL,
    metric_txts        TEXT[]             NOT NULL
);

INSERT INTO reports_v3
SELECT r.id, r.product, r.system_id, r.day, r.channel, r.received_at,
       coalesce(c.names, '{}'), coalesce(c.versions, '{}'), coalesce(c.xys, '{}'), coalesce(c.xyzs, '{}'),
       coalesce(m.names, '{}'), coalesce(m.nums, '{}'), coalesce(m.buckets, '{}'), coalesce(m.txts, '{}')
FROM reports r
LEFT JOIN (SELECT report_id,
                  array_agg(name ORDER BY name, xy, xyz, version) AS names,
                  array_agg(version ORDER BY name, xy, xyz, version) AS versions,
                  array_agg(xy ORDER BY name, xy, xyz, version) AS xys,
                  array_agg(xyz ORDER BY name, xy, xyz, version) AS xyzs
           FROM report_components GROUP BY report_id) c ON c.report_id = r.id
LEFT JOIN (SELECT report_id,
                  array_agg(name ORDER BY name) AS names,
                  array_agg(num ORDER BY name) AS nums,
                  array_agg(bucket ORDER BY name) AS buckets,
                  array_agg(txt ORDER BY name) AS txts
           FROM report_metrics GROUP BY report_id) m ON m.report_id = r.id
ORDER BY r.id;

DROP TABLE report_components;
DROP TABLE report_metrics;
DROP TABLE reports;
ALTER TABLE reports_v3 RENAME TO reports;
ALTER TABLE reports ADD PRIMARY KEY (id);
-- The day's latest report per system is an index-only scan of (product, day); so are the 7- and
-- 28-day distinct counts per channel, which would otherwise read the whole (now wider) rows.
CREATE INDEX reports_product_day_system ON reports (product, day, system_id, id) INCLUDE (channel);
CREATE INDEX reports_product_system ON reports (product, system_id);
