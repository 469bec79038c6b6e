-- oba.proportion: proportions with the Wilson score interval.
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
