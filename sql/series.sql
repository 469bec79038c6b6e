-- The state (oba.agg_state, a float8[] inside) the trend, curve and SPC aggregates share: rows in any
-- order, NULLs, empty groups, text round trips, combining, parallel plans,
-- window frames, large groups, and the date-to-years rule.
\pset null '(null)'
SET datestyle = 'ISO, MDY';
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- dates as years: the first days of months, quarters and years are exact steps
SELECT d, oba.date_to_years(d) AS years, oba.years_to_date(oba.date_to_years(d)) = d AS round_trip
  FROM (VALUES (date '2019-01-01'), ('2019-04-01'), ('2019-07-01'), ('2019-10-01'), ('2020-04-01'),
               ('2020-02-29'), ('2023-12-31')) v(d);
SELECT oba.date_to_years('2019-04-01'), oba.years_to_date(2024.5);
SELECT oba.years_to_date(2024.5) AS mid_2024, oba.years_to_date(2019 + 11.0 / 12) AS december;
SELECT oba.date_to_years(NULL) IS NULL AS null_in_null_out;
SELECT pg_temp.err($$SELECT oba.date_to_years('infinity')$$);
SELECT pg_temp.err($$SELECT oba.years_to_date('NaN')$$);
SELECT pg_temp.err($$SELECT oba.years_to_date(1e9)$$);

-- the state is a float8[] inside (oba.agg_state): {version, kind, width, nparams, nrows, params, rows, spare room}
SELECT oba.series_agg_trans(oba.series_agg_trans('{1,1,2,0,0}', 2, 20), 1, 10) AS state;
SELECT oba.turn_the_curve_agg_trans('{1,2,2,0,0}', 1, 10, 3, 'lower_is_better', 0.1) AS state;
-- it survives a text round trip and combines by concatenation, as a
-- distributed engine would use it
SELECT oba.linear_trend_agg_final(oba.series_agg_combine(
         oba.series_agg_trans(oba.series_agg_trans('{1,1,2,0,0}', 1, 10), 2, 12)::text::oba.agg_state,
         oba.series_agg_trans(oba.series_agg_trans('{1,1,2,0,0}', 4, 16), 3, 14)::text::oba.agg_state))
     = (SELECT oba.linear_trend_agg(t, 8 + 2 * t) FROM generate_series(1, 4) t) AS text_round_trip;
-- combining an empty state, either way round
SELECT oba.series_agg_combine('{1,1,2,0,0}', oba.series_agg_trans('{1,1,2,0,0}', 1, 10)) AS empty_first,
       oba.series_agg_combine(oba.series_agg_trans('{1,1,2,0,0}', 1, 10), '{1,1,2,0,0}') AS empty_second;
-- states of other aggregates, other parameters or a bad layout are refused
SELECT pg_temp.err($$SELECT oba.series_agg_combine(oba.series_agg_trans('{1,1,2,0,0}', 1, 1),
                     oba.its_agg_trans('{1,3,2,0,0}', 1, 1, 5))$$);
SELECT pg_temp.err($$SELECT oba.series_agg_combine(oba.its_agg_trans('{1,3,2,0,0}', 1, 1, 4),
                     oba.its_agg_trans('{1,3,2,0,0}', 2, 1, 5))$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_agg_final('{1,2,2,0,0}')$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_agg_final('{1,1,2,0,5,1,2}')$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_agg_final('{2,1,2,0,0}')$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_agg_final('{1,1,2,0,1,Infinity,2}')$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_agg_final('{1,1,2,0,NULL}')$$);
SELECT pg_temp.err($$SELECT oba.series_agg_trans('{1,1}', 1, 1)$$);
-- called directly, the transition function does not change its argument
WITH s AS (SELECT '{1,1,2,0,0}'::oba.agg_state AS a)
SELECT oba.series_agg_trans(a, 1, 1) AS appended, a AS unchanged FROM s;

-- rows in any order give the same result; a NULL t skips the row; a NULL value is missing
CREATE TABLE series_obs (g int, t float8, v float8);
INSERT INTO series_obs SELECT g, t, 10 + g * t + ((g * 7 + t * 3)::int % 5) * 0.3
  FROM generate_series(1, 40) g, generate_series(1, 25) t;
INSERT INTO series_obs VALUES (1, NULL, 99), (2, 26, NULL);
SELECT bool_and(a = b) AS order_does_not_matter
  FROM (SELECT g, oba.linear_trend_agg(t, v) AS a FROM series_obs GROUP BY g) x
  JOIN (SELECT g, oba.linear_trend_agg(t, v) AS b FROM (SELECT * FROM series_obs ORDER BY v DESC) o GROUP BY g) y
 USING (g);
SELECT (oba.mann_kendall_agg(t, v)).n AS used, count(*) AS rows FROM series_obs WHERE g IN (1, 2) GROUP BY g ORDER BY g;

-- a parallel plan (2 workers) splits every aggregate and gives identical results
ANALYZE series_obs;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS groups, md5(string_agg(format('%s|%s|%s|%s|%s|%s', g, m, l, c, i, p), ',' ORDER BY g)) AS digest
  FROM (SELECT g, oba.mann_kendall_agg(t, v) AS m, oba.linear_trend_agg(t, v) AS l,
               oba.turn_the_curve_agg(t, v, 20) AS c, oba.its_agg(t, v, 20) AS i, oba.spc_agg(t, v) AS p
          FROM series_obs GROUP BY g) s \gset serial_
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
  SELECT g, oba.mann_kendall_agg(t, v), oba.turn_the_curve_agg(t, v, 20), oba.spc_agg(t, v)
    FROM series_obs GROUP BY g;
SELECT count(*) AS groups, md5(string_agg(format('%s|%s|%s|%s|%s|%s', g, m, l, c, i, p), ',' ORDER BY g)) AS digest
  FROM (SELECT g, oba.mann_kendall_agg(t, v) AS m, oba.linear_trend_agg(t, v) AS l,
               oba.turn_the_curve_agg(t, v, 20) AS c, oba.its_agg(t, v, 20) AS i, oba.spc_agg(t, v) AS p
          FROM series_obs GROUP BY g) s \gset parallel_
SELECT :serial_groups AS groups, :'serial_digest' = :'parallel_digest' AS identical;
-- one group split across workers
SELECT oba.linear_trend_agg(t, v) = (SELECT oba.linear_trend_agg(t, v) FROM series_obs WHERE g = 3 GROUP BY g) AS one_group
  FROM series_obs WHERE g = 3;
RESET ALL;

-- a large group grows its state geometrically: the same slope as regr_slope
SELECT abs((oba.linear_trend_agg(t, v)).slope - regr_slope(v, t)) < 1e-12 AS large_group,
       (oba.mann_kendall_agg(t, v)).n AS n
  FROM (SELECT t, 3 + 0.01 * t + sin(t) AS v FROM generate_series(1, 5000) t) s;
-- many groups at once (hash aggregation keeps every state)
SELECT count(*) AS groups, count(*) FILTER (WHERE (l).n = 3) AS complete
  FROM (SELECT g, oba.linear_trend_agg(t, g + t) AS l
          FROM generate_series(1, 20000) g, generate_series(1, 3) t GROUP BY g) s;

-- window frames: a running trend
SELECT t, round((oba.linear_trend_agg(t, v) OVER w).slope::numeric, 6) AS running_slope,
       round(regr_slope(v, t) OVER w::numeric, 6) AS regr_slope,
       (oba.mann_kendall_agg(t, v) OVER w).s AS running_s
  FROM series_obs WHERE g = 5 AND t <= 8
WINDOW w AS (ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ORDER BY t;
DROP TABLE series_obs;
