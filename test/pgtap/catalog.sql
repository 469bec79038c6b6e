-- Catalogue properties of every function and aggregate in extension oba:
-- a comment, the expected volatility, parallel safety, and for aggregates a
-- combine function, a non-internal state (or serial/deserial) whose text is
-- exact, and a name that is not a built-in aggregate's; internal helpers
-- (and only they) named with a leading underscore.
BEGIN;
SELECT plan(17);

CREATE TEMP VIEW oba_funcs AS
  SELECT p.oid, p.oid::regprocedure::text AS sig, p.proname, p.prokind, p.provolatile,
         p.proparallel, p.proisstrict
    FROM pg_proc p
    JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'oba';

-- Functions that are not IMMUTABLE, with the reason, are listed here.
CREATE TEMP TABLE expected_volatility (proname name PRIMARY KEY, provolatile "char", why text);
INSERT INTO expected_volatility VALUES
  ('observation_check', 'v', 'trigger function: reads oba.indicator as it is now'),
  ('indicator_kind_check', 'v', 'trigger function: reads oba.observation as it is now'),
  ('schedule_refresh', 'v', 'writes a pg_cron job'),
  ('unschedule_refresh', 'v', 'removes a pg_cron job');
-- Functions that are not PARALLEL SAFE, with the reason.
CREATE TEMP TABLE expected_parallel (proname name PRIMARY KEY, proparallel "char", why text);
INSERT INTO expected_parallel VALUES
  ('schedule_refresh', 'u', 'writes a pg_cron job: a parallel worker cannot'),
  ('unschedule_refresh', 'u', 'removes a pg_cron job: a parallel worker cannot');

SELECT cmp_ok((SELECT count(*) FROM oba_funcs), '>=', 30::bigint, 'the extension has its functions');

SELECT is(array(SELECT sig FROM oba_funcs WHERE obj_description(oid, 'pg_proc') IS NULL ORDER BY 1),
          '{}'::text[], 'every function and aggregate has a COMMENT');

SELECT is(array(SELECT f.sig FROM oba_funcs f LEFT JOIN expected_volatility v USING (proname)
                 WHERE f.prokind = 'f' AND f.provolatile <> coalesce(v.provolatile, 'i') ORDER BY 1),
          '{}'::text[], 'every function has its expected volatility (IMMUTABLE unless listed)');

SELECT is(array(SELECT f.sig FROM oba_funcs f LEFT JOIN expected_parallel x USING (proname)
                 WHERE f.proparallel <> coalesce(x.proparallel, 's') ORDER BY 1),
          '{}'::text[], 'every function and aggregate is PARALLEL SAFE (unless listed)');

SELECT is(array(SELECT f.sig FROM oba_funcs f JOIN pg_aggregate a ON a.aggfnoid = f.oid
                 WHERE a.aggcombinefn = 0 ORDER BY 1),
          '{}'::text[], 'every aggregate has a combine function');

SELECT is(array(SELECT f.sig FROM oba_funcs f JOIN pg_aggregate a ON a.aggfnoid = f.oid
                 WHERE a.aggtranstype = 'internal'::regtype
                   AND (a.aggserialfn = 0 OR a.aggdeserialfn = 0) ORDER BY 1),
          '{}'::text[], 'an aggregate with an internal state has serial and deserial functions');

SELECT is(array(SELECT f.sig FROM oba_funcs f
                 WHERE f.prokind = 'a'
                   AND EXISTS (SELECT 1 FROM pg_proc b
                                WHERE b.pronamespace = 'pg_catalog'::regnamespace
                                  AND b.prokind = 'a' AND b.proname = f.proname) ORDER BY 1),
          '{}'::text[], 'no aggregate shares a name with a built-in aggregate');

SELECT is(array(SELECT f.sig FROM oba_funcs f JOIN pg_aggregate a ON a.aggfnoid = f.oid
                 WHERE a.aggkind <> 'n' ORDER BY 1),
          '{}'::text[], 'aggregates are plain (no ORDER BY or WITHIN GROUP needed to split them)');

SELECT is(array(SELECT f.sig FROM oba_funcs f JOIN pg_aggregate a ON a.aggfnoid = f.oid
                 WHERE a.aggtranstype <> 'internal'::regtype
                   AND a.aggcombinefn <> 0
                   AND NOT (SELECT proisstrict FROM pg_proc WHERE oid = a.aggcombinefn) ORDER BY 1),
          '{}'::text[], 'combine functions of initialised states are strict');

-- A distributed engine (Citus) ships partial states as text: the state's
-- text must be exact whatever extra_float_digits says (issue 15,
-- docs/citus.md). So a state is oba.agg_state, or internal with serial
-- functions (bytea, exact), or one of these composites, whose fields must
-- then have exact text forms too (checked below).
CREATE TEMP TABLE composite_states (stype regtype PRIMARY KEY, why text);
INSERT INTO composite_states VALUES
  ('oba._curve_svg_agg_state', 'the rows of a chart: date[] times, oba.agg_state values and the constant arguments');
SELECT is(array(SELECT f.sig || ': ' || format_type(a.aggtranstype, NULL) FROM oba_funcs f JOIN pg_aggregate a ON a.aggfnoid = f.oid
                 WHERE NOT (a.aggtranstype = 'oba.agg_state'::regtype
                            OR (a.aggtranstype = 'internal'::regtype AND a.aggserialfn <> 0)
                            OR a.aggtranstype IN (SELECT stype FROM composite_states))
                    OR (a.aggmtranstype <> 0 AND a.aggmtranstype <> 'oba.agg_state'::regtype) ORDER BY 1),
          '{}'::text[], 'every aggregate''s state is oba.agg_state, internal with serial functions, or a listed composite');
SELECT is(array(SELECT format('%s.%s: %s', c.stype, t.attname, format_type(t.atttypid, NULL))
                  FROM composite_states c JOIN pg_type ct ON ct.oid = c.stype
                  JOIN pg_attribute t ON t.attrelid = ct.typrelid AND t.attnum > 0 AND NOT t.attisdropped
                 WHERE t.atttypid IN ('float4'::regtype, 'float8'::regtype, 'float4[]'::regtype, 'float8[]'::regtype)
                    OR (SELECT typtype FROM pg_type WHERE oid = t.atttypid) = 'c' ORDER BY 1),
          '{}'::text[], 'no field of a composite state is float4 or float8 (their text rounds) or itself composite');

-- Internal helpers (issue 15): a function or type whose comment begins
-- "Internal" is named with a leading underscore, and only those are, so
-- that \df and \dT set them apart and the reference leaves them out
-- (tools/reference-index, test/check-docs). The exceptions: oba.agg_state,
-- a state type users meet (in the support functions' signatures, cast to
-- float8[] to inspect a state), and its input, output, send, receive and cast
-- functions, which carry the type's name. The list is checked against the
-- catalogue so that it cannot excuse anything else.
CREATE TEMP TABLE internal_exceptions (sig text PRIMARY KEY, why text);
INSERT INTO internal_exceptions VALUES
  ('oba.agg_state_in(cstring)', 'input function of oba.agg_state'),
  ('oba.agg_state_out(oba.agg_state)', 'output function of oba.agg_state'),
  ('oba.agg_state_recv(internal)', 'receive function of oba.agg_state'),
  ('oba.agg_state_send(oba.agg_state)', 'send function of oba.agg_state'),
  ('oba.agg_state(double precision[])', 'the cast from float8[] to oba.agg_state'),
  ('oba.agg_state_values(oba.agg_state)', 'the cast from oba.agg_state to float8[]');
SELECT is(array(SELECT sig FROM internal_exceptions ORDER BY 1),
          array(SELECT f::regprocedure::text
                  FROM (SELECT unnest(ARRAY[typinput, typoutput, typreceive, typsend]::oid[]) AS f
                          FROM pg_type WHERE oid = 'oba.agg_state'::regtype
                        UNION SELECT castfunc FROM pg_cast
                         WHERE 'oba.agg_state'::regtype IN (castsource, casttarget)) x ORDER BY 1),
          'the exceptions to the underscore are the I/O and cast functions of oba.agg_state');
SELECT is(array(SELECT f.sig FROM oba_funcs f
                 WHERE obj_description(f.oid, 'pg_proc') LIKE 'Internal%' AND left(f.proname, 1) <> '_'
                   AND f.sig NOT IN (SELECT sig FROM internal_exceptions) ORDER BY 1),
          '{}'::text[], 'every function whose comment begins "Internal" has a name beginning with _ (unless listed)');
SELECT is(array(SELECT f.sig FROM oba_funcs f
                 WHERE left(f.proname, 1) = '_'
                   AND coalesce(obj_description(f.oid, 'pg_proc'), '') NOT LIKE 'Internal%' ORDER BY 1),
          '{}'::text[], 'every function whose name begins with _ has a comment beginning "Internal"');
SELECT is(array(SELECT t.oid::regtype::text FROM pg_type t
                  JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
                  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'oba'
                 WHERE (left(t.typname, 1) = '_') <> coalesce(obj_description(t.oid, 'pg_type') LIKE 'Internal%', false)
                   AND t.oid <> 'oba.agg_state'::regtype
                   -- not the array types PostgreSQL makes (named _<type>;
                   -- extension members too on PostgreSQL 18)
                   AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid) ORDER BY 1),
          '{}'::text[], 'a type is named with a leading _ exactly when its comment begins "Internal" (but oba.agg_state)');

SELECT is(array(SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                 WHERE e.extname = 'oba'),
          ARRAY['oba']::name[], 'oba installs into schema oba');

SELECT ok(has_schema_privilege('public', 'oba', 'USAGE'), 'every role may use schema oba');

SELECT * FROM finish();
ROLLBACK;
