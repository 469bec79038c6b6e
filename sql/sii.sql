-- oba.sii_agg and oba.sii_se_agg: the slope and relative index of inequality.
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
-- exact: 1e-9 relative, with a floor for a value near 0 (scale: the values' size)
CREATE FUNCTION pg_temp.close(got float8, want float8, scale float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN want IS NULL THEN got IS NULL
                 ELSE abs(got - want) <= greatest(1e-9 * abs(want), 1e-12 * scale) END $$;
-- simulated: within 5 Monte-Carlo standard deviations of one run of 100,000
-- repetitions (sd), the reference being the mean of `batches` such runs
CREATE FUNCTION pg_temp.mc_close(got float8, want float8, sd float8, batches float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT abs(got - want) <= 5 * sd * sqrt(1 + 1 / batches) $$;

-- The reference (test/reference/sii_reference.csv, by derive_sii_reference.R
-- in base R): point estimates from lm(), limits simulated in R with R's own
-- generator, 20 batches of 100,000 repetitions a case.
CREATE TEMP TABLE sii_in (group_id text, quantile int, population float8, value text,
                          lower text, upper text, se text);
\copy sii_in FROM 'test/reference/sii_reference_input.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE sii_ref (
  group_id text PRIMARY KEY, description text, input text, value_type text, transform boolean,
  multiplier float8, confidence float8, repetitions int, quantiles int, population float8,
  intercept float8, sii float8, rii float8, sii_lower float8, sii_upper float8,
  rii_lower float8, rii_upper float8, sii_lower_sd float8, sii_upper_sd float8,
  rii_lower_sd float8, rii_upper_sd float8, sii_lower_analytic text, sii_upper_analytic text,
  batches float8);
\copy sii_ref FROM 'test/reference/sii_reference.csv' WITH (FORMAT csv, HEADER true)

-- every case, with the parameters of its reference row and seed 1
CREATE TEMP TABLE sii_run AS
  SELECT r.group_id,
         coalesce(oba.sii_agg(i.quantile, i.population, pg_temp.num(i.value), pg_temp.num(i.lower),
                              pg_temp.num(i.upper), r.value_type, r.transform, r.multiplier,
                              r.confidence, r.repetitions, 1) FILTER (WHERE r.input = 'limits'),
                  oba.sii_se_agg(i.quantile, i.population, pg_temp.num(i.value), pg_temp.num(i.se),
                                 r.value_type, r.multiplier, r.confidence, r.repetitions, 1)
                    FILTER (WHERE r.input = 'se')) AS s,
         abs(r.multiplier) * max(abs(pg_temp.num(i.value))) AS scale
    FROM sii_ref r JOIN sii_in i USING (group_id)
   GROUP BY r.group_id;

-- point estimates: exactly (1e-9) as lm(); limits: within Monte-Carlo error
SELECT r.value_type, r.transform, count(*) AS cases,
       count(*) FILTER (WHERE (g.s).quantiles = r.quantiles AND (g.s).population = r.population
                          AND pg_temp.close((g.s).sii, r.sii, g.scale)
                          AND pg_temp.close((g.s).rii, r.rii, 1)
                          AND pg_temp.close((g.s).intercept, r.intercept, g.scale)) AS points_agree,
       count(*) FILTER (WHERE pg_temp.mc_close((g.s).sii_lower, r.sii_lower, r.sii_lower_sd, r.batches)
                          AND pg_temp.mc_close((g.s).sii_upper, r.sii_upper, r.sii_upper_sd, r.batches)) AS sii_limits_agree,
       count(*) FILTER (WHERE pg_temp.mc_close((g.s).rii_lower, r.rii_lower, r.rii_lower_sd, r.batches)
                          AND pg_temp.mc_close((g.s).rii_upper, r.rii_upper, r.rii_upper_sd, r.batches)) AS rii_limits_agree
  FROM sii_ref r JOIN sii_run g USING (group_id)
 GROUP BY 1, 2 ORDER BY 1, 2;
-- the cases in detail: the distance of each limit from the reference in
-- Monte-Carlo standard deviations (within 5 passes)
SELECT group_id, (g.s).quantiles,
       round((((g.s).sii_lower - r.sii_lower) / r.sii_lower_sd)::numeric, 1) AS sii_lo_sd,
       round((((g.s).sii_upper - r.sii_upper) / r.sii_upper_sd)::numeric, 1) AS sii_hi_sd,
       round((((g.s).rii_lower - r.rii_lower) / r.rii_lower_sd)::numeric, 1) AS rii_lo_sd,
       round((((g.s).rii_upper - r.rii_upper) / r.rii_upper_sd)::numeric, 1) AS rii_hi_sd
  FROM sii_ref r JOIN sii_run g USING (group_id) ORDER BY group_id;
-- where the slope of a draw is exactly normal (value_type normal, no
-- transformation) the limits of an infinite simulation are sii +- z sd(sii):
-- oba's limits against them, in units of the Monte-Carlo sd
SELECT count(*) AS normal_cases,
       count(*) FILTER (WHERE pg_temp.mc_close((g.s).sii_lower, pg_temp.num(r.sii_lower_analytic), r.sii_lower_sd, 1e9)
                          AND pg_temp.mc_close((g.s).sii_upper, pg_temp.num(r.sii_upper_analytic), r.sii_upper_sd, 1e9)) AS agree_analytic
  FROM sii_ref r JOIN sii_run g USING (group_id) WHERE r.sii_lower_analytic <> 'NA';

-- The tolerance can fail: limits at another confidence (0.9 for 0.95 and
-- 0.998, 0.95 for 0.9) are nowhere near the reference's.
CREATE TEMP TABLE sii_wrong AS
  SELECT r.group_id,
         coalesce(oba.sii_agg(i.quantile, i.population, pg_temp.num(i.value), pg_temp.num(i.lower),
                              pg_temp.num(i.upper), r.value_type, r.transform, r.multiplier,
                              CASE WHEN r.confidence = 0.9 THEN 0.95 ELSE 0.9 END, r.repetitions, 1)
                    FILTER (WHERE r.input = 'limits'),
                  oba.sii_se_agg(i.quantile, i.population, pg_temp.num(i.value), pg_temp.num(i.se),
                                 r.value_type, r.multiplier, CASE WHEN r.confidence = 0.9 THEN 0.95 ELSE 0.9 END,
                                 r.repetitions, 1) FILTER (WHERE r.input = 'se')) AS s
    FROM sii_ref r JOIN sii_in i USING (group_id)
   GROUP BY r.group_id;
SELECT count(*) AS cases,
       count(*) FILTER (WHERE pg_temp.mc_close((w.s).sii_lower, r.sii_lower, r.sii_lower_sd, r.batches)
                           OR pg_temp.mc_close((w.s).sii_upper, r.sii_upper, r.sii_upper_sd, r.batches)) AS wrong_confidence_agrees
  FROM sii_ref r JOIN sii_wrong w USING (group_id);

-- Reproducible: the same seed gives the same limits, bit for bit; another
-- seed other limits, as close to the reference.
CREATE TEMP TABLE sii_seeds AS
  SELECT r.group_id, seed,
         coalesce(oba.sii_agg(i.quantile, i.population, pg_temp.num(i.value), pg_temp.num(i.lower),
                              pg_temp.num(i.upper), r.value_type, r.transform, r.multiplier,
                              r.confidence, r.repetitions, seed) FILTER (WHERE r.input = 'limits'),
                  oba.sii_se_agg(i.quantile, i.population, pg_temp.num(i.value), pg_temp.num(i.se),
                                 r.value_type, r.multiplier, r.confidence, r.repetitions, seed)
                    FILTER (WHERE r.input = 'se')) AS s
    FROM sii_ref r JOIN sii_in i USING (group_id) CROSS JOIN (VALUES (1), (-7)) v(seed)
   GROUP BY r.group_id, seed;
SELECT count(*) AS cases,
       count(*) FILTER (WHERE a.s = g.s) AS seed_1_again_identical,
       count(*) FILTER (WHERE (b.s).sii_lower <> (g.s).sii_lower AND (b.s).sii_upper <> (g.s).sii_upper) AS seed_minus_7_differs,
       count(*) FILTER (WHERE (b.s).sii = (g.s).sii AND (b.s).rii = (g.s).rii) AS same_point_estimates,
       count(*) FILTER (WHERE pg_temp.mc_close((b.s).sii_lower, r.sii_lower, r.sii_lower_sd, r.batches)
                          AND pg_temp.mc_close((b.s).sii_upper, r.sii_upper, r.sii_upper_sd, r.batches)) AS seed_minus_7_agrees
  FROM sii_ref r JOIN sii_run g USING (group_id)
  JOIN sii_seeds a ON a.group_id = r.group_id AND a.seed = 1
  JOIN sii_seeds b ON b.group_id = r.group_id AND b.seed = -7;

-- the example of the package's documentation: two areas by decile, life
-- expectancy with its 95% limits (and rounded standard errors in the se form)
CREATE TEMP TABLE le_decile (area text, decile int, population float8, le float8,
                             lower float8, upper float8, se float8);
INSERT INTO le_decile
SELECT 'Area1', d, p, v, l, u, s FROM unnest(
  ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  ARRAY[7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534],
  ARRAY[75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3],
  ARRAY[72.7, 75.3, 80.9, 80.2, 77.1, 78, 79, 81.4, 75.8, 83.2],
  ARRAY[79.1, 81.4, 86.8, 87.1, 83.8, 84.2, 84.4, 86.9, 85.4, 89.4],
  ARRAY[1.64, 1.58, 1.51, 1.78, 1.7, 1.56, 1.37, 1.4, 2.43, 1.57]) AS t(d, p, v, l, u, s)
UNION ALL
SELECT 'Area2', d, p, v, l, u, s FROM unnest(
  ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  ARRAY[21675, 20065, 19750, 24713, 20112, 19618, 22408, 19752, 18939, 19312],
  ARRAY[70.5, 71.6, 72.5, 73.5, 73.1, 76.2, 78.7, 80.6, 80.9, 80],
  ARRAY[70.1, 71.1, 72, 73.1, 72.7, 75.7, 78.2, 80.1, 80.4, 79.5],
  ARRAY[71, 72.1, 73.2, 73.7, 75.8, 78.8, 79.8, 81.2, 81.3, 80.9],
  ARRAY[0.23, 0.26, 0.3, 0.16, 0.79, 0.78, 0.4, 0.28, 0.23, 0.35]) AS t(d, p, v, l, u, s);
SELECT area, quantiles, population, round(intercept::numeric, 4) AS intercept,
       round(sii::numeric, 4) AS sii, round(sii_lower::numeric, 2) AS sii_lower,
       round(sii_upper::numeric, 2) AS sii_upper, round(rii::numeric, 4) AS rii,
       round(rii_lower::numeric, 3) AS rii_lower, round(rii_upper::numeric, 3) AS rii_upper
  FROM (SELECT area, (oba.sii_agg(decile, population, le, lower, upper)).* FROM le_decile GROUP BY area) s
 ORDER BY area;
SELECT area, round(sii::numeric, 4) AS sii, round(sii_lower::numeric, 2) AS sii_lower,
       round(sii_upper::numeric, 2) AS sii_upper
  FROM (SELECT area, (oba.sii_se_agg(decile, population, le, se)).* FROM le_decile GROUP BY area) s
 ORDER BY area;
-- the order of the rows does not matter, nor do gaps between labels
SELECT (SELECT oba.sii_agg(decile, population, le, lower, upper ORDER BY random()) FROM le_decile WHERE area = 'Area1')
     = (SELECT oba.sii_agg(decile, population, le, lower, upper ORDER BY decile DESC) FROM le_decile WHERE area = 'Area1') AS order_free,
       (SELECT oba.sii_agg(10 * decile, population, le, lower, upper) FROM le_decile WHERE area = 'Area1')
     = (SELECT oba.sii_agg(decile, population, le, lower, upper) FROM le_decile WHERE area = 'Area1') AS labels_only_order;
-- a negative multiplier reverses the polarity: SII negated, RII inverted
SELECT round(sii::numeric, 6) AS sii, round(rii::numeric, 6) AS rii,
       round(sii_lower::numeric, 2) AS sii_lower, round(sii_upper::numeric, 2) AS sii_upper
  FROM (SELECT (oba.sii_agg(decile, population, le, lower, upper, 'normal', false, -1)).*
          FROM le_decile WHERE area = 'Area1') s;

-- edge cases: fewer than 5 quantiles, a missing value or limit (NULL
-- estimates, counts kept); no rows; FILTER
SELECT quantiles, population, sii, rii, sii_lower
  FROM (SELECT (oba.sii_agg(decile, population, le, lower, upper)).* FROM le_decile
         WHERE area = 'Area1' AND decile <= 4) s;
SELECT quantiles, population, sii, rii_upper
  FROM (SELECT (oba.sii_agg(decile, population, CASE WHEN decile = 3 THEN NULL ELSE le END, lower, upper)).*
          FROM le_decile WHERE area = 'Area1') s;
SELECT quantiles, sii
  FROM (SELECT (oba.sii_se_agg(decile, population, le, CASE WHEN decile = 3 THEN NULL ELSE se END)).*
          FROM le_decile WHERE area = 'Area1') s;
SELECT oba.sii_agg(decile, population, le, lower, upper) IS NULL AS empty FROM le_decile WHERE false;
SELECT oba.sii_se_agg(decile, population, le, se) FILTER (WHERE false) IS NULL AS filtered FROM le_decile;
-- se 0 everywhere: no uncertainty, the limits are the estimate
SELECT sii = sii_lower AND sii = sii_upper AND rii = rii_lower AND rii = rii_upper AS degenerate
  FROM (SELECT (oba.sii_se_agg(decile, population, le, 0)).* FROM le_decile WHERE area = 'Area2') s;
-- 100 quantiles are allowed, 101 refused
SELECT quantiles FROM (SELECT (oba.sii_se_agg(q, 100 + q, q * 0.1, 1, 'normal', 1, 0.95, 1000, 1)).*
                         FROM generate_series(1, 100) q) s;
SELECT pg_temp.err($$SELECT oba.sii_se_agg(q, 100, q, 1) FROM generate_series(1, 101) q$$);

-- bad input
SELECT pg_temp.err($$SELECT oba.sii_agg(NULL, 100, 1, 0, 2)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, NULL, 1, 0, 2)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 0, 1, 0, 2)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 'Infinity', 1, 0, 2)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 1, 3, 2)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 'NaN', 0, 2)$$);
SELECT pg_temp.err($$SELECT oba.sii_se_agg(1, 100, 1, '-Infinity')$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 0, 0.5, 2, 'rate')$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 0.5, 0, 1, 'proportion')$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 1, 0, 2, 'ratio')$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 1, 0, 2, NULL)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 1, 0, 2, 'normal', true)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 1, 0, 2, 'rate', false, 0)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 1, 0, 2, 'rate', false, 1, 1, 1000, 1)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 1, 0, 2, 'rate', false, 1, 0.95, 999, 1)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 1, 0, 2, 'rate', false, 1, 0.95, 1000001, 1)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(1, 100, 1, 0, 2, 'rate', false, 1, 0.9999, 1000, 1)$$);
SELECT pg_temp.err($$SELECT oba.sii_se_agg(1, 100, 1, -1)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(q, 100, 1, 0, 2) FROM (VALUES (1), (2), (2), (3), (4)) v(q)$$);
SELECT pg_temp.err($$SELECT oba.sii_agg(q, 100, 1, 0.5, 2, t) FROM (VALUES (1, 'rate'), (2, 'normal')) v(q, t)$$);
SELECT pg_temp.err($$SELECT oba.sii_se_agg(q, 100, 1, 0.5, 'normal', m, 0.95, 1000, 1) FROM (VALUES (1, 1), (2, 2)) v(q, m)$$);

-- the state is a float8[] inside (oba.agg_state): text round trip and combine
SELECT oba.sii_agg_final(oba.sii_agg_combine(
         oba.sii_agg_trans(oba.sii_agg_trans('{1,1,0,0,1,0.95,100000,1,0}', 1, 100, 70, 69, 71), 2, 120, 72, 71, 73)::text::oba.agg_state,
         oba.sii_agg_trans(oba.sii_agg_trans(oba.sii_agg_trans('{1,1,0,0,1,0.95,100000,1,0}', 5, 90, 79, 78, 80), 4, 80, 77, 76, 78), 3, 110, 74, 73, 75)))
     = (SELECT oba.sii_agg(q, p, v, v - 1, v + 1) FROM (VALUES (1, 100, 70), (2, 120, 72), (3, 110, 74), (4, 80, 77), (5, 90, 79)) t(q, p, v)) AS round_trip;
SELECT pg_temp.err($$SELECT oba.sii_agg_final('{1,2,3}')$$);
SELECT pg_temp.err($$SELECT oba.sii_agg_final('{1,1,0,0,1,0.95,100000,1,1,1,100}')$$);
SELECT pg_temp.err($$SELECT oba.sii_agg_combine('{1,1,0,0,1,0.95,100000,1,0}', '{1,2,0,0,1,0.95,100000,1,0}')$$);
SELECT pg_temp.err($$SELECT oba.sii_agg_final('{1,1,0,0,1,0.95,100000,1,1,1.5,100,1,0,2}')$$);

-- A parallel plan splits the rows of a group between workers: the same
-- results as a serial plan (the final function sorts by quantile).
CREATE TABLE sii_par AS
  SELECT a AS area, d AS decile, 1000 + (a * 37 + d * 11) % 500 AS population,
         70 + d * 0.8 + (a % 7) * 0.3 AS le, 0.5 + (a + d) % 4 * 0.25 AS se
    FROM generate_series(1, 10) d, generate_series(1, 300) a ORDER BY d, a;
ANALYZE sii_par;
SET max_parallel_workers_per_gather = 0;
SELECT md5(string_agg(s::text, ',' ORDER BY area)) AS digest
  FROM (SELECT area, oba.sii_se_agg(decile, population, le, se, 'normal', 1, 0.95, 1000, 1) AS s
          FROM sii_par GROUP BY area) x \gset serial_
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
  SELECT area, oba.sii_se_agg(decile, population, le, se, 'normal', 1, 0.95, 1000, 1)
    FROM sii_par GROUP BY area;
SELECT md5(string_agg(s::text, ',' ORDER BY area)) AS digest
  FROM (SELECT area, oba.sii_se_agg(decile, population, le, se, 'normal', 1, 0.95, 1000, 1) AS s
          FROM sii_par GROUP BY area) x \gset parallel_
SELECT :'serial_digest' = :'parallel_digest' AS identical;
RESET ALL;

-- A cancel stops the simulation: the final function on a prebuilt state of
-- 100 quantiles with 1,000,000 repetitions (100 million draws, seconds).
CREATE TEMP TABLE big (s oba.agg_state);
DO $$
DECLARE s oba.agg_state := '{1,1,0,0,1,0.95,100000,1,0}';
BEGIN
  FOR q IN 1..100 LOOP
    s := oba.sii_agg_trans(s, q, 100::float8, q::float8, (q - 1)::float8, (q + 1)::float8,
                           'normal'::text, false, 1::float8, 0.95::float8, 1000000, 1);
  END LOOP;
  INSERT INTO big VALUES (s);
END $$;
SELECT (s::float8[])[7] AS repetitions, (s::float8[])[9] AS quantiles FROM big;
SET statement_timeout = '200ms';
DO $$
DECLARE r record;
BEGIN
  SELECT (oba.sii_agg_final(s)).* INTO r FROM big;
  RAISE NOTICE 'sii_agg_final finished before the timeout: make the simulation longer';
EXCEPTION WHEN query_canceled THEN
  RAISE NOTICE 'sii_agg_final cancelled within a second: %',
    clock_timestamp() - statement_timestamp() < interval '1.2 seconds';
END $$;
RESET statement_timeout;
