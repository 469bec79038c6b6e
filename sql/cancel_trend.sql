-- Long series on a shared server: oba.mann_kendall_agg's final function
-- answers a cancel (statement_timeout) within a second, and Mann-Kendall
-- and Sen's slope take O(n log n) time and O(n) memory, not
-- the n(n-1)/2 pairwise slopes (25,000 values took 10 to 30 seconds and
-- 2.5 GB; a million could not be done at all). Checked here against the
-- pairs themselves: a brute-force self-join at 300 values, and a series
-- whose sorted slopes follow from its construction at 25,000.
\pset null '(null)'

-- The aggregate's state, built once by its own transition function, so that
-- the timed part is the final function (what a large GROUP BY runs last).
CREATE AGGREGATE pg_temp.series_state(float8, float8) (
    SFUNC = oba.series_agg_trans,
    STYPE = oba.agg_state,
    INITCOND = '{1,1,2,0,0}'
);
CREATE TEMP TABLE long_series (name text PRIMARY KEY, state oba.agg_state);
-- one million values with ties, in time order
INSERT INTO long_series
SELECT 'million', pg_temp.series_state(i, round((((i * 2654435761) % 1000) / 10.0 + i * 0.002)::numeric, 1)::float8 ORDER BY i)
  FROM generate_series(1, 1000000) i;
SELECT name, (state::float8[])[5] AS rows FROM long_series ORDER BY name;

-- A cancel arrives within a second of the timeout.
SET statement_timeout = '200ms';
DO $$
DECLARE r record;
BEGIN
  SELECT (oba.mann_kendall_agg_final(state)).* INTO r FROM long_series WHERE name = 'million';
  RAISE NOTICE 'mann_kendall_agg_final finished before the timeout: make the series longer';
EXCEPTION WHEN query_canceled THEN
  RAISE NOTICE 'mann_kendall_agg_final cancelled within a second: %',
    clock_timestamp() - statement_timestamp() < interval '1.2 seconds';
END $$;
RESET statement_timeout;

-- 300 values with ties on unequal steps: every output that pairs define,
-- against the pairs themselves, exactly (the same float8 arithmetic).
CREATE TEMP TABLE s300 AS
SELECT i * 1.5 + (i % 3) * 0.25 AS t, ((i * 7919) % 61) / 4.0 AS y
  FROM generate_series(1, 300) i;
CREATE TEMP TABLE s300_pairs AS
SELECT (b.y - a.y) / (b.t - a.t) AS d, sign(b.y - a.y) AS sg
  FROM s300 a JOIN s300 b ON a.t < b.t;
CREATE TEMP TABLE s300_ranked AS
SELECT d, row_number() OVER (ORDER BY d) AS k FROM s300_pairs;
CREATE TEMP TABLE s300_mk AS SELECT (oba.mann_kendall_agg(t, y)).* FROM s300;
SELECT m.n, m.s, m.sen_pairs, m.sen_rank_lower, m.sen_rank_upper,
       m.s = (SELECT sum(sg) FROM s300_pairs) AS s_is_the_sum_of_signs,
       m.sen_pairs = (SELECT count(*) FROM s300_pairs) AS pairs_counted,
       m.sen_slope = ((SELECT d FROM s300_ranked WHERE k = m.sen_pairs / 2) +
                      (SELECT d FROM s300_ranked WHERE k = m.sen_pairs / 2 + 1)) / 2 AS slope_is_the_median,
       m.sen_lower = (SELECT d FROM s300_ranked WHERE k = m.sen_rank_lower) AS lower_at_its_rank,
       m.sen_upper = (SELECT d FROM s300_ranked WHERE k = m.sen_rank_upper) AS upper_at_its_rank,
       abs(m.sen_slope - (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d) FROM s300_pairs))
         <= 1e-12 * abs(m.sen_slope) AS percentile_cont_agrees,
       m.sen_intercept = (SELECT (lo.r + hi.r) / 2
                            FROM (SELECT y - m.sen_slope * t AS r, row_number() OVER (ORDER BY y - m.sen_slope * t) AS k
                                    FROM s300) lo,
                                 (SELECT y - m.sen_slope * t AS r, row_number() OVER (ORDER BY y - m.sen_slope * t) AS k
                                    FROM s300) hi
                           WHERE lo.k = 150 AND hi.k = 151) AS intercept_is_the_median_residual
  FROM s300_mk m;

-- 25,000 values, well inside a 5 second timeout (the O(n^2) code took 10 to
-- 30 seconds). y = 2t + (t mod 2) on t = 1 .. 25000: every pair rises, so S
-- = N; a pair d apart has slope 2 when d is even, and else 2 - 1/d (t odd
-- first: floor((25001 - d)/2) pairs) or 2 + 1/d (t even first: floor((25000
-- - d)/2) pairs). So the sorted slopes are known without listing them.
SET statement_timeout = '5s';
CREATE TEMP TABLE s25k_mk AS
SELECT (oba.mann_kendall_agg(t, 2 * t + t::int % 2)).* FROM generate_series(1, 25000) t;
RESET statement_timeout;
CREATE TEMP TABLE s25k_sorted AS
WITH blocks AS (
    -- slopes below 2, ascending: d = 1, 3, 5 ...
    SELECT (2 * d - 1)::float8 / d AS slope, floor((25001 - d) / 2.0) AS pairs, d AS ord
      FROM generate_series(1, 24999, 2) d
    UNION ALL
    -- slope 2: every pair an even distance apart
    SELECT 2::float8, (SELECT sum(25000 - d) FROM generate_series(2, 24998, 2) d), 25000
    UNION ALL
    -- slopes above 2, ascending: d = 24999, 24997 ... 1
    SELECT (2 * d + 1)::float8 / d, floor((25000 - d) / 2.0), 50000 - d
      FROM generate_series(1, 24999, 2) d
)
SELECT slope, sum(pairs) OVER (ORDER BY ord) - pairs + 1 AS first_rank,
       sum(pairs) OVER (ORDER BY ord) AS last_rank
  FROM blocks;
SELECT m.n, m.s, m.var_s, m.sen_pairs, m.sen_slope, m.sen_intercept, m.sen_rank_lower, m.sen_rank_upper,
       m.s = m.sen_pairs AS s_is_every_pair,
       m.var_s = 25000.0 * 24999 * 50005 / 18 AS var_s_without_ties,
       m.sen_pairs = (SELECT max(last_rank) FROM s25k_sorted) AS pairs_counted,
       m.sen_lower = (SELECT slope FROM s25k_sorted WHERE m.sen_rank_lower BETWEEN first_rank AND last_rank)
         AS lower_at_its_rank,
       m.sen_upper = (SELECT slope FROM s25k_sorted WHERE m.sen_rank_upper BETWEEN first_rank AND last_rank)
         AS upper_at_its_rank
  FROM s25k_mk m;

-- The tests of issue 14 on the same million values: each final function
-- answers a cancel within a second (Hamed and Rao's autocorrelations of
-- every lag by FFT; the broken line's candidates; Pettitt's ranks), and
-- the seasonal test on a million values in 12 seasons.
CREATE AGGREGATE pg_temp.seasonal_state(float8, float8, int4) (
    SFUNC = oba.seasonal_mann_kendall_agg_trans,
    STYPE = oba.agg_state,
    INITCOND = '{1,9,3,0,0}'
);
INSERT INTO long_series
SELECT 'million_seasonal', pg_temp.seasonal_state(i, round((((i * 2654435761) % 1000) / 10.0 + i * 0.002)::numeric, 1)::float8, i % 12 ORDER BY i)
  FROM generate_series(1, 1000000) i;
CREATE FUNCTION pg_temp.cancelled_within_a_second(f text, series text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  EXECUTE format('SELECT (oba.%s(state)).* FROM long_series WHERE name = %L', f, series) INTO r;
  RETURN f || ' finished before the timeout: make the series longer';
EXCEPTION WHEN query_canceled THEN
  RETURN f || ' cancelled within a second: ' ||
         (clock_timestamp() - statement_timestamp() < interval '1.2 seconds')::text;
END $$;
SET statement_timeout = '200ms';
SELECT pg_temp.cancelled_within_a_second('mann_kendall_hamed_rao_agg_final', 'million');
SELECT pg_temp.cancelled_within_a_second('mann_kendall_prewhitened_agg_final', 'million');
SELECT pg_temp.cancelled_within_a_second('pettitt_agg_final', 'million');
SELECT pg_temp.cancelled_within_a_second('segmented_agg_final', 'million');
SELECT pg_temp.cancelled_within_a_second('seasonal_mann_kendall_agg_final', 'million_seasonal');
RESET statement_timeout;
