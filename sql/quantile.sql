-- oba.quantile_group / oba.decile / oba.quintile with a convention: 'oba'
-- (groups filled from rank 1) or 'phe' (PHEindicatormethods phe_quantile:
-- filled from the last rank; Fingertips deprivation deciles).
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- Every value of quantile_reference.csv (derive_quantile_reference.R: the
-- phe_quantile rule in base R): 14 data sets, 3 to 20 groups, invert TRUE
-- (the highest value in group 1: ORDER BY value DESC) and FALSE, exactly.
CREATE TEMP TABLE ref (
  dataset_id text, grp text, area int, value float8, nquantiles int, invert boolean, quantile int);
\copy ref FROM 'test/reference/quantile_reference.csv' WITH (FORMAT csv, HEADER true, NULL 'NA', FORCE_NULL (value, quantile))
CREATE TEMP TABLE got AS
  SELECT *,
         CASE WHEN value IS NOT NULL THEN
           oba.quantile_group(rank() OVER w, count(value) OVER w_all, nquantiles, 'phe') END AS phe,
         CASE WHEN value IS NOT NULL AND nquantiles = 10 THEN oba.decile(rank() OVER w, count(value) OVER w_all, 'phe')
              WHEN value IS NOT NULL AND nquantiles = 5 THEN oba.quintile(rank() OVER w, count(value) OVER w_all, 'phe') END
           AS named,
         CASE WHEN value IS NOT NULL THEN
           oba.quantile_group(rank() OVER w, count(value) OVER w_all, nquantiles) END AS oba
    FROM ref
  WINDOW w_all AS (PARTITION BY dataset_id, grp, nquantiles, invert),
         w AS (w_all ORDER BY CASE WHEN invert THEN -value ELSE value END NULLS LAST);
SELECT nquantiles, count(*) AS rows, count(quantile) AS assigned,
       count(*) FILTER (WHERE phe IS NOT DISTINCT FROM quantile) AS agree,
       count(named) FILTER (WHERE named = quantile) AS decile_quintile_agree,
       count(*) FILTER (WHERE oba IS DISTINCT FROM quantile) AS oba_convention_differs
  FROM got GROUP BY nquantiles ORDER BY nquantiles;
-- any disagreement, listed
SELECT dataset_id, grp, area, value, nquantiles, invert, quantile, phe FROM got
 WHERE phe IS DISTINCT FROM quantile ORDER BY 1, 2, 3, 5, 6 LIMIT 20;

-- 11 values into deciles: oba gives the extra value to decile 10, phe to decile 1
SELECT r AS rank, oba.decile(r, 11) AS oba, oba.decile(r, 11, 'phe') AS phe FROM generate_series(1, 11) r;
-- 28 values into 20 groups: (28 + 1 - 8) x 20 / 28 is 15 exactly, but 21 / (28 / 20.0) is
-- 15.000000000000002 in float8, so the package (and 'phe') puts rank 8 in group 5, not 6
SELECT oba.quantile_group(8, 28, 20, 'phe') AS phe, 20 + 1 - ceil((28 + 1 - 8) * 20 / 28.0) AS exact;
-- fewer values than groups: phe assigns none, oba leaves groups empty
SELECT oba.decile(3, 7, 'phe') AS phe, oba.decile(3, 7, 'oba') AS oba, oba.decile(3, 7) AS default_oba;
-- one group, and n = groups
SELECT oba.quantile_group(5, 9, 1, 'phe') AS one_group, oba.quintile(5, 5, 'phe') AS last, oba.quintile(1, 5, 'phe') AS first;
-- huge n: no overflow in either convention
SELECT oba.decile(4611686018427387904, 9223372036854775807, 'oba') AS oba,
       oba.decile(4611686018427387904, 9223372036854775807, 'phe') AS phe;
-- NULL in, NULL out
SELECT oba.quantile_group(NULL, 10, 10, 'phe') IS NULL AS null_rank,
       oba.quantile_group(1, 10, 10, NULL) IS NULL AS null_convention,
       oba.decile(1, NULL, 'phe') IS NULL AS null_n;

-- bad input
SELECT pg_temp.err($$SELECT oba.quantile_group(1, 10, 10, 'fingertips')$$);
SELECT pg_temp.err($$SELECT oba.decile(0, 10, 'phe')$$);
SELECT pg_temp.err($$SELECT oba.decile(11, 10, 'phe')$$);
SELECT pg_temp.err($$SELECT oba.quantile_group(1, 0, 10, 'phe')$$);
SELECT pg_temp.err($$SELECT oba.quantile_group(1, 10, 0, 'phe')$$);
