-- oba.rate_agg and oba.proportion_agg: rows in, one estimate per group.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

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
SELECT pg_temp.err($$SELECT oba.rate_agg(x, 10) FROM (VALUES (1), (-2)) v(x)$$);
SELECT pg_temp.err($$SELECT oba.rate_agg(1, p) FROM (VALUES (10), (-5)) v(p)$$);
SELECT pg_temp.err($$SELECT oba.rate_agg(1, 'NaN'::float8)$$);
SELECT pg_temp.err($$SELECT oba.rate_agg(1, 10, 0)$$);
SELECT pg_temp.err($$SELECT oba.rate_agg(1, 10, 10000, 2)$$);
SELECT pg_temp.err($$SELECT oba.rate_agg(1, 10, p) FROM (VALUES (100), (1000)) v(p)$$);
SELECT pg_temp.err($$SELECT oba.proportion_agg(s, 10) FROM (VALUES (3), (11)) v(s)$$);
SELECT pg_temp.err($$SELECT oba.proportion_agg(s, 10) FROM (VALUES (3), (-1)) v(s)$$);
SELECT pg_temp.err($$SELECT oba.proportion_agg(true, 100, 0)$$);
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
SELECT bool_and(a IS NOT DISTINCT FROM b) AS proportion_window
  FROM (SELECT oba.proportion_agg(events, population) OVER w AS a,
               oba.proportion(sum(events) OVER w, sum(population) OVER w) AS b
          FROM quarterly WINDOW w AS (ORDER BY q ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) s;
SELECT bool_and(a IS NOT DISTINCT FROM b) AS flag_window
  FROM (SELECT oba.proportion_agg(events > 5) OVER w AS a,
               oba.proportion(count(*) FILTER (WHERE events > 5) OVER w, count(*) OVER w) AS b
          FROM quarterly WINDOW w AS (ORDER BY q ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) s;
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
       oba.rate_agg_trans('{0,0,0,0,10000,0.95}', 1, 9007199254740992) AS beyond_2_53_marks_inexact,
       oba.proportion_flag_agg_inv('{3,5,5,0,100,0.95}', true) AS flag_removed;
-- integer columns use the int4 and int8 overloads (no cast); same answers
SELECT oba.rate_agg(e::int, p::int) = oba.rate_agg(e::float8, p::float8) AS int4_same,
       oba.rate_agg(e::bigint, p::bigint) = oba.rate_agg(e::float8, p::float8) AS int8_same,
       oba.proportion_agg(e::int, p::int) = oba.proportion_agg(e::float8, p::float8) AS p_int4_same,
       oba.proportion_agg(e::bigint, p::bigint) = oba.proportion_agg(e::numeric, p::numeric) AS p_int8_same
  FROM (VALUES (3, 1200), (4, 1310), (9, 2510)) v(e, p);
SELECT pg_temp.err($$SELECT oba.rate_agg(x, 10) FROM (VALUES (1), (-2)) v(x)$$) AS int4_negative;
SELECT pg_temp.err($$SELECT oba.proportion_agg(s, 10::bigint) FROM (VALUES (3::bigint), (11)) v(s)$$) AS int8_exceeds;
SELECT q, round((oba.rate_agg(events::bigint, population::bigint) OVER w).value::numeric, 6) AS rolling_int8
  FROM quarterly WINDOW w AS (ORDER BY q ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) ORDER BY q LIMIT 3;
