-- oba.trend_chisq_score_agg: the chi-squared test for trend in proportions
-- with a score on every row (ties allowed), as R prop.trend.test(x, n, score).
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.num(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN t IN ('NA', 'NaN', '') THEN NULL ELSE t::float8 END $$;
CREATE FUNCTION pg_temp.close(got float8, want float8, abs_floor float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN want IS NULL THEN got IS NULL
                 ELSE abs(got - want) <= greatest(1e-9 * abs(want), abs_floor) END $$;

-- R 4.2.2 prop.trend.test(x, n, score) on 16 cases
-- (trend_chisq_score_reference.csv, derive_trend_chisq_score_reference.R):
-- x2 at 1e-9 relative (floor 1e-12), p at 1e-9 (floor 1e-15), k exactly;
-- the rows in the file's order and in reverse.
CREATE TEMP TABLE ref (
  case_id text, "row" int, score float8, x float8, n float8, k int, x2 text, p_value text,
  description text);
\copy ref FROM 'test/reference/trend_chisq_score_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE got AS
  SELECT case_id, min(k) AS k, pg_temp.num(min(x2)) AS want_x2, pg_temp.num(min(p_value)) AS want_p,
         oba.trend_chisq_score_agg(score, x, n ORDER BY "row") AS fwd,
         oba.trend_chisq_score_agg(score, x, n ORDER BY "row" DESC) AS rev
    FROM ref GROUP BY case_id;
SELECT count(*) AS cases, sum(k) AS rows, count(want_x2) AS defined,
       count(*) FILTER (WHERE (fwd).k = k AND pg_temp.close((fwd).x2, want_x2, 1e-12)
                          AND pg_temp.close((fwd).p_value, want_p, 1e-15)) AS agree,
       count(*) FILTER (WHERE (rev).k = k AND pg_temp.close((rev).x2, want_x2, 1e-12)
                          AND pg_temp.close((rev).p_value, want_p, 1e-15)) AS agree_reversed
  FROM got;
-- any disagreement, listed
SELECT case_id, fwd, rev, want_x2, want_p FROM got
 WHERE NOT ((fwd).k = k AND pg_temp.close((fwd).x2, want_x2, 1e-12) AND pg_temp.close((fwd).p_value, want_p, 1e-15)
            AND pg_temp.close((rev).x2, want_x2, 1e-12) AND pg_temp.close((rev).p_value, want_p, 1e-15));
-- the undefined cases: every score the same, one row, every proportion 0 or 1
SELECT case_id, fwd FROM got WHERE want_x2 IS NULL ORDER BY case_id;

-- with scores 1..k (or the times) it is oba.trend_chisq_agg's statistic
SELECT round((oba.trend_chisq_score_agg(t, x, n)).x2::numeric, 10) AS scored,
       round((oba.trend_chisq_agg(t, x, n)).x2::numeric, 10) AS series,
       round((oba.trend_chisq_score_agg(year, x, n)).x2::numeric, 10) AS scored_years,
       round((oba.trend_chisq_agg(year, x, n, 'time')).x2::numeric, 10) AS series_years
  FROM (VALUES (1, 2015, 120, 1000), (2, 2016, 131, 1010), (3, 2018, 150, 1020), (4, 2021, 171, 1015))
       AS s(t, year, x, n);
-- tied scores are what the series form refuses
SELECT pg_temp.err($$SELECT oba.trend_chisq_agg(q, x, n, 'time') FROM (VALUES (1, 5, 50), (1, 7, 60), (2, 9, 55)) s(q, x, n)$$);
SELECT (oba.trend_chisq_score_agg(q, x, n)).* FROM (VALUES (1, 5, 50), (1, 7, 60), (2, 9, 55)) s(q, x, n);
-- and tied rows count as their sums: (1, 12, 110), (2, 9, 55)
SELECT pg_temp.close((oba.trend_chisq_score_agg(q, x, n)).x2,
                     (SELECT (oba.trend_chisq_score_agg(q, x, n)).x2
                        FROM (VALUES (1, 12, 110), (2, 9, 55)) u(q, x, n)), 0) AS same_as_summed
  FROM (VALUES (1, 5, 50), (1, 7, 60), (2, 9, 55)) s(q, x, n);

-- a parallel plan splits the aggregate and agrees with the serial one
CREATE TABLE par_score AS
  SELECT i % 5 AS g, (i % 11) / 2.0 AS score, (i * 7919) % 23 AS x, 25 + (i % 17) AS n
    FROM generate_series(1, 100000) i;
ANALYZE par_score;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT g, oba.trend_chisq_score_agg(score, x, n) AS c FROM par_score GROUP BY g;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT g, oba.trend_chisq_score_agg(score, x, n) FROM par_score GROUP BY g;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE (p.c).k = (s.c).k AND pg_temp.close((p.c).x2, (s.c).x2, 0)) AS parallel_agrees
  FROM (SELECT g, oba.trend_chisq_score_agg(score, x, n) AS c FROM par_score GROUP BY g) p JOIN serial s USING (g);
RESET ALL;
DROP TABLE par_score;

-- NULLs skip the row; no rows, FILTER (WHERE false) and all-NULL rows give NULL
SELECT (oba.trend_chisq_score_agg(q, x, n)).*
  FROM (VALUES (1, 5, 50), (NULL, 7, 60), (2, NULL, 55), (3, 9, NULL), (3, 12, 52)) s(q, x, n);
SELECT oba.trend_chisq_score_agg(q, x, n) IS NULL AS no_rows FROM (VALUES (1, 5, 50)) s(q, x, n) WHERE false;
SELECT oba.trend_chisq_score_agg(q, x, n) FILTER (WHERE false) IS NULL AS filtered FROM (VALUES (1, 5, 50)) s(q, x, n);
SELECT oba.trend_chisq_score_agg(q, x, n) IS NULL AS all_null FROM (VALUES (NULL::float8, 5, 50)) s(q, x, n);
-- a direct call does not change its state argument
SELECT oba.trend_chisq_score_agg_trans(s, 2, 5, 10) AS added, s AS unchanged
  FROM (SELECT '{1,10,2,1,0,0.2,0,0}'::oba.agg_state AS s) t;

-- bad input
SELECT pg_temp.err($$SELECT oba.trend_chisq_score_agg(q, x, n) FROM (VALUES ('NaN'::float8, 5, 50)) s(q, x, n)$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_score_agg(q, x, n) FROM (VALUES ('-Infinity'::float8, 5, 50)) s(q, x, n)$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_score_agg(q, x, n) FROM (VALUES (1, -5, 50)) s(q, x, n)$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_score_agg(q, x, n) FROM (VALUES (1, 5, 0)) s(q, x, n)$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_score_agg(q, x, n) FROM (VALUES (1, 51, 50)) s(q, x, n)$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_score_agg(q, x, n) FROM (VALUES (1e200::float8, 5, 50), (-1e200, 5, 50)) s(q, x, n)$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_score_agg_final('{1,2,3}')$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_score_agg_final('{2,10,12,1,0,0.2,0,0}')$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_score_agg_final('{0,0,1,0,0,0,0,0}')$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_score_agg_combine('{1,10,2,1,0,0.2,-1,0}', '{0,0,0,0,0,0,0,0}')$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_score_agg_final('{3000000000,3e9,1,1,0,0.2,1,0}')$$);
