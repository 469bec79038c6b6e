-- oba.proportion: proportions with the Wilson score interval.
-- Reference numbers are checked in sql/proportion_reference.sql; here, behaviour.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

SELECT round(value::numeric, 6) AS value, round(lower::numeric, 6) AS lower,
       round(upper::numeric, 6) AS upper, numerator, denominator
  FROM oba.proportion(231, 402);
SELECT round(value::numeric, 6) AS value, round(lower::numeric, 6) AS lower,
       round(upper::numeric, 6) AS upper
  FROM oba.proportion(231, 402, per => 1, confidence => 0.998);

-- edge cases
SELECT value, lower, round(upper::numeric, 10) AS upper FROM oba.proportion(0, 50);   -- lower exactly 0
SELECT value, round(lower::numeric, 10) AS lower, upper <= 100 AS upper_le_100,
       upper > 99.99 AS upper_near_100 FROM oba.proportion(10, 10);                   -- x = n
SELECT round(value::numeric, 6) AS value FROM oba.proportion(0.445, 1, per => 1);      -- fractional
SELECT value, lower, upper FROM oba.proportion(0, 1, per => 1) WHERE lower = 0;      -- 0/1
SELECT round(upper::numeric - lower::numeric, 8) AS width FROM oba.proportion(5e8, 1e9);  -- huge total

-- NULL in, NULL out
SELECT oba.proportion(NULL, 10) IS NULL AS a, oba.proportion(1, NULL) IS NULL AS b,
       oba.proportion(1, 10, NULL) IS NULL AS c, oba.proportion(1, 10, 100, NULL) IS NULL AS d;

-- bad input
SELECT pg_temp.err($$SELECT oba.proportion(12, 10)$$);
SELECT pg_temp.err($$SELECT oba.proportion(-1, 10)$$);
SELECT pg_temp.err($$SELECT oba.proportion(0, 0)$$);
SELECT pg_temp.err($$SELECT oba.proportion(1, -3)$$);
SELECT pg_temp.err($$SELECT oba.proportion(1, 10, per => 0)$$);
SELECT pg_temp.err($$SELECT oba.proportion(1, 10, confidence => -0.5)$$);
SELECT pg_temp.err($$SELECT oba.proportion(1, 10, confidence => 1.5)$$);
SELECT pg_temp.err($$SELECT oba.proportion('Infinity', 10)$$);
SELECT pg_temp.err($$SELECT oba.proportion(1, 'NaN')$$);

-- oba.proportion_agg: rows in, one proportion per group.
-- empty input, all-NULL rows: NULL
SELECT oba.proportion_agg(x, 10) IS NULL AS no_rows FROM generate_series(1, 0) x;
SELECT oba.proportion_agg(NULL::boolean) IS NULL AS null_flags FROM generate_series(1, 3);

-- proportion_agg over (successes, total) rows
SELECT round(value::numeric, 6) AS value, round(lower::numeric, 6) AS lower,
       round(upper::numeric, 6) AS upper, numerator, denominator
  FROM (SELECT (oba.proportion_agg(s, t)).* FROM (VALUES (100, 200), (131, 202)) v(s, t)) g;
SELECT oba.proportion_agg(s, t) = oba.proportion(231, 402) AS agg_equals_scalar
  FROM (VALUES (100, 200), (131, 202), (NULL, 5), (5, NULL)) v(s, t);
SELECT oba.proportion_agg(s, t, 1, 0.998) = oba.proportion(231, 402, 1, 0.998) AS with_args
  FROM (VALUES (100, 200), (131, 202)) v(s, t);

-- proportion_agg over boolean rows: true over non-NULL
CREATE TABLE births (ward_code text, breastfed_6_8_weeks boolean);
INSERT INTO births SELECT 'W' || (i % 3), CASE WHEN i % 7 = 0 THEN NULL ELSE i % 5 < 3 END
  FROM generate_series(1, 400) i;
SELECT ward_code, round(value::numeric, 4) AS pct, round(lower::numeric, 4) AS lower,
       round(upper::numeric, 4) AS upper, numerator, denominator
  FROM (SELECT ward_code, (oba.proportion_agg(breastfed_6_8_weeks)).* FROM births GROUP BY 1) g
 ORDER BY 1;
SELECT bool_and(p = oba.proportion(s, n)) AS flag_equals_counts
  FROM (SELECT oba.proportion_agg(breastfed_6_8_weeks) AS p,
               count(*) FILTER (WHERE breastfed_6_8_weeks) AS s,
               count(breastfed_6_8_weeks) AS n
          FROM births GROUP BY ward_code) g;
SELECT (oba.proportion_agg(breastfed_6_8_weeks, 1)).value = (oba.proportion_agg(breastfed_6_8_weeks)).value / 100
       AS per_one FROM births;

-- bad rows and bad parameters
SELECT pg_temp.err($$SELECT oba.proportion_agg(s, 10) FROM (VALUES (3), (11)) v(s)$$);
SELECT pg_temp.err($$SELECT oba.proportion_agg(s, 10) FROM (VALUES (3), (-1)) v(s)$$);
SELECT pg_temp.err($$SELECT oba.proportion_agg(true, 100, 0)$$);

-- a rolling frame is a window frame (moving aggregate, exact inverse)
CREATE TABLE quarterly (q int, events int, population int);
INSERT INTO quarterly SELECT q, (q * 7) % 13, 1000 + q * 10 FROM generate_series(1, 10) q;
SELECT bool_and(a IS NOT DISTINCT FROM b) AS proportion_window
  FROM (SELECT oba.proportion_agg(events, population) OVER w AS a,
               oba.proportion(sum(events) OVER w, sum(population) OVER w) AS b
          FROM quarterly WINDOW w AS (ORDER BY q ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) s;
SELECT bool_and(a IS NOT DISTINCT FROM b) AS flag_window
  FROM (SELECT oba.proportion_agg(events > 5) OVER w AS a,
               oba.proportion(count(*) FILTER (WHERE events > 5) OVER w, count(*) OVER w) AS b
          FROM quarterly WINDOW w AS (ORDER BY q ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) s;

-- the inverse transition removes a row exactly
SELECT oba.proportion_flag_agg_inv('{3,5,5,0,100,0.95}', true) AS flag_removed;
-- integer columns use the int4 and int8 overloads (no cast); same answers
SELECT oba.proportion_agg(e::int, p::int) = oba.proportion_agg(e::float8, p::float8) AS p_int4_same,
       oba.proportion_agg(e::bigint, p::bigint) = oba.proportion_agg(e::numeric, p::numeric) AS p_int8_same
  FROM (VALUES (3, 1200), (4, 1310), (9, 2510)) v(e, p);
SELECT pg_temp.err($$SELECT oba.proportion_agg(s, 10::bigint) FROM (VALUES (3::bigint), (11)) v(s)$$) AS int8_exceeds;

DROP TABLE births, quarterly;
