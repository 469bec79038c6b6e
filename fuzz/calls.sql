-- fuzz/calls.sql: writes random calls of every function and aggregate of the
-- oba and oba_geo extensions, one statement per line, to standard output.
-- Arguments are drawn from the values that break numeric code: NULL, NaN,
-- infinities, zero, negative, huge, tiny, empty and ragged arrays, arrays with
-- NULLs, odd lower bounds, unknown words, long strings, extreme dates.
-- psql variables: calls (per function, default 200), seed (default 1).
\if :{?calls}
\else
\set calls 200
\endif
\if :{?seed}
\else
\set seed 1
\endif
SELECT setseed(:seed / 1000.0) \gset

CREATE TEMP TABLE pool (typ text, lit text);
INSERT INTO pool
SELECT 'float8', v FROM unnest(ARRAY['NULL', '0', '''-0''::float8', '1', '-1', '0.5', '2', '9', '10', '0.95',
  '0.998', '100', '10000', '1e-300', '1e300', '-1e300', '''NaN''::float8', '''Infinity''::float8',
  '''-Infinity''::float8', '9007199254740993', '4.9e-324', '123456.789', '-0.0001', '1.0000000000000002']) v
UNION ALL SELECT 'int4', v FROM unnest(ARRAY['NULL', '0', '1', '-1', '2', '5', '7', '100', '2147483647', '-2147483648']) v
UNION ALL SELECT 'int8', v FROM unnest(ARRAY['NULL', '0', '1', '-1', '9223372036854775807', '-9223372036854775808', '9007199254740993']) v
UNION ALL SELECT 'bool', v FROM unnest(ARRAY['NULL', 'true', 'false']) v
UNION ALL SELECT 'text', v FROM unnest(ARRAY['NULL', '''''', '''higher_is_better''', '''lower_is_better''', '''neutral''',
  '''garbage''', 'repeat(''x'', 100000)', '''point_on_surface''', '''population''', '''total''', '''covered''',
  '''proportion''', '''rate''', '''ratio''', '''dsr''', '''crude''', '''count''', '''isr''', '''primary''', '''0-4''',
  '''2024-25 Q1''', '''how_much''', '''how_well''', '''better_off''', '''mean''', '''geom''', '''code''']) v
UNION ALL SELECT 'date', v FROM unnest(ARRAY['NULL', '''2024-02-29''::date', '''2023-03-01''::date', '''0001-01-01''::date',
  '''4713-01-01 BC''::date', '''5874897-12-31''::date', '''infinity''::date', '''-infinity''::date', 'current_date']) v
UNION ALL SELECT 'float8[]', v FROM unnest(ARRAY['NULL', '''{}''::float8[]', '''{1,2,3}''::float8[]', '''{NaN}''::float8[]',
  '''{NULL,1}''::float8[]', '''{{1,2},{3,4}}''::float8[]', '''[5:7]={1,2,3}''::float8[]', '''{1}''::float8[]',
  '''{1,1,1,1,1}''::float8[]', '''{Infinity,-Infinity}''::float8[]', '''{0,0,0,0,0,0}''::float8[]',
  '''{1,2,1,0,100,0.95}''::float8[]', '''{-1,-2,-3,-4,-5,-6,-7,-8}''::float8[]',
  '(SELECT array_agg(g::float8) FROM generate_series(1, 2000) g)',
  '(SELECT array_agg((g % 7)::float8) FROM generate_series(1, 40) g)',
  '(SELECT array_agg(random() * 100) FROM generate_series(1, 25) g)']) v
UNION ALL SELECT 'int4[]', v FROM unnest(ARRAY['NULL', '''{}''::int4[]', '''{0,5,15}''::int4[]', '''{5,0}''::int4[]', '''{NULL}''::int4[]',
  '''{0,5,5,10}''::int4[]', '''{-1,2147483647}''::int4[]', '''{{0,4},{5,9}}''::int4[]', '''[2:3]={0,5}''::int4[]']) v
UNION ALL SELECT 'int8[]', v FROM unnest(ARRAY['NULL', '''{}''::int8[]', '''{1,2,3}''::int8[]', '''{NULL,1}''::int8[]', '''{-1}''::int8[]']) v
UNION ALL SELECT 'text[]', v FROM unnest(ARRAY['NULL', '''{}''::text[]', '''{a,b,c}''::text[]', '''{NULL,a}''::text[]',
  '''{a,a}''::text[]', '''{{a,b},{c,d}}''::text[]']) v
UNION ALL SELECT 'date[]', v FROM unnest(ARRAY['NULL', '''{}''::date[]', '''{2024-01-01,2024-04-01}''::date[]',
  '''{2024-01-01,2024-01-01}''::date[]', '''{infinity}''::date[]']) v
UNION ALL SELECT 'bool[]', v FROM unnest(ARRAY['NULL', '''{}''::bool[]', '''{t,f,NULL}''::bool[]']) v
UNION ALL SELECT 'regclass', v FROM unnest(ARRAY['NULL', '''pg_class''::regclass', '''fuzz_lsoa''::regclass',
  '''fuzz_ward''::regclass', '''fuzz_points''::regclass', '''fuzz_oa''::regclass', '''fuzz_odd''::regclass',
  '''fuzz_lsoa''::regclass', '''fuzz_ward''::regclass', '''fuzz_oa''::regclass']) v
UNION ALL SELECT 'text', v FROM unnest(ARRAY['''code''', '''geom''', '''population''', '''value''', '''lsoa_code''',
  '''area''', '''best_fit''', '''extensive''', '''intensive''', '''none''', '''point_on_surface''', '''weird col''']) v;

-- composite oba types: NULL and a few shapes, typed by name where they exist
INSERT INTO pool
SELECT t.oid::regtype::text, v
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace,
       unnest(ARRAY['NULL', format('''(1,0,2,1,1)''::%s', t.oid::regtype),
                    format('''(,,,,)''::%s', t.oid::regtype),
                    format('''(NaN,-1,Infinity,0,0)''::%s', t.oid::regtype)]) v
 WHERE n.nspname = 'oba' AND t.typtype = 'c' AND t.typrelid <> 0
   AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c';

CREATE TEMP TABLE fn AS
SELECT p.oid, p.oid::regproc::text AS name, p.prokind, ARRAY(SELECT unnest(p.proargtypes::oid[])) AS argtypes
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname IN ('oba', 'oba_geo')
 WHERE p.prorettype <> 'trigger'::regtype
   AND p.proname NOT IN ('schedule_refresh', 'unschedule_refresh');

-- the words a function's comment quotes ('area', 'covered' ...): half the
-- time a text argument is one of them, so calls get past the keyword checks
CREATE TEMP TABLE words AS
SELECT DISTINCT f.oid, quote_literal(m[1]) AS lit
  FROM fn f, regexp_matches(coalesce(obj_description(f.oid, 'pg_proc'), ''), '''([A-Za-z_0-9 -]{1,30})''', 'g') m;

-- the states of the aggregates whose support function f is (filled below)
CREATE TEMP TABLE states (fns oid[], state float8[]);

-- A literal of type t for argument argname of function f: for a text
-- argument that names a column (*_key, *_geom, *_column, *population,
-- fine_source) usually a column of the geo test tables, else half the time a
-- word its comment quotes; for a state argument of an aggregate's support
-- function, usually a state of that aggregate; otherwise from the pool.
CREATE FUNCTION pg_temp.pick(t oid, f oid DEFAULT 0, argname text DEFAULT '') RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT coalesce(
    CASE WHEN t = 'text'::regtype AND argname ~ '(key|geom|column|population|fine_source)$' AND random() < 0.8
         THEN quote_literal((ARRAY['code', 'geom', 'value', 'population', 'lsoa_code'])[1 + floor(random() * 5)::int])
         WHEN t = 'text'::regtype AND random() < 0.5
         THEN (SELECT lit FROM words w WHERE w.oid = f ORDER BY random() LIMIT 1)
         WHEN t IN ('float8[]'::regtype, 'oba.agg_state'::regtype) AND random() < 0.7
         THEN (SELECT quote_literal(state) || '::float8[]::' || t::regtype::text FROM states s WHERE f = ANY (s.fns) ORDER BY random() LIMIT 1) END,
    (SELECT lit FROM pool WHERE typ::regtype = t ORDER BY random() LIMIT 1), 'NULL')
$$;

-- VALUES rows (k, a1 .. an) for an aggregate call. Half the time an argument
-- after the first is the same on every row (as a parameter must be), and
-- half the time the first is the row number k (distinct times for the
-- time-series aggregates).
CREATE FUNCTION pg_temp.agg_rows(f oid, argtypes oid[]) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  nargs int := cardinality(argtypes);
  nrows int := 1 + (random() * 8)::int;
  fixed text[] := '{}';
  k_first bool := random() < 0.5;
  rows text[] := '{}';
  r text;
  lit text;
BEGIN
  FOR o IN 1 .. nargs LOOP
    fixed := fixed || CASE WHEN o > 1 AND random() < 0.5 THEN pg_temp.pick(argtypes[o], f) END;
  END LOOP;
  FOR k IN 1 .. nrows LOOP
    r := k::text;
    FOR o IN 1 .. nargs LOOP
      IF o = 1 AND k_first AND argtypes[1] IN ('float8'::regtype, 'date'::regtype, 'int4'::regtype, 'int8'::regtype) THEN
        lit := CASE WHEN argtypes[1] = 'date'::regtype THEN format('(date ''2000-01-01'' + %s)', k * 91)
                    ELSE k::text END;
      ELSE
        lit := coalesce(fixed[o], pg_temp.pick(argtypes[o], f));
      END IF;
      r := r || ', ' || lit || '::' || argtypes[o]::regtype::text;
    END LOOP;
    rows := rows || ('(' || r || ')');
  END LOOP;
  RETURN array_to_string(rows, ', ');
END $$;

CREATE FUNCTION pg_temp.arg_list(n int) RETURNS text LANGUAGE sql AS $$
  SELECT string_agg('a' || o, ', ' ORDER BY o) FROM generate_series(1, n) o
$$;

-- Aggregate states, as the support functions get them: the initial states,
-- states that each aggregate's own transition function built from random
-- rows, and those states with one element changed or the array cut short or
-- lengthened. A support function usually gets a state of its own aggregate,
-- sometimes any state of the pool (another aggregate's, a damaged one).
CREATE FUNCTION pg_temp.support_fns(a pg_aggregate) RETURNS oid[] LANGUAGE sql AS $$
  SELECT ARRAY[a.aggtransfn, a.aggcombinefn, a.aggfinalfn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn]::oid[]
$$;
INSERT INTO states
SELECT pg_temp.support_fns(a), agginitval::float8[]
  FROM pg_aggregate a JOIN fn f ON f.oid = a.aggfnoid
 WHERE agginitval IS NOT NULL;
DO $$
DECLARE
  f record;
  st float8[];
  argtypes text;
BEGIN
  -- the aggregates whose state is a float8[] inside (oba.agg_state)
  FOR f IN SELECT fn.oid, fn.argtypes, a.aggtransfn, a.agginitval, pg_temp.support_fns(a) AS fns
             FROM fn JOIN pg_aggregate a ON a.aggfnoid = fn.oid
            WHERE a.aggtranstype = 'oba.agg_state'::regtype LOOP
    SELECT string_agg(format_type(t, NULL), ', ') INTO argtypes FROM unnest(f.argtypes) t;
    EXECUTE format('CREATE AGGREGATE pg_temp.state_only(%s) (SFUNC = %s, STYPE = oba.agg_state%s)',
                   argtypes, f.aggtransfn::regproc,
                   CASE WHEN f.agginitval IS NULL THEN '' ELSE format(', INITCOND = %L', f.agginitval) END);
    FOR i IN 1 .. 6 LOOP
      BEGIN
        EXECUTE format('SELECT pg_temp.state_only(%s)::float8[] FROM (VALUES %s) v(k, %s)',
                       pg_temp.arg_list(cardinality(f.argtypes)), pg_temp.agg_rows(f.oid, f.argtypes),
                       pg_temp.arg_list(cardinality(f.argtypes))) INTO st;
        INSERT INTO states VALUES (f.fns, st);
      EXCEPTION WHEN OTHERS THEN
        NULL;
      END;
    END LOOP;
    EXECUTE format('DROP AGGREGATE pg_temp.state_only(%s)', argtypes);
  END LOOP;
END $$;
DELETE FROM states WHERE state IS NULL;
INSERT INTO states
SELECT fns, CASE m WHEN 0 THEN state[1:cardinality(state) - 1]
                   WHEN 1 THEN state || x
                   ELSE state[1:j - 1] || x || state[j + 1:] END
  FROM states, generate_series(1, 2) g,
       LATERAL (SELECT floor(random() * 3 + 0 * g)::int AS m, 1 + floor(random() * cardinality(state))::int AS j,
                       (ARRAY['NaN', 'Infinity', '-1', '0', '1e300', '0.5', '-1e-300', '7', '1e18'])[1 + floor(random() * 9)::int]::float8 AS x) r
 WHERE cardinality(state) > 0;
INSERT INTO pool SELECT DISTINCT 'float8[]', quote_literal(state) || '::float8[]' FROM states;
-- a state argument (oba.agg_state) gets any float8[] of the pool, cast
INSERT INTO pool SELECT 'oba.agg_state', CASE WHEN lit = 'NULL' THEN lit ELSE lit || '::oba.agg_state' END
  FROM pool WHERE typ = 'float8[]';

\pset format unaligned
\pset tuples_only on
\pset footer off
-- scalar and set-returning functions: SELECT f(a, b, ...). A function with
-- defaults gets, half the time, only its required arguments positionally and
-- a few optional ones by name (so the geo functions are reached with sensible
-- tables, keys and columns, as well as with hostile ones).
CREATE FUNCTION pg_temp.fn_call(f oid) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  p pg_proc%ROWTYPE;
  argtypes oid[];
  nreq int;
  parts text[] := '{}';
  use_defaults bool := random() < 0.5;
  p_optional float8;
BEGIN
  SELECT * INTO p FROM pg_proc WHERE oid = f;
  argtypes := ARRAY(SELECT unnest(p.proargtypes::oid[]));
  nreq := cardinality(argtypes) - CASE WHEN use_defaults THEN p.pronargdefaults ELSE 0 END;
  p_optional := least(0.34, 1.5 / greatest(p.pronargdefaults, 1));
  FOR o IN 1 .. coalesce(cardinality(argtypes), 0) LOOP
    IF o <= nreq THEN
      parts := parts || (pg_temp.pick(argtypes[o], f, coalesce(p.proargnames[o], '')) || '::' || argtypes[o]::regtype::text);
    ELSIF random() < p_optional THEN
      parts := parts || format('%I => %s::%s', p.proargnames[o], pg_temp.pick(argtypes[o], f, p.proargnames[o]),
                               argtypes[o]::regtype);
    END IF;
  END LOOP;
  RETURN format('SELECT %s(%s);', f::regproc, array_to_string(parts, ', '));
END $$;
SELECT pg_temp.fn_call(f.oid)
  FROM fn f, generate_series(1, :calls) i
 WHERE f.prokind = 'f';

-- aggregates: over a few rows of random arguments, plainly and as a window
-- (a growing frame, a whole-partition frame, and sliding frames, which
-- exercise the inverse transition of the moving-aggregate forms)
CREATE FUNCTION pg_temp.agg_call(f oid, argtypes oid[]) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT format('SELECT %s(%s)%s FROM (VALUES %s) v(k, %s);', f::regproc, pg_temp.arg_list(cardinality(argtypes)),
                CASE (random() * 6)::int
                  WHEN 0 THEN ' OVER ()'
                  WHEN 1 THEN ' OVER (ORDER BY k)'
                  WHEN 2 THEN ' OVER (ORDER BY k ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)'
                  WHEN 3 THEN ' OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW)'
                  ELSE '' END,
                pg_temp.agg_rows(f, argtypes), pg_temp.arg_list(cardinality(argtypes)))
$$;
SELECT pg_temp.agg_call(f.oid, f.argtypes)
  FROM fn f, generate_series(1, :calls) i
 WHERE f.prokind = 'a';
