-- oba.agg_state (issue 15): the state of the aggregates whose state is an
-- array of doubles. A float8[] inside; its text is exact whatever
-- extra_float_digits says, so a partial state that a distributed engine
-- (Citus) ships as text from a worker reads back unchanged on the
-- coordinator. sql/distributed.sql does that for every aggregate; this
-- suite checks the type itself.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- Doubles that 15 significant digits do not hold, the extremes, the
-- special values and -0.
CREATE TEMP TABLE v (k int, x float8);
INSERT INTO v VALUES
  (1, 0.1::float8 + 0.2::float8), (2, 1::float8 / 3), (3, 2::float8 / 3), (4, 9007199254740993),
  (5, 4.9e-324), (6, 2.2250738585072014e-308), (7, 1.7976931348623157e308), (8, -1.7976931348623157e308),
  (9, 'NaN'), (10, 'Infinity'), (11, '-Infinity'), (12, '-0'), (13, 0), (14, 1e23), (15, 123456.789),
  (16, -2.5e-7), (17, 1::float8 / 7 * 1e300);
CREATE TEMP TABLE s AS SELECT array_agg(x ORDER BY k)::oba.agg_state AS s FROM v;

-- the same text under every setting: the shortest form that reads back exactly
CREATE TEMP TABLE printed (efd int, txt text);
DO $$
DECLARE
  e int;
BEGIN
  FOREACH e IN ARRAY ARRAY[-15, -1, 0, 1, 2, 3] LOOP
    PERFORM set_config('extra_float_digits', e::text, true);
    INSERT INTO printed SELECT e, s::text FROM s;
  END LOOP;
END $$;
SELECT count(DISTINCT txt) AS distinct_texts, count(*) AS settings FROM printed;
SELECT txt FROM printed WHERE efd = 0;
-- read back, every element is the same double, bit for bit (NaN is NaN)
SET extra_float_digits = 0;
SELECT bool_and(float8send(a) = float8send(b)) AS same_bits,
       count(*) FILTER (WHERE a <> b) AS values_changed
  FROM (SELECT unnest(s::float8[]) AS a, unnest(txt::oba.agg_state::float8[]) AS b
          FROM s, printed WHERE printed.efd = 0) x;
-- where float8[]'s own text, under the same setting, rounds (and the
-- largest doubles do not even read back)
SELECT count(*) AS values, count(*) FILTER (WHERE x <> x::text::float8) AS float8_text_changes
  FROM v WHERE k NOT IN (7, 8);
SELECT pg_temp.err($$SELECT s::float8[]::text::float8[] FROM s$$) AS float8_array_text;
RESET extra_float_digits;

-- array_out's form otherwise: NULLs, several dimensions, lower bounds, empty
SET extra_float_digits = -15;
SELECT '{{1,NULL},{0.1,-0}}'::oba.agg_state AS two_by_two,
       '[0:1][2:3]={{1,NULL},{0.30000000000000004,-0}}'::oba.agg_state AS with_bounds,
       '[-3:-1]={1e-300,2,3}'::oba.agg_state AS negative_bounds,
       '{}'::oba.agg_state AS empty,
       '{{{1},{2}},{{3},{4}}}'::oba.agg_state AS three_dimensions;
RESET extra_float_digits;
SELECT '[0:1][2:3]={{1,NULL},{0.30000000000000004,-0}}'::oba.agg_state::text::oba.agg_state::float8[]
         = '[0:1][2:3]={{1,NULL},{0.30000000000000004,-0}}'::float8[] AS bounds_round_trip;

-- input: any float8[] text (an INITCOND, an old state); errors as float8[]'s
SELECT ' { 1 , 2.50 , "3" } '::oba.agg_state AS spaced_and_quoted;
SELECT pg_temp.err($$SELECT 'x'::oba.agg_state$$);
SELECT pg_temp.err($$SELECT '{1,a}'::oba.agg_state$$);
SELECT pg_temp.err($$SELECT '{1,1e400}'::oba.agg_state$$);
SELECT pg_temp.err($$SELECT '{{1},2}'::oba.agg_state$$);
SELECT NULL::oba.agg_state AS null_state;

-- binary: send is float8[]'s; receive reads it back and refuses another element type
SELECT oba.agg_state_send(s) = array_send(s::float8[]) AS send_is_float8_arrays FROM s;
CREATE TEMP TABLE bin_out (s oba.agg_state);
INSERT INTO bin_out SELECT s FROM s UNION ALL SELECT '[2:3]={NULL,5}' UNION ALL SELECT NULL;
\copy bin_out TO 'results/agg_state_test.bin' (FORMAT binary)
CREATE TEMP TABLE bin_in (s oba.agg_state);
\copy bin_in FROM 'results/agg_state_test.bin' (FORMAT binary)
SELECT count(*) AS rows,
       count(*) FILTER (WHERE i.s IS NULL AND o.s IS NULL
                           OR oba.agg_state_send(i.s) = oba.agg_state_send(o.s)) AS identical
  FROM (SELECT s, row_number() OVER () AS n FROM bin_in) i
  JOIN (SELECT s, row_number() OVER () AS n FROM bin_out) o USING (n);
CREATE TEMP TABLE int8s (a int8[]);
INSERT INTO int8s VALUES ('{1,2}');
\copy int8s TO 'results/agg_state_test.bin' (FORMAT binary)
\set VERBOSITY terse
\copy bin_in FROM 'results/agg_state_test.bin' (FORMAT binary)
\set VERBOSITY default

-- casts: to and from float8[] on assignment or written out, never implicitly
SELECT ('{1,2,3}'::oba.agg_state::float8[])[2] AS second_element;
SELECT '{1,2,3}'::float8[]::oba.agg_state AS from_float8_array;
CREATE TEMP TABLE assigned (s oba.agg_state);
INSERT INTO assigned VALUES ('{4,5}'::float8[]);
SELECT s FROM assigned;
DO $$
DECLARE
  a float8[];
  b oba.agg_state;
BEGIN
  b := '{7,8}'::float8[];
  a := b;
  RAISE NOTICE 'assignment both ways: %', a;
END $$;
-- a support function takes oba.agg_state: a float8[] must be cast
SELECT pg_temp.err($$SELECT oba.rate_agg_final('{3,1200,1,0,10000,0.95}'::float8[])$$);
SELECT (oba.rate_agg_final('{3,1200,1,0,10000,0.95}'::float8[]::oba.agg_state)).value;
-- and an untyped literal is read as a state
SELECT (oba.rate_agg_final('{3,1200,1,0,10000,0.95}')).value;

