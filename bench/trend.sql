-- bench/trend.sql: oba.turn_the_curve_agg and oba.mann_kendall_agg over
-- 100,000 series of 20 quarters (2 million rows) grouped by series, against
-- the same GROUP BY computing the built-in regr_slope and regr_intercept, in
-- the same run. Target: ratio <= 3. :rows scales the number of rows (20 per
-- series); the default is 2,000,000.
\if :{?rows}
\else
\set rows 2000000
\endif
\pset footer off
SET max_parallel_workers_per_gather = 0;

DROP TABLE IF EXISTS bench_trend;
-- 20 quarters per series, time in years (2019.00, 2019.25 ...), a start of
-- 2022.0 (12 baseline quarters, 8 after), a gentle trend plus noise.
CREATE TABLE bench_trend AS
  SELECT s AS series, 2019 + q / 4.0 AS t,
         (date '2019-01-01' + make_interval(months => 3 * q))::date AS d,
         50 + (s % 7) - 0.3 * q + (((s * 31 + q * 17) % 11) - 5) / 10.0
           + CASE WHEN q >= 12 THEN (s % 3) * 0.2 * (q - 11) ELSE 0 END AS value
    FROM generate_series(1, (:rows / 20)::int) s, generate_series(0, 19) q;
VACUUM ANALYZE bench_trend;
SELECT count(*) AS rows, count(DISTINCT series) AS series FROM bench_trend;

SELECT * FROM bench.compare('turn_the_curve_agg vs regr_slope, regr_intercept',
  'SELECT series, regr_slope(value, t), regr_intercept(value, t) FROM bench_trend GROUP BY series',
  'SELECT series, (c).status, (c).baseline_slope, (c).effect_p
     FROM (SELECT series, oba.turn_the_curve_agg(t, value, 2022.0) AS c
             FROM bench_trend GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('mann_kendall_agg vs regr_slope, regr_intercept',
  'SELECT series, regr_slope(value, t), regr_intercept(value, t) FROM bench_trend GROUP BY series',
  'SELECT series, (m).s, (m).p, (m).sen_slope
     FROM (SELECT series, oba.mann_kendall_agg(t, value) AS m
             FROM bench_trend GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('linear_trend_agg vs regr_slope, regr_intercept',
  'SELECT series, regr_slope(value, t), regr_intercept(value, t) FROM bench_trend GROUP BY series',
  'SELECT series, (l).slope, (l).intercept
     FROM (SELECT series, oba.linear_trend_agg(t, value) AS l
             FROM bench_trend GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('turn_the_curve_agg (date) vs regr_slope, regr_intercept',
  'SELECT series, regr_slope(value, t), regr_intercept(value, t) FROM bench_trend GROUP BY series',
  'SELECT series, (c).status, (c).baseline_slope, (c).effect_p
     FROM (SELECT series, oba.turn_the_curve_agg(d, value, date ''2022-01-01'') AS c
             FROM bench_trend GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('spc_agg vs regr_slope, regr_intercept',
  'SELECT series, regr_slope(value, t), regr_intercept(value, t) FROM bench_trend GROUP BY series',
  'SELECT series, (p).point_type, (p).variation
     FROM (SELECT series, oba.spc_agg(t, value) AS p FROM bench_trend GROUP BY series) s');

-- The same with a parallel plan (2 workers): partial states are combined.
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SELECT * FROM bench.compare('turn_the_curve_agg vs regr_slope, regr_intercept, 2 workers',
  'SELECT series, regr_slope(value, t), regr_intercept(value, t) FROM bench_trend GROUP BY series',
  'SELECT series, (c).status, (c).baseline_slope, (c).effect_p
     FROM (SELECT series, oba.turn_the_curve_agg(t, value, 2022.0) AS c
             FROM bench_trend GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('mann_kendall_agg vs regr_slope, regr_intercept, 2 workers',
  'SELECT series, regr_slope(value, t), regr_intercept(value, t) FROM bench_trend GROUP BY series',
  'SELECT series, (m).s, (m).p, (m).sen_slope
     FROM (SELECT series, oba.mann_kendall_agg(t, value) AS m
             FROM bench_trend GROUP BY series) s');

-- identical results: a digest of every series' outcome, serial and parallel
\set digest 'SELECT count(*) AS groups, md5(string_agg(format(''%s %s %s'', series, c, m), '','' ORDER BY series)) AS d FROM (SELECT series, oba.turn_the_curve_agg(t, value, 2022.0) AS c, oba.mann_kendall_agg(t, value) AS m FROM bench_trend GROUP BY series) s'
EXPLAIN (COSTS OFF)
  SELECT series, oba.turn_the_curve_agg(t, value, 2022.0) FROM bench_trend GROUP BY series;
:digest \gset par_
SET max_parallel_workers_per_gather = 0;
:digest \gset ser_
SELECT :ser_groups AS groups, :'ser_d' = :'par_d' AS parallel_identical_to_serial;
SELECT status, count(*) FROM (SELECT (oba.turn_the_curve_agg(t, value, 2022.0)).status
                                FROM bench_trend GROUP BY series) s GROUP BY 1 ORDER BY 1;
DROP TABLE bench_trend;
