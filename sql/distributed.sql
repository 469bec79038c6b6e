-- What a distributed engine (Citus) does with an aggregate: compute partial
-- states on several nodes, ship them as text (the state type's output and
-- input functions), combine them, and finish. For every aggregate of the
-- extension, random inputs are split into parts; each part's state goes
-- through text; the states are combined with the aggregate's own combine
-- function and finished with its final function; the answer must equal the
-- unsplit aggregate's. Everything is read from the catalogue, so a new
-- aggregate only needs an input query below (and is reported until it has one).
--
-- Each aggregate is checked on three random data sets. The rows fall on four
-- nodes at random, a fifth node holds only rows whose values are NULL (or,
-- for the inputs that filter those out, nothing), and a sixth holds no rows
-- at all, so its state is the initial one. The states are combined in three
-- orders (node by node with the empty state first, in reverse with it last,
-- and as a balanced tree with it in the middle), as an engine may combine
-- them in any order.
\pset null '(null)'

-- One input query per aggregate signature: columns a1..an (the arguments)
-- and part (1..5, the "node" each row lives on).
CREATE TEMP TABLE agg_inputs (agg regprocedure PRIMARY KEY, input text NOT NULL);
CREATE TEMP TABLE rnd (i int, part int, small int, big int, flag bool, frac float8);
CREATE FUNCTION pg_temp.fill_rnd(seed float8) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM setseed(seed);
  TRUNCATE rnd;
  INSERT INTO rnd
    SELECT i, (random() * 4)::int % 4 + 1 AS part,
           floor(random() * 20)::int AS small, 50 + floor(random() * 500)::int AS big,
           random() < 0.4 AS flag, random() * 10 AS frac
      FROM generate_series(1, 400) i;
  -- a sprinkling of NULLs, which every aggregate must skip the same way split or not
  UPDATE rnd SET small = NULL WHERE i % 37 = 0;
  UPDATE rnd SET flag = NULL WHERE i % 41 = 0;
  -- node 5: only rows whose values are NULL
  UPDATE rnd SET part = 5, small = NULL, flag = NULL WHERE i % 50 = 7;
END $$;

INSERT INTO agg_inputs VALUES
  ('oba.rate_agg(float8, float8)', 'SELECT small::float8 AS a1, big::float8 AS a2, part FROM rnd'),
  ('oba.rate_agg(float8, float8, float8)', 'SELECT small::float8 AS a1, big::float8 AS a2, 100000::float8 AS a3, part FROM rnd'),
  ('oba.rate_agg(float8, float8, float8, float8)', 'SELECT small::float8 AS a1, big::float8 AS a2, 1000::float8 AS a3, 0.998::float8 AS a4, part FROM rnd'),
  ('oba.rate_agg(int4, int4)', 'SELECT small AS a1, big AS a2, part FROM rnd'),
  ('oba.rate_agg(int8, int8)', 'SELECT small::int8 AS a1, big::int8 AS a2, part FROM rnd'),
  ('oba.proportion_agg(float8, float8)', 'SELECT small::float8 AS a1, big::float8 AS a2, part FROM rnd'),
  ('oba.proportion_agg(float8, float8, float8)', 'SELECT small::float8 AS a1, big::float8 AS a2, 1::float8 AS a3, part FROM rnd'),
  ('oba.proportion_agg(float8, float8, float8, float8)', 'SELECT small::float8 AS a1, big::float8 AS a2, 100::float8 AS a3, 0.9::float8 AS a4, part FROM rnd'),
  ('oba.proportion_agg(int4, int4)', 'SELECT small AS a1, big AS a2, part FROM rnd'),
  ('oba.proportion_agg(int8, int8)', 'SELECT small::int8 AS a1, big::int8 AS a2, part FROM rnd'),
  ('oba.proportion_agg(boolean)', 'SELECT flag AS a1, part FROM rnd'),
  ('oba.proportion_agg(boolean, float8)', 'SELECT flag AS a1, 1000::float8 AS a2, part FROM rnd'),
  ('oba.proportion_agg(boolean, float8, float8)', 'SELECT flag AS a1, 100::float8 AS a2, 0.998::float8 AS a3, part FROM rnd'),
  -- weights in quarters keep every partial sum exact, whatever the split
  ('oba.apportion_agg(float8, float8)', 'SELECT small::float8 AS a1, (big % 5) / 4.0 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.apportion_mean_agg(float8, float8)', 'SELECT small::float8 AS a1, (big % 5) / 4.0 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  -- populations that are powers of two keep the weighted sums exact
  ('oba.dsr_agg(float8, float8, float8)', 'SELECT small::float8 AS a1, 2 ^ (6 + big % 4) AS a2, (big % 7 + 1)::float8 * 500 AS a3, part FROM rnd'),
  ('oba.dsr_agg(int4, int4, int4)', 'SELECT small AS a1, (2 ^ (6 + big % 4))::int AS a2, (big % 7 + 1) * 500 AS a3, part FROM rnd'),
  ('oba.dsr_agg(int8, int8, int8)', 'SELECT small::int8 AS a1, (2 ^ (6 + big % 4))::int8 AS a2, (big % 7 + 1)::int8 * 500 AS a3, part FROM rnd'),
  ('oba.dsr_agg(float8, float8, float8, float8)', 'SELECT small::float8 AS a1, 2 ^ (6 + big % 4) AS a2, (big % 7 + 1)::float8 * 500 AS a3, 10000::float8 AS a4, part FROM rnd'),
  ('oba.dsr_agg(float8, float8, float8, float8, float8)', 'SELECT small::float8 AS a1, 2 ^ (6 + big % 4) AS a2, (big % 7 + 1)::float8 * 500 AS a3, 100000::float8 AS a4, 0.998::float8 AS a5, part FROM rnd'),
  ('oba.dsr_nonindependent_agg(float8, float8, float8, float8)', 'SELECT small::float8 AS a1, (small * 2)::float8 AS a2, 2 ^ (6 + big % 4) AS a3, (big % 7 + 1)::float8 * 500 AS a4, part FROM rnd'),
  ('oba.dsr_nonindependent_agg(float8, float8, float8, float8, float8)', 'SELECT small::float8 AS a1, (small * 2)::float8 AS a2, 2 ^ (6 + big % 4) AS a3, (big % 7 + 1)::float8 * 500 AS a4, 10000::float8 AS a5, part FROM rnd'),
  ('oba.dsr_nonindependent_agg(float8, float8, float8, float8, float8, float8)', 'SELECT small::float8 AS a1, (small * 2)::float8 AS a2, 2 ^ (6 + big % 4) AS a3, (big % 7 + 1)::float8 * 500 AS a4, 10000::float8 AS a5, 0.9::float8 AS a6, part FROM rnd'),
  ('oba.isr_agg(float8, float8, float8, float8)', 'SELECT small::float8 AS a1, big::float8 AS a2, (big % 9)::float8 AS a3, 2 ^ (10 + big % 3) AS a4, part FROM rnd'),
  ('oba.isr_agg(float8, float8, float8, float8, float8)', 'SELECT small::float8 AS a1, big::float8 AS a2, (big % 9)::float8 AS a3, 2 ^ (10 + big % 3) AS a4, 1000::float8 AS a5, part FROM rnd'),
  ('oba.isr_agg(float8, float8, float8, float8, float8, float8)', 'SELECT small::float8 AS a1, big::float8 AS a2, (big % 9)::float8 AS a3, 2 ^ (10 + big % 3) AS a4, 100000::float8 AS a5, 0.998::float8 AS a6, part FROM rnd'),
  ('oba.mean_agg(float8)', 'SELECT (small + big / 7.0)::float8 AS a1, part FROM rnd'),
  ('oba.mean_agg(float8, float8)', 'SELECT (small * 1e6 + big)::float8 AS a1, 0.998::float8 AS a2, part FROM rnd'),
  ('oba.need_score_agg(float8)', 'SELECT (small - 10) / 4.0 AS a1, part FROM rnd'),
  ('oba.need_score_agg(float8, float8)', 'SELECT (small - 10) / 4.0 AS a1, (big % 3 + 1)::float8 AS a2, part FROM rnd'),
  ('oba.better_off_agg(float8, float8)', 'SELECT small::float8 AS a1, (big % 20)::float8 AS a2, part FROM rnd'),
  ('oba.better_off_agg(float8, float8, text)', 'SELECT small::float8 AS a1, (big % 20)::float8 AS a2, ''lower_is_better''::text AS a3, part FROM rnd'),
  ('oba.better_off_agg(float8, float8, text, float8)', 'SELECT small::float8 AS a1, (big % 20)::float8 AS a2, ''higher_is_better''::text AS a3, 2::float8 AS a4, part FROM rnd'),
  ('oba.better_off_agg(float8, float8, text, float8, float8)', 'SELECT small::float8 AS a1, (big % 20)::float8 AS a2, ''higher_is_better''::text AS a3, 2::float8 AS a4, 0.998::float8 AS a5, part FROM rnd'),
  -- SII: one row per quantile (i); few quantiles where the default 100,000 repetitions run
  ('oba.sii_agg(int4, float8, float8, float8, float8)', 'SELECT i AS a1, big::float8 AS a2, (60 + big % 20)::float8 AS a3, (59 - small % 3 + big % 20)::float8 AS a4, (61 + small % 4 + big % 20)::float8 AS a5, part FROM rnd WHERE i <= 12 AND small IS NOT NULL'),
  ('oba.sii_agg(int4, float8, float8, float8, float8, text)', 'SELECT i AS a1, big::float8 AS a2, (big % 40 + 10)::float8 AS a3, (big % 40 + 10) * 0.8 AS a4, (big % 40 + 10) * 1.25 AS a5, ''rate''::text AS a6, part FROM rnd WHERE i <= 12 AND small IS NOT NULL'),
  ('oba.sii_agg(int4, float8, float8, float8, float8, text, boolean)', 'SELECT i AS a1, big::float8 AS a2, (big % 40 + 10)::float8 AS a3, (big % 40 + 10) * 0.8 AS a4, (big % 40 + 10) * 1.25 AS a5, ''rate''::text AS a6, true AS a7, part FROM rnd WHERE i <= 12 AND small IS NOT NULL'),
  ('oba.sii_agg(int4, float8, float8, float8, float8, text, boolean, float8)', 'SELECT i AS a1, big::float8 AS a2, (big % 80 + 10) / 100.0 AS a3, (big % 80 + 10) / 110.0 AS a4, (big % 80 + 15) / 100.0 AS a5, ''proportion''::text AS a6, true AS a7, -100::float8 AS a8, part FROM rnd WHERE i <= 12 AND small IS NOT NULL'),
  ('oba.sii_agg(int4, float8, float8, float8, float8, text, boolean, float8, float8, int4, int4)', 'SELECT i AS a1, big::float8 AS a2, (big % 80 + 10) / 100.0 AS a3, (big % 80 + 10) / 110.0 AS a4, (big % 80 + 15) / 100.0 AS a5, ''proportion''::text AS a6, false AS a7, 100::float8 AS a8, 0.998::float8 AS a9, 2000 AS a10, 7 AS a11, part FROM rnd WHERE i <= 90 AND small IS NOT NULL'),
  ('oba.sii_se_agg(int4, float8, float8, float8)', 'SELECT i AS a1, big::float8 AS a2, (60 + big % 20)::float8 AS a3, 0.5 + small / 10.0 AS a4, part FROM rnd WHERE i <= 12 AND small IS NOT NULL'),
  ('oba.sii_se_agg(int4, float8, float8, float8, text)', 'SELECT i AS a1, big::float8 AS a2, (big % 40 + 10)::float8 AS a3, 0.05 + small / 100.0 AS a4, ''rate''::text AS a5, part FROM rnd WHERE i <= 12 AND small IS NOT NULL'),
  ('oba.sii_se_agg(int4, float8, float8, float8, text, float8)', 'SELECT i AS a1, big::float8 AS a2, (big % 80 + 10) / 100.0 AS a3, 0.05 + small / 100.0 AS a4, ''proportion''::text AS a5, 100::float8 AS a6, part FROM rnd WHERE i <= 12 AND small IS NOT NULL'),
  ('oba.sii_se_agg(int4, float8, float8, float8, text, float8, float8, int4, int4)', 'SELECT i AS a1, big::float8 AS a2, (60 + big % 20)::float8 AS a3, 0.5 + small / 10.0 AS a4, ''normal''::text AS a5, -1::float8 AS a6, 0.9::float8 AS a7, 1000 AS a8, -3 AS a9, part FROM rnd WHERE i <= 90 AND small IS NOT NULL'),
  -- life expectancy: the 20 bands by i, each in many rows; whole-number counts add exactly
  ('oba.life_expectancy_agg(int4, float8, float8)', 'SELECT (ARRAY[0,1,5,10,15,20,25,30,35,40,45,50,55,60,65,70,75,80,85,90])[i % 20 + 1] AS a1, small::float8 AS a2, big::float8 AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.life_expectancy_agg(int4, float8, float8, int4)', 'SELECT (ARRAY[0,1,5,10,15,20,25,30,35,40,45,50,55,60,65,70,75,80,85,90])[i % 20 + 1] AS a1, small::float8 AS a2, big::float8 AS a3, 65 AS a4, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.life_expectancy_agg(int4, float8, float8, int4, float8)', 'SELECT (ARRAY[0,1,5,10,15,20,25,30,35,40,45,50,55,60,65,70,75,80,85,90])[i % 20 + 1] AS a1, small::float8 AS a2, big::float8 AS a3, 85 AS a4, 0.998::float8 AS a5, part FROM rnd'),
  -- time series: distinct times per group (i), rows from every part
  ('oba.mann_kendall_agg(float8, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.linear_trend_agg(float8, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.its_agg(float8, float8, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, 200::float8 AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.trend_chisq_agg(float8, float8, float8)', 'SELECT i::float8 AS a1, small::float8 AS a2, big::float8 AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.trend_chisq_agg(float8, float8, float8, text)', 'SELECT i::float8 AS a1, small::float8 AS a2, big::float8 AS a3, ''time''::text AS a4, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.trend_chisq_score_agg(float8, float8, float8)', 'SELECT (big % 9)::float8 AS a1, small::float8 AS a2, big::float8 AS a3, part FROM rnd'),
  ('oba.recent_trend_agg(float8, float8, float8, text)', 'SELECT i::float8 AS a1, small::float8 AS a2, big::float8 AS a3, ''higher_is_better''::text AS a4, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.recent_trend_agg(float8, float8, float8, text, int4)', 'SELECT i::float8 AS a1, small::float8 AS a2, big::float8 AS a3, ''lower_is_better''::text AS a4, 6 AS a5, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.recent_trend_agg(float8, float8, float8, text, int4, text)', 'SELECT i::float8 AS a1, small::float8 AS a2, big::float8 AS a3, ''neutral''::text AS a4, 5 AS a5, ''dhsc''::text AS a6, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.recent_trend_ci_agg(float8, float8, float8, float8, text)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, (small + big % 7 - 3)::float8 AS a3, (small + big % 7 + 4)::float8 AS a4, ''higher_is_better''::text AS a5, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.recent_trend_ci_agg(float8, float8, float8, float8, text, int4)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, (small + big % 7 - 3)::float8 AS a3, (small + big % 7 + 4)::float8 AS a4, ''higher_is_better''::text AS a5, 7 AS a6, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.recent_trend_ci_agg(float8, float8, float8, float8, text, int4, text)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, (small + big % 7 - 3)::float8 AS a3, (small + big % 7 + 4)::float8 AS a4, ''lower_is_better''::text AS a5, 5 AS a6, ''dhsc''::text AS a7, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.turn_the_curve_agg(float8, float8, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, 250::float8 AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.turn_the_curve_agg(float8, float8, float8, text)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, 250::float8 AS a3, ''lower_is_better''::text AS a4, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.turn_the_curve_agg(float8, float8, float8, text, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, 250::float8 AS a3, ''neutral''::text AS a4, 0.1::float8 AS a5, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.spc_agg(float8, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.spc_agg(float8, float8, text)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, ''lower_is_better''::text AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.spc_agg(float8, float8, text, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, ''higher_is_better''::text AS a3, 12::float8 AS a4, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.spc_agg(float8, float8, text, float8, float8[], int4, bool, int4, bool)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, ''higher_is_better''::text AS a3, 12::float8 AS a4, ARRAY[150::float8] AS a5, 20 AS a6, true AS a7, 6 AS a8, true AS a9, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.mann_kendall_agg(date, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.linear_trend_agg(date, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.its_agg(date, float8, date)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, (date ''2000-01-01'' + 1400) AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.trend_chisq_agg(date, float8, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, small::float8 AS a2, big::float8 AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.trend_chisq_agg(date, float8, float8, text)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, small::float8 AS a2, big::float8 AS a3, ''time''::text AS a4, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.recent_trend_agg(date, float8, float8, text)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, small::float8 AS a2, big::float8 AS a3, ''higher_is_better''::text AS a4, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.recent_trend_agg(date, float8, float8, text, int4)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, small::float8 AS a2, big::float8 AS a3, ''lower_is_better''::text AS a4, 6 AS a5, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.recent_trend_agg(date, float8, float8, text, int4, text)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, small::float8 AS a2, big::float8 AS a3, ''neutral''::text AS a4, 5 AS a5, ''dhsc''::text AS a6, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.recent_trend_ci_agg(date, float8, float8, float8, text)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, (small + big % 7 - 3)::float8 AS a3, (small + big % 7 + 4)::float8 AS a4, ''higher_is_better''::text AS a5, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.recent_trend_ci_agg(date, float8, float8, float8, text, int4)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, (small + big % 7 - 3)::float8 AS a3, (small + big % 7 + 4)::float8 AS a4, ''higher_is_better''::text AS a5, 7 AS a6, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.recent_trend_ci_agg(date, float8, float8, float8, text, int4, text)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, (small + big % 7 - 3)::float8 AS a3, (small + big % 7 + 4)::float8 AS a4, ''lower_is_better''::text AS a5, 5 AS a6, ''dhsc''::text AS a7, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.turn_the_curve_agg(date, float8, date)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, (date ''2000-01-01'' + 1750) AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.turn_the_curve_agg(date, float8, date, text)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, (date ''2000-01-01'' + 1750) AS a3, ''lower_is_better''::text AS a4, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.turn_the_curve_agg(date, float8, date, text, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, (date ''2000-01-01'' + 1750) AS a3, ''neutral''::text AS a4, 0.1::float8 AS a5, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.curve_svg_agg(date, float8, date, text, text)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, (date ''2000-01-01'' + 1750) AS a3, ''lower_is_better''::text AS a4, ''A chart''::text AS a5, part FROM rnd'),
  ('oba.curve_svg_agg(date, float8, date, text, text, text, int4)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, (date ''2000-01-01'' + 1750) AS a3, ''neutral''::text AS a4, ''A chart''::text AS a5, ''per 10,000''::text AS a6, 3 AS a7, part FROM rnd'),
  ('oba.spc_agg(date, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.spc_agg(date, float8, text)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, ''lower_is_better''::text AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.spc_agg(date, float8, text, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, ''higher_is_better''::text AS a3, 12::float8 AS a4, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.spc_agg(date, float8, text, float8, date[], int4, bool, int4, bool)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, ''higher_is_better''::text AS a3, 12::float8 AS a4, ARRAY[date ''2002-06-01''] AS a5, 20 AS a6, true AS a7, 6 AS a8, true AS a9, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.mann_kendall_hamed_rao_agg(float8, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.mann_kendall_hamed_rao_agg(float8, float8, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, 0.1::float8 AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.mann_kendall_hamed_rao_agg(float8, float8, float8, int4)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, 0.05::float8 AS a3, 5 AS a4, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.mann_kendall_hamed_rao_agg(date, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.mann_kendall_hamed_rao_agg(date, float8, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, 0.1::float8 AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.mann_kendall_hamed_rao_agg(date, float8, float8, int4)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, 0.05::float8 AS a3, 3 AS a4, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.mann_kendall_prewhitened_agg(float8, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.mann_kendall_prewhitened_agg(date, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.seasonal_mann_kendall_agg(float8, float8, int4)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, i % 4 AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.seasonal_mann_kendall_agg(date, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.seasonal_mann_kendall_agg(date, float8, int4)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, big % 3 AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.pettitt_agg(float8, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.pettitt_agg(date, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.segmented_agg(float8, float8)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.segmented_agg(float8, float8, int4)', 'SELECT i::float8 AS a1, (small + big % 7)::float8 AS a2, 20 AS a3, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.segmented_agg(date, float8)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, part FROM rnd WHERE small IS NOT NULL'),
  ('oba.segmented_agg(date, float8, int4)', 'SELECT (date ''2000-01-01'' + i * 7) AS a1, (small + big % 7)::float8 AS a2, 50 AS a3, part FROM rnd WHERE small IS NOT NULL'),
  -- value for money: whole-pound costs keep the sums exact, whatever the split
  ('oba.cost_per_outcome_agg(float8, float8)', 'SELECT big * 25::float8 AS a1, small::float8 AS a2, part FROM rnd'),
  ('oba.cost_per_outcome_agg(float8, float8, float8)', 'SELECT big * 25::float8 AS a1, small::float8 AS a2, 0.9::float8 AS a3, part FROM rnd'),
  ('oba.return_on_investment_agg(float8, float8, float8)', 'SELECT big * 25::float8 AS a1, small::float8 AS a2, 6218::float8 AS a3, part FROM rnd'),
  ('oba.return_on_investment_agg(float8, float8, float8, float8)', 'SELECT big * 25::float8 AS a1, small::float8 AS a2, 250::float8 AS a3, 0.998::float8 AS a4, part FROM rnd');

-- Aggregates whose state is a running mean (Welford's update): split, the
-- rows are added in another order and round differently, so split and
-- whole agree to a relative tolerance (every number of the result), not to
-- the last bit. Reported as "within <rel>" when not identical.
CREATE TEMP TABLE agg_tolerance (agg regprocedure PRIMARY KEY, rel float8 NOT NULL);
INSERT INTO agg_tolerance VALUES
  ('oba.mean_agg(float8)', 1e-12),
  ('oba.mean_agg(float8, float8)', 1e-12),
  ('oba.trend_chisq_score_agg(float8, float8, float8)', 1e-12);
CREATE FUNCTION pg_temp.near(a regprocedure, x text, y text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  rel float8;
  jx jsonb;
  jy jsonb;
BEGIN
  SELECT t.rel INTO rel FROM agg_tolerance t WHERE t.agg = a;
  IF rel IS NULL OR x IS NULL OR y IS NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('SELECT to_jsonb($1::%1$s), to_jsonb($2::%1$s)',
                 (SELECT format_type(prorettype, NULL) FROM pg_proc WHERE oid = a))
    INTO jx, jy USING x, y;
  RETURN NOT EXISTS (
    SELECT 1 FROM jsonb_each(jx) u FULL JOIN jsonb_each(jy) v USING (key)
     WHERE CASE WHEN jsonb_typeof(u.value) = 'number' AND jsonb_typeof(v.value) = 'number'
                THEN abs((u.value #>> '{}')::float8 - (v.value #>> '{}')::float8)
                       > rel * greatest(abs((u.value #>> '{}')::float8), abs((v.value #>> '{}')::float8))
                ELSE u.value IS DISTINCT FROM v.value END);
END $$;

-- Split, ship as text, combine, finish; compare with the unsplit aggregate.
CREATE FUNCTION pg_temp.split_equals_whole(a regprocedure, input text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  g pg_aggregate%ROWTYPE;
  combine_strict bool;
  final_strict bool;
  argtypes text;
  args text;
  stype text;
  whole text;
  states text[];
  empty text;
  order_name text;
  ord text[];
  state text;
  split text;
  differs text := '';
  near bool := false;
BEGIN
  SELECT * INTO g FROM pg_aggregate WHERE aggfnoid = a;
  SELECT proisstrict INTO combine_strict FROM pg_proc WHERE oid = g.aggcombinefn;
  SELECT proisstrict INTO final_strict FROM pg_proc WHERE oid = g.aggfinalfn;
  SELECT string_agg(format_type(t, NULL), ', ' ORDER BY o), string_agg('a' || o, ', ' ORDER BY o)
    INTO argtypes, args
    FROM pg_proc p, unnest(p.proargtypes::oid[]) WITH ORDINALITY u(t, o) WHERE p.oid = a;
  stype := format_type(g.aggtranstype, NULL);
  -- a state-only twin of the aggregate: the same transition function and state
  EXECUTE format('CREATE AGGREGATE pg_temp.state_only(%s) (SFUNC = %s, STYPE = %s%s)',
                 argtypes, g.aggtransfn::regproc, stype,
                 CASE WHEN g.agginitval IS NULL THEN '' ELSE format(', INITCOND = %L', g.agginitval) END);
  EXECUTE format('SELECT %s(%s)::text FROM (%s) s', a::regproc, args, input) INTO whole;
  -- each node's state as text
  EXECUTE format('SELECT array_agg(st ORDER BY part) FROM (SELECT part, pg_temp.state_only(%s)::text AS st FROM (%s) s GROUP BY part) x',
                 args, input) INTO states;
  EXECUTE format('SELECT pg_temp.state_only(%s)::text FROM (%s) s WHERE false', args, input) INTO empty;
  FOREACH order_name IN ARRAY ARRAY['forward', 'reverse', 'tree'] LOOP
    ord := CASE order_name
             WHEN 'forward' THEN ARRAY[empty] || states
             WHEN 'reverse' THEN ARRAY(SELECT states[k] FROM generate_subscripts(states, 1) k ORDER BY k DESC) || empty
             ELSE states[1:cardinality(states) / 2] || empty || states[cardinality(states) / 2 + 1:] END;
    IF order_name = 'tree' THEN
      -- a balanced tree: combine neighbours until one state is left
      WHILE cardinality(ord) > 1 LOOP
        ord := ARRAY(
          SELECT CASE WHEN k = cardinality(ord) THEN ord[k]
                      ELSE pg_temp.combine_text(g.aggcombinefn, combine_strict, stype, ord[k], ord[k + 1]) END
            FROM generate_series(1, cardinality(ord), 2) k ORDER BY k);
      END LOOP;
      state := ord[1];
    ELSE
      state := ord[1];
      FOR k IN 2 .. cardinality(ord) LOOP
        state := pg_temp.combine_text(g.aggcombinefn, combine_strict, stype, state, ord[k]);
      END LOOP;
    END IF;
    IF g.aggfinalfn = 0 THEN
      split := state;
    ELSIF state IS NULL AND final_strict THEN
      split := NULL;
    ELSE
      EXECUTE format('SELECT %s($1::%s)::text', g.aggfinalfn::regproc, stype) INTO split USING state;
    END IF;
    IF whole IS DISTINCT FROM split THEN
      IF pg_temp.near(a, whole, split) THEN
        near := true;
      ELSE
        differs := differs || format(' %s: whole %s, split %s;', order_name, whole, split);
      END IF;
    END IF;
  END LOOP;
  EXECUTE format('DROP AGGREGATE pg_temp.state_only(%s)', argtypes);
  RETURN CASE WHEN differs <> '' THEN 'DIFFERS' || differs WHEN near THEN 'near' ELSE 'same' END;
END $$;

-- Combine two states given as text, as an engine does: a strict combine
-- function is not called with a NULL state (the other one is kept).
CREATE FUNCTION pg_temp.combine_text(fn regproc, strict bool, stype text, s1 text, s2 text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  r text;
BEGIN
  IF strict AND s1 IS NULL THEN
    RETURN s2;
  ELSIF strict AND s2 IS NULL THEN
    RETURN s1;
  END IF;
  EXECUTE format('SELECT %s($1::%s, $2::%s)::text', fn, stype, stype) INTO r USING s1, s2;
  RETURN r;
END $$;

CREATE TEMP TABLE outcome (seed float8, agg regprocedure, result text);
DO $$
DECLARE
  seed float8;
BEGIN
  FOREACH seed IN ARRAY ARRAY[0.8, 0.3, -0.55] LOOP
    PERFORM pg_temp.fill_rnd(seed);
    INSERT INTO outcome SELECT seed, agg, pg_temp.split_equals_whole(agg, input) FROM agg_inputs;
  END LOOP;
END $$;

-- the node that holds only NULL rows is there, and every data set reaches every node
SELECT count(DISTINCT part) AS nodes, count(*) FILTER (WHERE part = 5) AS null_rows FROM rnd;

SELECT agg,
       CASE WHEN bool_and(result = 'same') THEN format('same on %s data sets, 3 combining orders', count(*))
            WHEN bool_and(result IN ('same', 'near'))
              THEN format('within %s on %s data sets, 3 combining orders',
                          (SELECT t.rel FROM agg_tolerance t WHERE t.agg = outcome.agg), count(*))
            ELSE string_agg(format('seed %s:%s', seed, result), ' ') FILTER (WHERE result NOT IN ('same', 'near')) END
         AS split_through_text
  FROM outcome GROUP BY agg ORDER BY agg::text;

-- every aggregate of the extension has an input above
SELECT p.oid::regprocedure AS aggregate_without_input
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'oba'
 WHERE p.prokind = 'a'
   AND NOT EXISTS (SELECT 1 FROM agg_inputs i WHERE i.agg = p.oid)
 ORDER BY 1::text;

-- ---------------------------------------------------------------------------
-- Citus workers with extra_float_digits = 0 or -15 (issue 15, docs/citus.md).
-- A distributed engine ships a partial state as the text its worker's
-- session writes, and a worker's extra_float_digits need not be the
-- coordinator's: float8[]'s text rounded every element to 15 (or 1)
-- significant digits there, and the coordinator combined other states
-- than the workers had. For every aggregate above and each data set: each
-- node's state is written as text with extra_float_digits = 0 and = -15,
-- read back (extra_float_digits = 3) and must be the state the node had,
-- and the states combined and finished from that text must give exactly
-- the answer of the same states written with extra_float_digits = 3
-- (which the checks above hold to the unsplit aggregate's).
SET extra_float_digits = 3;
CREATE FUNCTION pg_temp.worker_text(a regprocedure, input text, worker_efd int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  g pg_aggregate%ROWTYPE;
  combine_strict bool;
  final_strict bool;
  argtypes text;
  args text;
  stype text;
  at_worker text[];
  exact text[];
  changed int := 0;
  read_back text;
  results text[] := '{}';
  state text;
  r text;
BEGIN
  SELECT * INTO g FROM pg_aggregate WHERE aggfnoid = a;
  SELECT proisstrict INTO combine_strict FROM pg_proc WHERE oid = g.aggcombinefn;
  SELECT proisstrict INTO final_strict FROM pg_proc WHERE oid = g.aggfinalfn;
  SELECT string_agg(format_type(t, NULL), ', ' ORDER BY o), string_agg('a' || o, ', ' ORDER BY o)
    INTO argtypes, args
    FROM pg_proc p, unnest(p.proargtypes::oid[]) WITH ORDINALITY u(t, o) WHERE p.oid = a;
  stype := format_type(g.aggtranstype, NULL);
  EXECUTE format('CREATE AGGREGATE pg_temp.state_only(%s) (SFUNC = %s, STYPE = %s%s)',
                 argtypes, g.aggtransfn::regproc, stype,
                 CASE WHEN g.agginitval IS NULL THEN '' ELSE format(', INITCOND = %L', g.agginitval) END);
  -- each node's state (and the empty one) as the worker writes it, and exactly
  PERFORM set_config('extra_float_digits', worker_efd::text, true);
  EXECUTE format('SELECT array_agg(st ORDER BY part) FROM (SELECT part, pg_temp.state_only(%s)::text AS st FROM (%s) s GROUP BY part) x',
                 args, input) INTO at_worker;
  EXECUTE format('SELECT pg_temp.state_only(%s)::text FROM (%s) s WHERE false', args, input) INTO state;
  at_worker := ARRAY[state] || at_worker;
  PERFORM set_config('extra_float_digits', '3', true);
  EXECUTE format('SELECT array_agg(st ORDER BY part) FROM (SELECT part, pg_temp.state_only(%s)::text AS st FROM (%s) s GROUP BY part) x',
                 args, input) INTO exact;
  EXECUTE format('SELECT pg_temp.state_only(%s)::text FROM (%s) s WHERE false', args, input) INTO state;
  exact := ARRAY[state] || exact;
  -- the coordinator reads each state back
  FOR k IN 1 .. cardinality(exact) LOOP
    BEGIN
      EXECUTE format('SELECT $1::%s::text', stype) INTO read_back USING at_worker[k];
    EXCEPTION WHEN OTHERS THEN
      read_back := format('ERROR %s: %s', SQLSTATE, SQLERRM);
    END;
    IF read_back IS DISTINCT FROM exact[k] THEN
      changed := changed + 1;
    END IF;
  END LOOP;
  -- and combines and finishes them, from the worker's text and from the exact
  -- text (a rounded state may be refused: that is reported, not raised)
  FOREACH state IN ARRAY ARRAY['worker', 'exact'] LOOP
    BEGIN
      r := (CASE state WHEN 'worker' THEN at_worker ELSE exact END)[1];
      FOR k IN 2 .. cardinality(exact) LOOP
        r := pg_temp.combine_text(g.aggcombinefn, combine_strict, stype, r,
                                  (CASE state WHEN 'worker' THEN at_worker ELSE exact END)[k]);
      END LOOP;
      IF g.aggfinalfn <> 0 AND NOT (r IS NULL AND final_strict) THEN
        EXECUTE format('SELECT %s($1::%s)::text', g.aggfinalfn::regproc, stype) INTO r USING r;
      END IF;
    EXCEPTION WHEN OTHERS THEN
      r := format('ERROR %s: %s', SQLSTATE, SQLERRM);
    END;
    results := results || r;
  END LOOP;
  EXECUTE format('DROP AGGREGATE pg_temp.state_only(%s)', argtypes);
  RETURN CASE WHEN changed = 0 AND results[1] IS NOT DISTINCT FROM results[2] THEN 'exact'
              ELSE format('%s of %s states changed; answer %s', changed, cardinality(exact),
                          CASE WHEN results[1] IS NOT DISTINCT FROM results[2] THEN 'the same'
                               ELSE format('%s, not %s', results[1], results[2]) END) END;
END $$;

CREATE TEMP TABLE text_outcome (seed float8, worker_efd int, agg regprocedure, result text);
DO $$
DECLARE
  seed float8;
  efd int;
BEGIN
  FOREACH seed IN ARRAY ARRAY[0.8, 0.3, -0.55] LOOP
    PERFORM pg_temp.fill_rnd(seed);
    FOREACH efd IN ARRAY ARRAY[0, -15] LOOP
      INSERT INTO text_outcome SELECT seed, efd, agg, pg_temp.worker_text(agg, input, efd) FROM agg_inputs;
    END LOOP;
  END LOOP;
END $$;

-- every aggregate of the extension, on three data sets: the states and the answers are exact
SELECT worker_efd AS extra_float_digits_on_workers, count(DISTINCT agg) AS aggregates,
       count(*) AS cases, count(*) FILTER (WHERE result = 'exact') AS exact
  FROM text_outcome GROUP BY worker_efd ORDER BY worker_efd DESC;
-- what was not (none)
SELECT worker_efd, agg, string_agg(format('seed %s: %s', seed, result), '; ' ORDER BY seed) AS not_exact
  FROM text_outcome WHERE result <> 'exact'
 GROUP BY worker_efd, agg ORDER BY worker_efd DESC, agg::text;
RESET extra_float_digits;
