-- bench/report_card.sql: oba.report_card over 69 wards (and their city) x 30
-- indicators x 40 quarters (84,000 observations), materialised with the
-- unique-index recipe and refreshed concurrently, against the same view
-- without the oba columns (the same joins and plain columns: no value, limits,
-- suppression, comparison, trend, curve or SPC), in the same run. A third of
-- the indicators have a strategy start (28 quarters of baseline, 12 after) and
-- a quarter of them a target. Also measured: the first pass's columns only
-- (value, limits, parent value, suppression: the same view with the
-- comparison, trend, curve and SPC columns left out, which the planner then
-- does not compute). Reported with no indicator suppressed, and with a third
-- of them suppressed (primary and secondary).
\pset footer off
SET max_parallel_workers_per_gather = 0;
TRUNCATE oba.observation;
DELETE FROM oba.indicator;

-- 30 indicators: 12 rates, 12 proportions, 3 counts, 3 means
INSERT INTO oba.indicator (code, name, question, service, polarity, kind, unit)
  SELECT 'I' || lpad(k::text, 2, '0'), 'Indicator ' || k,
         CASE WHEN k <= 15 THEN 'population' ELSE (ARRAY['how_much', 'how_well', 'better_off'])[k % 3 + 1] END,
         CASE WHEN k <= 15 THEN NULL ELSE 'Service ' || k % 4 END,
         (ARRAY['higher_is_better', 'lower_is_better', 'neutral'])[k % 3 + 1],
         CASE WHEN k <= 12 THEN 'rate' WHEN k <= 24 THEN 'proportion' WHEN k <= 27 THEN 'count' ELSE 'mean' END,
         NULL
    FROM generate_series(1, 30) k;
UPDATE oba.indicator SET strategy_start = '2022-04-01' WHERE substr(code, 2)::int % 3 = 1;
UPDATE oba.indicator SET target = CASE kind WHEN 'rate' THEN 800 WHEN 'proportion' THEN 40 WHEN 'count' THEN 100 ELSE 40 END
 WHERE substr(code, 2)::int % 4 = 0;
-- ward rows: counts from a deterministic hash, some small
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator,
                             value, lower, upper, parent_area_code)
  SELECT i.code, 'E0500' || lpad(w::text, 4, '0'), 'ward', make_date(2015, 4, 1) + make_interval(months => 3 * q),
         CASE WHEN i.kind = 'mean' THEN NULL ELSE x END,
         CASE WHEN i.kind IN ('rate', 'proportion') THEN x + 40 + h % 900 END,
         CASE WHEN i.kind = 'mean' THEN 30 + h % 20 END,
         CASE WHEN i.kind = 'mean' THEN 25 + h % 20 END,
         CASE WHEN i.kind = 'mean' THEN 35 + h % 20 END,
         'E08000025'
    FROM oba.indicator i, generate_series(1, 69) w, generate_series(0, 39) q,
         LATERAL (SELECT abs(hashtext(i.code || w || ':' || q)) AS h) hh,
         LATERAL (SELECT CASE WHEN h % 7 = 0 THEN h % 5 ELSE 5 + h % 200 END AS x) xx;
-- the city: the sum of its wards
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator,
                             value, lower, upper)
  SELECT indicator_code, 'E08000025', 'lad', period_start, sum(numerator), sum(denominator),
         avg(value), CASE WHEN count(value) > 0 THEN avg(value) - 1 END, CASE WHEN count(value) > 0 THEN avg(value) + 1 END
    FROM oba.observation GROUP BY indicator_code, period_start;
VACUUM ANALYZE oba.indicator;
VACUUM ANALYZE oba.observation;
SELECT count(*) AS observations, count(DISTINCT indicator_code) AS indicators,
       count(DISTINCT area_code) AS areas, count(DISTINCT period_start) AS quarters FROM oba.observation;

-- the baseline: the same rows, joins and plain columns, without oba
CREATE VIEW bench_report_card_plain AS
SELECT o.indicator_code, i.name AS indicator_name, i.question, i.service, i.polarity, i.kind, i.unit,
       COALESCE(i.multiplier, CASE i.kind WHEN 'rate' THEN 10000 WHEN 'proportion' THEN 100 END) AS multiplier,
       i.confidence, o.area_code, o.area_type, o.parent_area_code, o.period_start, o.numerator, o.denominator,
       CASE i.kind WHEN 'rate' THEN p.numerator / p.denominator * 10000
                   WHEN 'proportion' THEN p.numerator / p.denominator * 100
                   WHEN 'count' THEN p.numerator ELSE p.value END AS parent_value,
       i.strategy_start, i.target
  FROM oba.observation o
  JOIN oba.indicator i ON i.code = o.indicator_code
  LEFT JOIN oba.observation p
         ON p.indicator_code = o.indicator_code AND p.area_code = o.parent_area_code AND p.period_start = o.period_start;

CREATE MATERIALIZED VIEW bench_plain AS SELECT * FROM bench_report_card_plain;
CREATE UNIQUE INDEX ON bench_plain (indicator_code, area_code, period_start);
CREATE MATERIALIZED VIEW bench_first AS
  SELECT indicator_code, indicator_name, question, service, polarity, kind, unit, multiplier, confidence, area_code,
         area_type, parent_area_code, period_start, numerator, denominator, value, lower, upper, parent_value, suppressed
    FROM oba.report_card;
CREATE UNIQUE INDEX ON bench_first (indicator_code, area_code, period_start);
CREATE MATERIALIZED VIEW bench_oba AS SELECT * FROM oba.report_card;
CREATE UNIQUE INDEX ON bench_oba (indicator_code, area_code, period_start);
SELECT count(*) AS rows,
       count(comparison) AS comparison, count(comparison_95_99_8) AS two_level,
       count(*) FILTER (WHERE recent_trend IN ('increasing', 'decreasing')) AS trending,
       count(curve_status) AS curve, count(*) FILTER (WHERE curve_status LIKE 'turned%') AS turned,
       count(spc_variation) AS spc, count(*) FILTER (WHERE spc_variation <> 'common_cause') AS special_cause,
       count(spc_assurance) AS assurance
  FROM bench_oba;

SELECT * FROM bench.compare('refresh concurrently, no suppression',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY bench_plain',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY bench_oba', 5)
UNION ALL
SELECT * FROM bench.compare('  the first pass''s columns only',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY bench_plain',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY bench_first', 5)
UNION ALL
SELECT * FROM bench.compare('refresh (not concurrently), no suppression',
  'REFRESH MATERIALIZED VIEW bench_plain',
  'REFRESH MATERIALIZED VIEW bench_oba', 5)
UNION ALL
SELECT * FROM bench.compare('  the first pass''s columns only',
  'REFRESH MATERIALIZED VIEW bench_plain',
  'REFRESH MATERIALIZED VIEW bench_first', 5);

-- a third of the indicators (8 rates and proportions, 2 counts) suppressed under 5
UPDATE oba.indicator SET suppress_threshold = 5
 WHERE (kind IN ('rate', 'proportion') AND substr(code, 2)::int % 3 = 0) OR code IN ('I25', 'I26');
SELECT count(*) FILTER (WHERE suppress_threshold IS NOT NULL) AS suppressed_indicators FROM oba.indicator;
REFRESH MATERIALIZED VIEW bench_oba;
SELECT count(*) AS rows, count(*) FILTER (WHERE suppressed = 'primary') AS primary_cells,
       count(*) FILTER (WHERE suppressed = 'secondary') AS secondary_cells FROM bench_oba;

SELECT * FROM bench.compare('refresh concurrently, 10 of 30 indicators suppressed',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY bench_plain',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY bench_oba', 5)
UNION ALL
SELECT * FROM bench.compare('  the first pass''s columns only',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY bench_plain',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY bench_first', 5)
UNION ALL
SELECT * FROM bench.compare('refresh (not concurrently), 10 of 30 suppressed',
  'REFRESH MATERIALIZED VIEW bench_plain',
  'REFRESH MATERIALIZED VIEW bench_oba', 5);

-- a refresh after a quarter's new data changes only that quarter's rows (a
-- change to an earlier quarter would change the trend, curve and SPC of the
-- quarters after it too)
UPDATE oba.observation SET numerator = numerator + 1
 WHERE period_start = (SELECT max(period_start) FROM oba.observation) AND numerator IS NOT NULL
   AND indicator_code IN (SELECT code FROM oba.indicator WHERE kind IN ('rate', 'count'));
SELECT * FROM bench.compare('refresh concurrently after one quarter''s update',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY bench_plain',
  'REFRESH MATERIALIZED VIEW CONCURRENTLY bench_oba', 3);

-- One service's card from the plain view (the filter reaches the tables),
-- against the same filter on the baseline view
SELECT * FROM bench.compare('one service from the view, not materialised',
  'SELECT * FROM bench_report_card_plain WHERE service = ''Service 1''',
  'SELECT * FROM oba.report_card WHERE service = ''Service 1''', 5);

DROP MATERIALIZED VIEW bench_plain, bench_first, bench_oba;
DROP VIEW bench_report_card_plain;
TRUNCATE oba.observation;
DELETE FROM oba.indicator;
