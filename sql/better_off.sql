-- oba.better_off_agg: "Is anyone better off?" from before and after scores.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- ASQ-3 communication scores of a speech and language service's clients at
-- referral and at review (higher is better); two were not reviewed
CREATE TABLE asq (client int, service text, quarter date, before int, after int);
INSERT INTO asq VALUES
  (1, 'Talk Together', '2024-04-01', 25, 40), (2, 'Talk Together', '2024-04-01', 30, 30),
  (3, 'Talk Together', '2024-04-01', 45, 40), (4, 'Talk Together', '2024-04-01', 20, 35),
  (5, 'Talk Together', '2024-04-01', 35, 50), (6, 'Talk Together', '2024-04-01', 40, NULL),
  (7, 'Talk Together', '2024-07-01', 15, 30), (8, 'Talk Together', '2024-07-01', 50, 55),
  (9, 'Talk Together', '2024-07-01', 30, 25), (10, 'Talk Together', '2024-07-01', NULL, 45);

-- worked example
SELECT quarter, measured, better, same, worse, round(pct_better::numeric, 2) AS pct_better,
       round(lower::numeric, 2) AS lower, round(upper::numeric, 2) AS upper, not_measured
  FROM (SELECT quarter, (oba.better_off_agg(before, after)).* FROM asq GROUP BY quarter) g
 ORDER BY quarter;
-- the percentage and its interval are oba.proportion(better, measured)
SELECT bool_and(pct_better = (p).value AND lower = (p).lower AND upper = (p).upper) AS equals_proportion
  FROM (SELECT (b).*, oba.proportion((b).better, (b).measured) AS p
          FROM (SELECT oba.better_off_agg(before, after) AS b FROM asq GROUP BY quarter) g) s;

-- lower is better (a parent-stress score); a change must be at least
-- min_change to count; smaller changes are the same
SELECT measured, better, same, worse, not_measured
  FROM (SELECT (oba.better_off_agg(before, after, 'lower_is_better')).* FROM asq) g;
SELECT measured, better, same, worse, not_measured
  FROM (SELECT (oba.better_off_agg(before, after, 'higher_is_better', 10)).* FROM asq) g;
SELECT measured, better, same, worse, not_measured
  FROM (SELECT (oba.better_off_agg(before, after, 'higher_is_better', 15)).* FROM asq) g;
SELECT measured, better, same, worse, not_measured, round(lower::numeric, 2) AS lower_998
  FROM (SELECT (oba.better_off_agg(before, after, 'higher_is_better', 0, 0.998)).* FROM asq) g;
-- fractional scores: min_change is inclusive
SELECT better, same, worse
  FROM (SELECT (oba.better_off_agg(b, a, 'higher_is_better', 0.5)).*
          FROM (VALUES (1.0, 1.5), (1.0, 1.4), (1.0, 0.5), (2.25, 2.25)) v(b, a)) g;

-- not measured: rows with a NULL score are counted apart, never in the percentage
SELECT measured, not_measured, pct_better, lower, upper
  FROM (SELECT (oba.better_off_agg(b, a)).* FROM (VALUES (NULL::float8, 1::float8), (2, NULL)) v(b, a)) g;
-- no rows at all, and FILTER (WHERE false): NULL
SELECT oba.better_off_agg(before, after) IS NULL AS no_rows FROM asq WHERE false;
SELECT oba.better_off_agg(before, after) FILTER (WHERE false) IS NULL AS filtered FROM asq;

-- a window frame over the last three clients (exact inverse transition)
SELECT quarter, client, (b).measured, (b).better, (b).not_measured
  FROM (SELECT quarter, client, oba.better_off_agg(before, after) OVER (ORDER BY client ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS b
          FROM asq) w
 ORDER BY client;
SELECT bool_and(w = g) AS window_equals_group
  FROM (SELECT client, oba.better_off_agg(before, after) OVER (ORDER BY client ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS w
          FROM asq) a
  JOIN LATERAL (SELECT oba.better_off_agg(before, after) AS g FROM asq b
                 WHERE b.client BETWEEN a.client - 3 AND a.client) g ON true;

-- parallel plan: identical counts
CREATE TABLE many AS
  SELECT i, (i * 7919) % 61 AS before, CASE WHEN i % 13 = 0 THEN NULL ELSE (i * 104729) % 61 END AS after
    FROM generate_series(1, 100000::bigint) i;
ANALYZE many;
SELECT (oba.better_off_agg(before, after)).* FROM many \gset serial_
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT oba.better_off_agg(before, after, 'lower_is_better', 3) FROM many;
SELECT measured = :serial_measured AND better = :serial_better AND worse = :serial_worse
       AND not_measured = :serial_not_measured AND pct_better = :serial_pct_better AS parallel_identical,
       measured + not_measured AS rows
  FROM (SELECT (oba.better_off_agg(before, after)).* FROM many) g;
RESET ALL;
-- the state survives a text round trip (what a distributed engine ships)
SELECT oba.better_off_agg_final(oba.better_off_agg_combine(
         oba.better_off_agg_trans('{0,0,0,0,1,0,0.95}', 1, 2)::text::oba.agg_state,
         oba.better_off_agg_trans('{0,0,0,0,1,0,0.95}', NULL, 2)::text::oba.agg_state)) AS round_trip;

-- PHEindicatormethods phe_proportion: every reference row with whole x <= n
-- <= 20000, rebuilt as n clients of whom x are better, agrees at 1e-9
CREATE TEMP TABLE ref (
  case_id text, method text, confidence text, multiplier text, x text, n text,
  value text, lower text, upper text, ci_method text, statistic text, source text,
  group_id text, expected text, ref_rate text, note text);
\copy ref FROM 'test/reference/phe_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE FUNCTION pg_temp.close(got float8, want float8) RETURNS boolean LANGUAGE sql IMMUTABLE AS
  $$ SELECT abs(got - want) <= greatest(1e-9 * abs(want), 1e-13) $$;
SELECT count(*) AS reference_rows,
       count(*) FILTER (WHERE pg_temp.close((b).pct_better, r.value::float8 * 100 / r.multiplier::float8)
                          AND pg_temp.close((b).lower, r.lower::float8 * 100 / r.multiplier::float8)
                          AND pg_temp.close((b).upper, r.upper::float8 * 100 / r.multiplier::float8)) AS agree
  FROM ref r
  CROSS JOIN LATERAL (
    SELECT oba.better_off_agg(0, CASE WHEN i <= r.x::float8 THEN 1 ELSE 0 END,
                              'higher_is_better', 0, r.confidence::float8) AS b
      FROM generate_series(1, r.n::int) i) g
 WHERE r.method = 'proportion' AND r.x <> 'NA' AND r.n <> 'NA'
   AND r.x::float8 = floor(r.x::float8) AND r.n::float8 <= 20000;

-- bad input: SQLSTATE and a message naming the argument
SELECT pg_temp.err($$SELECT oba.better_off_agg(1, 2, 'up')$$);
SELECT pg_temp.err($$SELECT oba.better_off_agg(1, 2, 'neutral')$$);
SELECT pg_temp.err($$SELECT oba.better_off_agg(1, 2, NULL)$$);
SELECT pg_temp.err($$SELECT oba.better_off_agg(1, 2, 'higher_is_better', -1)$$);
SELECT pg_temp.err($$SELECT oba.better_off_agg(1, 2, 'higher_is_better', 'NaN')$$);
SELECT pg_temp.err($$SELECT oba.better_off_agg(1, 2, 'higher_is_better', 0, 1.5)$$);
SELECT pg_temp.err($$SELECT oba.better_off_agg('NaN', 2)$$);
SELECT pg_temp.err($$SELECT oba.better_off_agg(1, '-Infinity')$$);
SELECT pg_temp.err($$SELECT oba.better_off_agg(b, a, d) FROM (VALUES (1, 2, 'higher_is_better'), (1, 2, 'lower_is_better')) v(b, a, d)$$);
SELECT pg_temp.err($$SELECT oba.better_off_agg_final('{0,0,0,0,2,0,0.95}')$$);
