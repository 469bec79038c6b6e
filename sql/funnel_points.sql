-- oba.funnel_points: where each record is drawn on a funnel plot
-- (PHEindicatormethods calculate_funnel_points for rates, with its rule of
-- blanking a dsr under 10 events).
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
CREATE FUNCTION pg_temp.close(got float8, want float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN want IS NULL THEN got IS NULL
                 ELSE abs(got - want) <= 1e-12 * abs(want) END $$;

-- Every record of funnel_points_reference.csv (derive_funnel_points_reference.R:
-- the package's funnel test records and synthetic ones at the dsr boundary;
-- rates with years_of_data 1 and 3), at 1e-12 relative; blanked points NULL.
CREATE TEMP TABLE ref (
  dataset_id text, statistic text, subtype text, multiplier float8, years_of_data float8,
  numerator text, denominator text, rate text, chart_denominator text, chart_value text);
\copy ref FROM 'test/reference/funnel_points_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE got AS
  SELECT r.*, oba.funnel_points(CASE r.subtype WHEN 'dsr' THEN 'dsr' WHEN 'crude' THEN 'rate' ELSE r.statistic END,
                                pg_temp.num(r.numerator), pg_temp.num(r.denominator), pg_temp.num(r.rate),
                                r.multiplier, r.years_of_data) AS p
    FROM ref r;
SELECT statistic, subtype, count(*) AS records, count(*) FILTER (WHERE chart_value = 'NA') AS blanked,
       count(*) FILTER (WHERE pg_temp.close((p).denominator, pg_temp.num(chart_denominator))
                          AND pg_temp.close((p).value, pg_temp.num(chart_value))) AS agree
  FROM got GROUP BY 1, 2 ORDER BY 1, 2;
-- any disagreement, listed
SELECT dataset_id, numerator, rate, years_of_data, p, chart_denominator, chart_value FROM got
 WHERE NOT (pg_temp.close((p).denominator, pg_temp.num(chart_denominator))
            AND pg_temp.close((p).value, pg_temp.num(chart_value)));

-- the dsr rule: 9 events blanked, 10 drawn
SELECT numerator, (oba.funnel_points('dsr', numerator, 5000, rate, 100000)).*
  FROM (VALUES (9, 171.2), (10, 195.37)) AS t(numerator, rate);
-- a crude rate without one given: from its counts, per 10,000 by default
SELECT (oba.funnel_points('rate', 12, 4310)).*;
SELECT (oba.funnel_points('rate', 12, 4310, years_of_data => 3)).*;
-- a crude rate with no events, and a dsr without a rate
SELECT (oba.funnel_points('rate', 0, 2400, 0, 100000)).*;
SELECT (oba.funnel_points('dsr', 40, 9000)).*;
-- proportions and ratios: the record's own value at its denominator
SELECT (oba.funnel_points('proportion', 140, 250)).*;
SELECT (oba.funnel_points('ratio', 25, 14, per => 100)).*;
-- on the limits' axes: a record exactly on a limit is drawn on that limit's line
SELECT round(l.lower_2s_denominator::numeric, 9) = round((p).denominator::numeric, 9) AS same_x,
       round(l.lower_2s::numeric, 9) = round((p).value::numeric, 9) AS same_y
  FROM oba.funnel_limits('rate', 40, 0.004, 10000) l,
       oba.funnel_points('rate', 40, NULL, 40 / l.lower_2s_denominator * 10000, 10000) p;
-- NULLs
SELECT oba.funnel_points(NULL, 1, 10) IS NULL AS null_statistic,
       oba.funnel_points('proportion', NULL, 10) IS NULL AS null_numerator,
       (oba.funnel_points('proportion', 1, NULL)).value IS NULL AS no_denominator,
       (oba.funnel_points('ratio', 3, 2, per => NULL)).value AS default_per;

-- bad input
SELECT pg_temp.err($$SELECT oba.funnel_points('smr', 5, 10)$$);
SELECT pg_temp.err($$SELECT oba.funnel_points('proportion', 11, 10)$$);
SELECT pg_temp.err($$SELECT oba.funnel_points('proportion', -1, 10)$$);
SELECT pg_temp.err($$SELECT oba.funnel_points('ratio', 1, 0)$$);
SELECT pg_temp.err($$SELECT oba.funnel_points('rate', 5, 100, -1)$$);
SELECT pg_temp.err($$SELECT oba.funnel_points('rate', 5, 100, 0)$$);
SELECT pg_temp.err($$SELECT oba.funnel_points('dsr', 12, 100, 'NaN')$$);
SELECT pg_temp.err($$SELECT oba.funnel_points('rate', 5, 'NaN')$$);
SELECT pg_temp.err($$SELECT oba.funnel_points('rate', 5, 100, 30, 0)$$);
SELECT pg_temp.err($$SELECT oba.funnel_points('rate', 5, 100, 30, 10000, 0)$$);
SELECT pg_temp.err($$SELECT oba.funnel_points('dsr', 'Infinity', 100, 30)$$);
