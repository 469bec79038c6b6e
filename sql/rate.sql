-- oba.rate: crude rates with exact Poisson (events < 10) or Byar limits.
-- Reference numbers are checked in sql/rate_reference.sql; here, behaviour.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- worked examples
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

-- oba.rate_agg: rows in, one rate per group.
CREATE TABLE ward_quarter (ward_code text, quarter text, admissions int, children bigint);
INSERT INTO ward_quarter VALUES
  ('E05002461', '2024-25 Q1', 3, 1200), ('E05002461', '2024-25 Q1', 4, 1310),
  ('E05002461', '2024-25 Q2', 9, 2510), ('E05002462', '2024-25 Q1', 12, 4310),
  ('E05002462', '2024-25 Q2', NULL, 4310), ('E05002462', '2024-25 Q2', 2, NULL),
  ('E05002463', '2024-25 Q1', 0, 0);

-- the aggregate equals the scalar function on the group's sums
SELECT ward_code, quarter, round(value::numeric, 6) AS value, round(lower::numeric, 6) AS lower,
       round(upper::numeric, 6) AS upper, numerator, denominator
  FROM (SELECT ward_code, quarter, (oba.rate_agg(admissions, children)).*
          FROM ward_quarter GROUP BY 1, 2) g
 ORDER BY 1, 2;
SELECT oba.rate_agg(admissions, children) = oba.rate(sum(admissions), sum(children)) AS agg_equals_scalar
  FROM ward_quarter WHERE ward_code = 'E05002461' AND quarter = '2024-25 Q1';
SELECT oba.rate_agg(admissions, children, 100000, 0.998)
     = oba.rate(7, 2510, per => 100000, confidence => 0.998) AS with_per_and_confidence
  FROM ward_quarter WHERE ward_code = 'E05002461' AND quarter = '2024-25 Q1';
SELECT (oba.rate_agg(admissions, children, 1000)).value AS per_1000
  FROM ward_quarter WHERE ward_code = 'E05002461' AND quarter = '2024-25 Q1';

-- empty input, FILTER (WHERE false), all-NULL rows, zero population: NULL
SELECT oba.rate_agg(admissions, children) IS NULL AS empty FROM ward_quarter WHERE false;
SELECT oba.rate_agg(admissions, children) FILTER (WHERE false) IS NULL AS filtered FROM ward_quarter;
SELECT oba.rate_agg(NULL::float8, children) IS NULL AS all_null FROM ward_quarter;

-- bad rows and bad parameters
SELECT pg_temp.err($$SELECT oba.rate_agg(x, 10) FROM (VALUES (1), (-2)) v(x)$$);
SELECT pg_temp.err($$SELECT oba.rate_agg(1, p) FROM (VALUES (10), (-5)) v(p)$$);
SELECT pg_temp.err($$SELECT oba.rate_agg(1, 'NaN'::float8)$$);
SELECT pg_temp.err($$SELECT oba.rate_agg(1, 10, 0)$$);
SELECT pg_temp.err($$SELECT oba.rate_agg(1, 10, 10000, 2)$$);
SELECT pg_temp.err($$SELECT oba.rate_agg(1, 10, p) FROM (VALUES (100), (1000)) v(p)$$);
-- a group whose rows all have population 0: NULL, not an error
SELECT oba.rate_agg(admissions, children) IS NULL AS zero_population
  FROM ward_quarter WHERE ward_code = 'E05002463';

-- a rolling four-quarter rate is a window frame (moving aggregate, exact inverse)
CREATE TABLE quarterly (q int, events int, population int);
INSERT INTO quarterly SELECT q, (q * 7) % 13, 1000 + q * 10 FROM generate_series(1, 10) q;
SELECT q, round((oba.rate_agg(events, population) OVER w).value::numeric, 6) AS rolling,
       round((oba.rate(sum(events) OVER w, sum(population) OVER w)).value::numeric, 6) AS check_scalar
  FROM quarterly
WINDOW w AS (ORDER BY q ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)
 ORDER BY q;
SELECT bool_and(a IS NOT DISTINCT FROM b) AS moving_equals_recomputed
  FROM (SELECT oba.rate_agg(events, population) OVER w AS a,
               oba.rate(sum(events) OVER w, sum(population) OVER w) AS b
          FROM quarterly WINDOW w AS (ORDER BY q ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)) s;
-- fractional counts in the frame: the inverse declines and the frame is recomputed
SELECT bool_and(abs((a).value - (b).value) <= 1e-12 * (b).value) AS fractional_frames
  FROM (SELECT oba.rate_agg(events + 0.25, population) OVER w AS a,
               oba.rate(sum(events + 0.25) OVER w, sum(population) OVER w) AS b
          FROM quarterly WINDOW w AS (ORDER BY q ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)) s;
-- a frame that empties gives NULL
SELECT q, oba.rate_agg(events, population) OVER (ORDER BY q ROWS BETWEEN 3 PRECEDING AND 2 PRECEDING) IS NULL AS empty_frame
  FROM quarterly WHERE q <= 3 ORDER BY q;

-- the aggregate state (oba.agg_state, a float8[] inside) survives a text round trip
SELECT oba.rate_agg_final(oba.rate_agg_combine(
         oba.rate_agg_trans(oba.rate_agg_trans('{0,0,0,0,10000,0.95}', 3, 1200), 4, 1310)::text::oba.agg_state,
         '{0,0,0,0,10000,0.95}')) = oba.rate(7, 2510) AS text_round_trip;
SELECT pg_temp.err($$SELECT oba.rate_agg_final('{1,2,3}')$$);
SELECT pg_temp.err($$SELECT oba.rate_agg_combine('{1,2,1,0,100,0.95}', '{1,2,1,0,1000,0.95}')$$);
SELECT pg_temp.err($$SELECT oba.rate_agg_final('{1,2,-1,0,100,0.95}')$$);
-- the inverse transition removes a row exactly, or declines (NULL) once a value was fractional
SELECT oba.rate_agg_inv('{7,2510,2,0,10000,0.95}', 3, 1200) AS removed,
       oba.rate_agg_inv('{7.5,2510,2,1,10000,0.95}', 3.5, 1200) IS NULL AS declined,
       oba.rate_agg_trans('{0,0,0,0,10000,0.95}', 0.5, 10) AS fractional_marks_inexact,
       oba.rate_agg_trans('{0,0,0,0,10000,0.95}', 1, 9007199254740992) AS beyond_2_53_marks_inexact;
-- integer columns use the int4 and int8 overloads (no cast); same answers
SELECT oba.rate_agg(e::int, p::int) = oba.rate_agg(e::float8, p::float8) AS int4_same,
       oba.rate_agg(e::bigint, p::bigint) = oba.rate_agg(e::float8, p::float8) AS int8_same
  FROM (VALUES (3, 1200), (4, 1310), (9, 2510)) v(e, p);
SELECT pg_temp.err($$SELECT oba.rate_agg(x, 10) FROM (VALUES (1), (-2)) v(x)$$) AS int4_negative;
SELECT q, round((oba.rate_agg(events::bigint, population::bigint) OVER w).value::numeric, 6) AS rolling_int8
  FROM quarterly WINDOW w AS (ORDER BY q ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) ORDER BY q LIMIT 3;

DROP TABLE ward_quarter, quarterly;
