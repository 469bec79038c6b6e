-- The aggregate states of every family follow one set of rules
-- (src/pg/oba_state.h, docs/DESIGN.md "The glue"), checked here on every
-- support function of every oba aggregate, generated from the catalogue:
-- - a malformed state (wrong shape, NULL element, too short; and, for the
--   combine and final functions, which may get a state that came from
--   outside as text, bad values) is 22023 "<aggregate>: invalid aggregate
--   state", never a crash and never a result;
-- - a NULL state: a STRICT function gives NULL (PostgreSQL does not call
--   it), a non-strict one raises 22004 "the aggregate state must not be NULL";
-- - the C function behind oba.<name> is oba_sql_<name> (a suffix only for
--   overloads that are different C functions).
\pset null '(null)'
SET client_min_messages = warning;

-- 'error <SQLSTATE> <message>', or what the call returned: 'null' or 'value'
CREATE FUNCTION pg_temp.outcome(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  is_null boolean;
BEGIN
  EXECUTE 'SELECT (' || q || ') IS NULL' INTO is_null;
  RETURN CASE WHEN is_null THEN 'null' ELSE 'value' END;
EXCEPTION WHEN OTHERS THEN
  RETURN 'error ' || SQLSTATE || ' ' || SQLERRM;
END $$;

-- The C support functions of the aggregates (states float8[], not internal), each with
-- its role and the INITCOND of one of its aggregates (a valid empty state).
CREATE TEMP TABLE support AS
SELECT DISTINCT ON (f.fn) f.fn, f.role, a.agginitval AS init, format_type(a.aggtranstype, NULL) AS stype
  FROM pg_aggregate a
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'oba'
  CROSS JOIN LATERAL (VALUES (a.aggtransfn, 'trans'), (a.aggcombinefn, 'combine'), (a.aggfinalfn, 'final'),
                             (a.aggmtransfn, 'trans'), (a.aggminvtransfn, 'trans')) f(fn, role)
  JOIN pg_proc p ON p.oid = f.fn
 WHERE f.fn <> 0 AND a.aggtranstype <> 'internal'::regtype
   AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
 ORDER BY f.fn, a.aggfnoid;

SELECT role, count(*) AS functions FROM support GROUP BY role ORDER BY role;

-- The arguments after the state: one valid value per type, and where a
-- function reads an argument before its state, a value it accepts there.
CREATE TEMP TABLE arg_value (typ regtype PRIMARY KEY, v text);
INSERT INTO arg_value VALUES
  ('float8', '0.5'), ('int4', '12'), ('int8', '1'), ('bool', 'true'), ('date', '2020-01-01'),
  ('text', 'higher_is_better'), ('float8[]', '{}'), ('date[]', '{}');
CREATE TEMP TABLE arg_override (proname name, pos int, v text, PRIMARY KEY (proname, pos));
INSERT INTO arg_override VALUES
  ('trend_chisq_agg_trans', 5, 'position'),
  ('recent_trend_agg_trans', 7, 'fingertips'),
  ('recent_trend_ci_agg_trans', 8, 'fingertips'),
  ('spc_agg_trans', 9, '6');

-- The call of fn with the state argument(s) given, the others valid.
CREATE FUNCTION pg_temp.call(fn regprocedure, states text[]) RETURNS text LANGUAGE sql AS $$
  SELECT format('%s(%s)', fn::regproc,
                string_agg(CASE WHEN i <= cardinality(states) THEN states[i]
                                ELSE quote_nullable(coalesce(o.v, v.v)) || '::' || format_type(t, NULL) END,
                           ', ' ORDER BY i))
    FROM pg_proc p
    CROSS JOIN LATERAL unnest(p.proargtypes::oid[]) WITH ORDINALITY AS x(t, i)
    LEFT JOIN pg_temp.arg_value v ON v.typ = x.t
    LEFT JOIN pg_temp.arg_override o ON o.proname = p.proname AND o.pos = x.i
   WHERE p.oid = fn
$$;

-- Malformed states: each must be 22023 invalid aggregate state in every
-- support function (in either argument of a combine function).
CREATE TEMP TABLE bad_state (variant text, roles text[], state text);
INSERT INTO bad_state VALUES
  ('2-D', '{trans,combine,final}', $$'{{1,2},{3,4}}'$$),
  ('NULL element', '{trans,combine,final}', $$'{1,NULL,3}'$$),
  ('too short', '{trans,combine,final}', $$'{1}'$$);

CREATE TEMP TABLE result AS
SELECT s.fn, s.role, b.variant, pos,
       pg_temp.outcome(pg_temp.call(s.fn,
         CASE WHEN s.role = 'combine' AND pos = 2 THEN ARRAY[quote_literal(s.init) || '::' || s.stype, b.state || '::' || s.stype]
              WHEN s.role = 'combine' THEN ARRAY[b.state || '::' || s.stype, quote_literal(s.init) || '::' || s.stype]
              ELSE ARRAY[b.state || '::' || s.stype] END)) AS outcome
  FROM support s
  JOIN bad_state b ON s.role = ANY (b.roles)
  CROSS JOIN LATERAL generate_series(1, CASE WHEN s.role = 'combine' THEN 2 ELSE 1 END) pos;

-- Forged values in a state of the right length, for the functions that check
-- values (combine and final): every element -1, and the first NaN.
INSERT INTO result
SELECT s.fn, s.role, v.variant, pos,
       pg_temp.outcome(pg_temp.call(s.fn,
         CASE WHEN s.role = 'combine' AND pos = 2 THEN ARRAY[quote_literal(s.init) || '::' || s.stype, quote_literal(v.state) || '::' || s.stype]
              WHEN s.role = 'combine' THEN ARRAY[quote_literal(v.state) || '::' || s.stype, quote_literal(s.init) || '::' || s.stype]
              ELSE ARRAY[quote_literal(v.state) || '::' || s.stype] END))
  FROM support s
  CROSS JOIN LATERAL (VALUES
    ('all -1', (SELECT array_agg(-1::float8) FROM unnest(s.init::float8[]))::text),
    ('NaN first', ('{NaN}'::float8[] || (s.init::float8[])[2:])::text)) v(variant, state)
  CROSS JOIN LATERAL generate_series(1, CASE WHEN s.role = 'combine' THEN 2 ELSE 1 END) pos
 WHERE s.role IN ('combine', 'final');

-- one line per function: its role and the outcomes (22023 expected throughout)
SELECT fn::regprocedure AS function, role,
       string_agg(DISTINCT split_part(outcome, ' ', 2), ' ') AS sqlstates,
       bool_and(outcome LIKE 'error 22023 oba.%: invalid aggregate state') AS all_invalid_state
  FROM result GROUP BY fn, role ORDER BY fn::regprocedure::text;

-- anything else, in full: none
SELECT fn::regprocedure AS function, variant, pos, outcome
  FROM result WHERE outcome NOT LIKE 'error 22023 oba.%: invalid aggregate state'
 ORDER BY fn::regprocedure::text, variant, pos;

-- A NULL state: NULL from a STRICT function, 22004 from the others.
SELECT s.fn::regprocedure AS function, s.role, p.proisstrict AS strict,
       regexp_replace(pg_temp.outcome(pg_temp.call(s.fn,
         CASE WHEN s.role = 'combine' THEN ARRAY['NULL::' || s.stype, 'NULL::' || s.stype]
              ELSE ARRAY['NULL::' || s.stype] END)), '^error (\w+) oba\.\w+: ', 'error \1 ') AS null_state
  FROM support s JOIN pg_proc p ON p.oid = s.fn
 ORDER BY 1;

-- the rule in one line: no exception
SELECT count(*) AS support_functions,
       count(*) FILTER (WHERE CASE WHEN p.proisstrict THEN o = 'null'
                                   ELSE o LIKE 'error 22004 oba.%: the aggregate state must not be NULL' END) AS follow_the_rule
  FROM support s JOIN pg_proc p ON p.oid = s.fn
  CROSS JOIN LATERAL pg_temp.outcome(pg_temp.call(s.fn,
         CASE WHEN s.role = 'combine' THEN ARRAY['NULL::' || s.stype, 'NULL::' || s.stype]
              ELSE ARRAY['NULL::' || s.stype] END)) o;

-- A good state still works through a direct call, which changes a copy:
-- its input stays as it was.
WITH s AS (SELECT '{0,0,0,0,10000,0.95}'::oba.agg_state AS r, '{0,0,0,0,1,0,0.95}'::oba.agg_state AS b,
                  '{1,1,2,0,0,0,0}'::oba.agg_state AS t)
SELECT oba.rate_agg_trans(r, 3, 100) AS rate_state, r AS rate_input,
       oba.better_off_agg_trans(b, 1, 2) AS better_off_state, b AS better_off_input,
       oba.series_agg_trans(t, 2020, 1.5) AS series_state, t AS series_input
  FROM s;

-- C symbols: every C function of oba is oba_sql_<its SQL name>, with a
-- suffix only where overloads are different C functions.
SELECT p.oid::regprocedure AS function, p.prosrc AS symbol
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'oba'
 WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
   AND p.prosrc !~ ('^oba_sql_' || p.proname || '(_date|_int4|_int8|_two_levels|_values|_one_way|_two_way)?$')
 ORDER BY 1;
-- and a suffix only where overloads are different C functions
SELECT p.proname, array_agg(DISTINCT p.prosrc ORDER BY p.prosrc) AS symbols
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'oba'
 WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
 GROUP BY p.proname
HAVING count(DISTINCT p.prosrc) = 1 AND min(p.prosrc) <> 'oba_sql_' || p.proname
 ORDER BY 1;
