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
  '''fuzz_ward''::regclass', '''fuzz_points''::regclass']) v;

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
SELECT p.oid, p.oid::regproc::text AS name, p.prokind, p.proargtypes::oid[] AS argtypes
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname IN ('oba', 'oba_geo')
 WHERE p.prorettype <> 'trigger'::regtype
   AND p.proname NOT IN ('schedule_refresh', 'unschedule_refresh');

CREATE FUNCTION pg_temp.pick(t oid) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT coalesce((SELECT lit FROM pool WHERE typ::regtype = t ORDER BY random() LIMIT 1), 'NULL')
$$;

\pset format unaligned
\pset tuples_only on
\pset footer off
-- scalar and set-returning functions: SELECT f(a, b, ...)
SELECT format('SELECT %s(%s);', f.name,
              (SELECT string_agg(pg_temp.pick(t) || '::' || t::regtype::text, ', ' ORDER BY o)
                 FROM unnest(f.argtypes) WITH ORDINALITY u(t, o)))
  FROM fn f, generate_series(1, :calls) i
 WHERE f.prokind = 'f';
-- aggregates: over a few rows of random arguments, plainly and as a window
SELECT format('SELECT %s(%s) FROM (VALUES %s) v(%s);', f.name,
              (SELECT string_agg('a' || o, ', ' ORDER BY o) FROM unnest(f.argtypes) WITH ORDINALITY u(t, o)),
              (SELECT string_agg('(' || (SELECT string_agg(pg_temp.pick(t) || '::' || t::regtype::text, ', ' ORDER BY o)
                                           FROM unnest(f.argtypes) WITH ORDINALITY u(t, o) WHERE r.k > 0) || ')', ', ')
                 FROM generate_series(1, 1 + (random() * 6)::int) r(k)),
              (SELECT string_agg('a' || o, ', ' ORDER BY o) FROM unnest(f.argtypes) WITH ORDINALITY u(t, o)))
  FROM fn f, generate_series(1, :calls) i
 WHERE f.prokind = 'a';
