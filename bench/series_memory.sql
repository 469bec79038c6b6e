-- bench/series_memory.sql: memory of the series aggregates against work_mem.
-- A series state holds every row, so it grows after hash aggregation has
-- admitted its group; the aggregates declare SSPACE (the state of a 64-row
-- series) so that PostgreSQL admits only as many groups as fit. This runs
-- GROUP BY series over :rows rows (default 40 million: 1 million series of
-- 40 quarters, stored quarter by quarter, the order in which states grow
-- most after admission) at work_mem 4MB and 64MB with hash aggregation
-- forced (enable_sort off), and reports the hash table's peak memory (from
-- EXPLAIN ANALYZE) against the hash table's limit (work_mem x
-- hash_mem_multiplier), with the time and peak against the same GROUP BY
-- with built-in regr_slope (a fixed-size state) in the same run. Then
-- which plan the planner picks at the defaults. :rows scales the table (40
-- rows per series).
\if :{?rows}
\else
\set rows 40000000
\endif
\pset footer off
SET max_parallel_workers_per_gather = 0;

DROP TABLE IF EXISTS bench_series;
CREATE TABLE bench_series AS
  SELECT g AS series, 2015 + q / 4.0 AS t, 1 + (g % 50) AS successes, 100 AS total,
         (g % 13) + q * 0.1 + ((g * 7 + q * 3) % 5) AS value
    FROM generate_series(0, 39) q, generate_series(1, (:rows / 40)::int) g;
VACUUM ANALYZE bench_series;
SELECT count(*) AS rows, count(DISTINCT series) AS series FROM bench_series;

-- One run under EXPLAIN ANALYZE: milliseconds, the top node, and the hash
-- table's peak memory and spill in kB.
CREATE FUNCTION pg_temp.hash_run(q text,
    OUT ms float8, OUT node text, OUT peak_kb float8, OUT disk_kb float8, OUT batches int)
LANGUAGE plpgsql AS $$
DECLARE
  plan json;
  top json;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO plan;
  top := plan -> 0 -> 'Plan';
  node := top ->> 'Node Type';
  IF top ->> 'Strategy' IS NOT NULL THEN
    node := node || ' (' || (top ->> 'Strategy') || ')';
  END IF;
  ms := (plan -> 0 ->> 'Execution Time')::float8;
  peak_kb := (top ->> 'Peak Memory Usage')::float8;
  disk_kb := (top ->> 'Disk Usage')::float8;
  batches := (top ->> 'HashAgg Batches')::int;
END $$;

CREATE TEMP TABLE series_memory (work_mem text, aggregate text, node text,
  ms float8, peak_kb float8, disk_kb float8, batches int, limit_kb float8);

CREATE FUNCTION pg_temp.measure(wm text, label text, agg text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  PERFORM set_config('work_mem', wm, true);
  PERFORM set_config('enable_sort', 'off', true);
  SELECT * INTO r FROM pg_temp.hash_run('SELECT series, ' || agg || ' FROM bench_series GROUP BY series');
  INSERT INTO series_memory VALUES (wm, label, r.node, r.ms, r.peak_kb, r.disk_kb, r.batches,
    pg_size_bytes(wm) / 1024.0 * current_setting('hash_mem_multiplier')::float8);
END $$;

BEGIN;
\o /dev/null
SELECT pg_temp.measure(w, a, e)
  FROM (VALUES ('4MB'), ('64MB')) AS wm(w),
       (VALUES ('regr_slope (baseline)', 'regr_slope(value, t)'),
               ('mann_kendall_agg', 'oba.mann_kendall_agg(t, value)'),
               ('turn_the_curve_agg', 'oba.turn_the_curve_agg(t, value, 2020.0::float8)'),
               ('spc_agg', 'oba.spc_agg(t, value)'),
               ('trend_chisq_agg', 'oba.trend_chisq_agg(t, successes::float8, total::float8)'),
               ('recent_trend_ci_agg', 'oba.recent_trend_ci_agg(t, value, value - 1, value + 1, ''higher_is_better''::text)')) AS agg(a, e);
\o
COMMIT;

\echo hash aggregation forced: peak memory of the hash table against its limit (work_mem x hash_mem_multiplier)
SELECT m.work_mem, m.aggregate, m.node, m.batches,
       round(m.peak_kb::numeric) AS peak_kb, round(m.limit_kb::numeric) AS limit_kb,
       round((m.peak_kb / m.limit_kb)::numeric, 2) AS peak_to_limit,
       round((m.peak_kb / b.peak_kb)::numeric, 2) AS peak_ratio_to_baseline,
       round((m.ms / b.ms)::numeric, 2) AS time_ratio_to_baseline
  FROM series_memory m
  JOIN series_memory b ON b.work_mem = m.work_mem AND b.aggregate = 'regr_slope (baseline)'
 ORDER BY pg_size_bytes(m.work_mem), m.aggregate <> 'regr_slope (baseline)', m.aggregate;

\echo plan chosen at the defaults (enable_sort on), at work_mem 4MB and 1GB
CREATE FUNCTION pg_temp.plan_top(wm text, q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  plan json;
BEGIN
  PERFORM set_config('work_mem', wm, true);
  EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
  RETURN (plan -> 0 -> 'Plan' ->> 'Node Type') ||
         coalesce(' (' || (plan -> 0 -> 'Plan' ->> 'Strategy') || ')', '');
END $$;
BEGIN;
SELECT w AS work_mem, a AS aggregate,
       pg_temp.plan_top(w, 'SELECT series, ' || e || ' FROM bench_series GROUP BY series') AS plan
  FROM (VALUES ('4MB'), ('1GB')) AS wm(w),
       (VALUES ('regr_slope', 'regr_slope(value, t)'),
               ('mann_kendall_agg', 'oba.mann_kendall_agg(t, value)'),
               ('recent_trend_ci_agg', 'oba.recent_trend_ci_agg(t, value, value - 1, value + 1, ''higher_is_better''::text)')) AS agg(a, e)
 ORDER BY pg_size_bytes(w), a;
COMMIT;

DROP TABLE bench_series;
