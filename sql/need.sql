-- oba.need_z, oba.need_score_agg, oba.quantile_group, oba.decile, oba.quintile.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- three indicators for eight wards, long format (one row per ward and indicator)
CREATE TABLE indicator (ward text, indicator text, value float8, polarity text, weight float8);
INSERT INTO indicator
SELECT v.ward, i.indicator, v.value, i.polarity, i.weight
  FROM (VALUES ('gld_pct', 'higher_is_better', 2.0), ('eef_takeup_pct', 'higher_is_better', 1.0),
               ('low_birth_weight_pct', 'lower_is_better', 1.0)) i(indicator, polarity, weight)
  JOIN (VALUES
    ('Bargate', 'gld_pct', 62.1), ('Bargate', 'eef_takeup_pct', 71), ('Bargate', 'low_birth_weight_pct', 7.9),
    ('Bevois', 'gld_pct', 50.4), ('Bevois', 'eef_takeup_pct', 58), ('Bevois', 'low_birth_weight_pct', 9.8),
    ('Coxford', 'gld_pct', 57.6), ('Coxford', 'eef_takeup_pct', 66), ('Coxford', 'low_birth_weight_pct', 8.1),
    ('Millbrook', 'gld_pct', 56.1), ('Millbrook', 'eef_takeup_pct', 61), ('Millbrook', 'low_birth_weight_pct', 9.1),
    ('Portswood', 'gld_pct', 75.0), ('Portswood', 'eef_takeup_pct', 80), ('Portswood', 'low_birth_weight_pct', 5.2),
    ('Redbridge', 'gld_pct', 51.4), ('Redbridge', 'eef_takeup_pct', 60), ('Redbridge', 'low_birth_weight_pct', NULL),
    ('Shirley', 'gld_pct', 73.3), ('Shirley', 'eef_takeup_pct', 77), ('Shirley', 'low_birth_weight_pct', 6.0),
    ('Sholing', 'gld_pct', 75.0), ('Sholing', 'eef_takeup_pct', 80), ('Sholing', 'low_birth_weight_pct', 5.2)
  ) v(ward, indicator, value) USING (indicator);

-- z-scores per indicator (window over the indicator), a weighted need score per
-- ward, its rank (1 = most in need; ties share a rank) and quintile
WITH z AS (
  SELECT ward, indicator, weight,
         oba.need_z(value, avg(value) OVER w, stddev_samp(value) OVER w, polarity) AS z
    FROM indicator WINDOW w AS (PARTITION BY indicator)),
score AS (
  SELECT ward, oba.need_score_agg(z, weight) AS need FROM z GROUP BY ward)
SELECT ward, round(need::numeric, 4) AS need_score,
       rank() OVER (ORDER BY need DESC) AS need_rank,
       oba.quintile(rank() OVER (ORDER BY need DESC), count(need) OVER ()) AS quintile,
       oba.decile(rank() OVER (ORDER BY need DESC), count(need) OVER ()) AS decile
  FROM score ORDER BY need_rank, ward;
-- the unweighted score is the plain mean of the z-scores
WITH z AS (
  SELECT ward, oba.need_z(value, avg(value) OVER w, stddev_samp(value) OVER w, polarity) AS z
    FROM indicator WINDOW w AS (PARTITION BY indicator))
SELECT bool_and(abs(s - m) < 1e-12) AS mean_of_z
  FROM (SELECT ward, oba.need_score_agg(z) AS s, avg(z) AS m FROM z GROUP BY ward) t;

-- need_z: sign by polarity, NULL when every area is the same, NULL in NULL out
SELECT oba.need_z(40, 50, 5, 'higher_is_better') AS below_average_good_thing,
       oba.need_z(40, 50, 5, 'lower_is_better') AS below_average_bad_thing,
       oba.need_z(50, 50, 0, 'lower_is_better') AS no_spread,
       oba.need_z(NULL, 50, 5, 'lower_is_better') AS null_value;
-- need_score_agg: weights, NULL rows skipped, empty and zero weight give NULL
SELECT oba.need_score_agg(z, w) AS weighted
  FROM (VALUES (1.0, 3.0), (-1.0, 1.0), (NULL, 5.0), (4.0, NULL)) v(z, w);
SELECT oba.need_score_agg(z) IS NULL AS empty FROM (VALUES (1.0)) v(z) WHERE false;
SELECT oba.need_score_agg(z, 0) IS NULL AS zero_weight FROM (VALUES (1.0), (2.0)) v(z);

-- quantile groups: ties share a group; groups of 69 wards by quintile
SELECT v, rank() OVER (ORDER BY v DESC) AS r,
       oba.quintile(rank() OVER (ORDER BY v DESC), count(*) OVER ()) AS quintile
  FROM (VALUES (9), (8), (8), (8), (5), (4), (3), (2), (1), (0)) t(v);
SELECT q, count(*) AS wards
  FROM (SELECT oba.quintile(i, 69) AS q FROM generate_series(1, 69) i) s GROUP BY q ORDER BY q;
SELECT oba.quantile_group(3284, 32844, 10) AS last_of_decile_1,
       oba.quantile_group(3285, 32844, 10) AS first_of_decile_2,
       oba.decile(NULL, 10) AS null_rank;

-- bad input
SELECT pg_temp.err($$SELECT oba.need_z(1, 2, 3, 'neutral')$$);
SELECT pg_temp.err($$SELECT oba.need_z(1, 2, 3, 'up')$$);
SELECT pg_temp.err($$SELECT oba.need_z(1, 2, -3, 'lower_is_better')$$);
SELECT pg_temp.err($$SELECT oba.need_z('Infinity', 2, 3, 'lower_is_better')$$);
SELECT pg_temp.err($$SELECT oba.need_score_agg(z, -1) FROM (VALUES (1.0)) v(z)$$);
SELECT pg_temp.err($$SELECT oba.need_score_agg(z) FROM (VALUES ('NaN'::float8)) v(z)$$);
SELECT pg_temp.err($$SELECT oba.quantile_group(0, 10, 10)$$);
SELECT pg_temp.err($$SELECT oba.quantile_group(11, 10, 10)$$);
SELECT pg_temp.err($$SELECT oba.quantile_group(1, 10, 0)$$);
SELECT pg_temp.err($$SELECT oba.decile(1, 0)$$);
SELECT pg_temp.err($$SELECT oba.need_score_agg_final('{1,2}')$$);
