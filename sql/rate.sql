-- oba.rate: crude rates with exact Poisson (events < 10) or Byar limits.
-- Reference numbers are checked in sql/reference.sql; here, behaviour.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- the README's examples
SELECT round(value::numeric, 6) AS value, round(lower::numeric, 6) AS lower,
       round(upper::numeric, 6) AS upper, numerator, denominator
  FROM oba.rate(12, 4310);
SELECT round(value::numeric, 4) AS value, round(lower::numeric, 4) AS lower,
       round(upper::numeric, 4) AS upper
  FROM oba.rate(12, 4310, per => 100000, confidence => 0.998);
-- any numeric column type casts implicitly
SELECT (oba.rate(12::int, 4310::bigint)).value = (oba.rate(12.0::numeric, 4310::float8)).value AS same;

-- edge cases
SELECT value, lower, round(upper::numeric, 10) AS upper FROM oba.rate(0, 1000);     -- lower exactly 0
SELECT round(lower::numeric, 6) AS exact_9, round((oba.rate(10, 1000)).lower::numeric, 6) AS byar_10
  FROM oba.rate(9, 1000);                                                         -- the method switch
SELECT value, lower < value AND value < upper AS ordered FROM oba.rate(150, 100, per => 100);  -- events > population is allowed
SELECT value FROM oba.rate(2.5, 10, per => 1);                                    -- fractional (apportioned) counts
SELECT lower > 0 AND upper > lower AS finite FROM oba.rate(3, 1e-9);              -- tiny population
SELECT round(value::numeric, 6) AS value, lower < value AND value < upper AS ordered
  FROM oba.rate(7776456, 7564336677, per => 100000);                                -- huge counts
SELECT upper - lower < (oba.rate(40, 1000, confidence => 0.998)).upper
                     - (oba.rate(40, 1000, confidence => 0.998)).lower AS narrower_at_95
  FROM oba.rate(40, 1000);

-- NULL in, NULL out (STRICT)
SELECT oba.rate(NULL, 100) IS NULL AS null_events, oba.rate(1, NULL) IS NULL AS null_population,
       oba.rate(1, 100, NULL) IS NULL AS null_per, oba.rate(1, 100, 10000, NULL) IS NULL AS null_conf;

-- bad input: SQLSTATE and a message naming the function, argument and value
SELECT pg_temp.err($$SELECT oba.rate(-1, 100)$$);
SELECT pg_temp.err($$SELECT oba.rate(1, 0)$$);
SELECT pg_temp.err($$SELECT oba.rate(1, -10)$$);
SELECT pg_temp.err($$SELECT oba.rate(1, 100, per => 0)$$);
SELECT pg_temp.err($$SELECT oba.rate(1, 100, per => -10000)$$);
SELECT pg_temp.err($$SELECT oba.rate(1, 100, confidence => 0)$$);
SELECT pg_temp.err($$SELECT oba.rate(1, 100, confidence => 1)$$);
SELECT pg_temp.err($$SELECT oba.rate(1, 100, confidence => 95)$$);
SELECT pg_temp.err($$SELECT oba.rate('NaN', 100)$$);
SELECT pg_temp.err($$SELECT oba.rate(1, 'Infinity')$$);
SELECT pg_temp.err($$SELECT oba.rate(1, 100, per => '-Infinity')$$);
SELECT pg_temp.err($$SELECT oba.rate(1, 100, confidence => 'NaN')$$);
