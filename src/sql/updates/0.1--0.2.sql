-- ---------------------------------------------------------------------------
-- Changes to 0.1 objects in 0.2.
-- ---------------------------------------------------------------------------

-- Schema oba belongs to a superuser and nobody else may create objects in it
-- (see the install script, src/sql/header.sql). 0.1, installed by a database
-- owner who is not a superuser, left the schema to that role, which could
-- have added functions there that oba's own calls, or a caller's, would
-- pick: the update takes the schema over and lists, in a WARNING, what in
-- it is not part of oba.
DO $check$
DECLARE
  s pg_catalog.oid := pg_catalog.to_regnamespace('@extschema@');
  ext pg_catalog.oid := (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname = 'oba');
  objects pg_catalog.text[];
BEGIN
  -- what depends on the schema, is no member of oba and is not part of
  -- another object (an array type, a table's row type, an index)
  objects := ARRAY(SELECT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid)
                     FROM pg_catalog.pg_depend d
                    WHERE d.refclassid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.refobjid = s
                      AND NOT (d.classid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.objid = ext)
                      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                                       WHERE x.classid = d.classid AND x.objid = d.objid
                                         AND (x.deptype IN ('i', 'a')
                                              OR (x.deptype = 'e' AND x.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                                                  AND x.refobjid = ext)))
                    ORDER BY 1);
  IF pg_catalog.cardinality(objects) > 0 THEN
    RAISE WARNING 'oba: schema % holds % object(s) that are not part of oba: %', s::pg_catalog.regnamespace,
      pg_catalog.cardinality(objects),
      pg_catalog.array_to_string(objects[1:10], ', ') || CASE WHEN pg_catalog.cardinality(objects) > 10 THEN ', ...' ELSE '' END
      USING DETAIL = 'A function there that matches a call better than oba''s own would run in its place, with the privileges of whoever calls it.',
            HINT = 'Check who made them; drop them or move them to another schema.';
  END IF;
END $check$;
ALTER SCHEMA @extschema@ OWNER TO CURRENT_USER;
DO $check$
DECLARE
  s pg_catalog.oid := pg_catalog.to_regnamespace('@extschema@');
  roles pg_catalog.text[];
BEGIN
  -- PUBLIC, and the roles that are neither superusers nor predefined
  roles := ARRAY(SELECT x.who FROM (
                   SELECT 0 AS k, 'PUBLIC' AS who
                     FROM pg_catalog.pg_namespace n CROSS JOIN LATERAL pg_catalog.aclexplode(n.nspacl) a
                    WHERE n.oid = s AND a.grantee = 0 AND a.privilege_type = 'CREATE'
                   UNION ALL
                   SELECT 1, pg_catalog.quote_ident(r.rolname) FROM pg_catalog.pg_roles r
                    WHERE NOT r.rolsuper AND r.rolname !~ '^pg_' AND pg_catalog.has_schema_privilege(r.oid, s, 'CREATE')) x
                  ORDER BY x.k, x.who);
  IF pg_catalog.cardinality(roles) > 0 THEN
    RAISE EXCEPTION 'oba: roles that are not superusers may create objects in schema %', s::pg_catalog.regnamespace
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('%s role(s) may: %s.', pg_catalog.cardinality(roles),
                                       pg_catalog.array_to_string(roles[1:5], ', ')
                                       || CASE WHEN pg_catalog.cardinality(roles) > 5 THEN ', ...' ELSE '' END),
            HINT = pg_catalog.format('REVOKE CREATE ON SCHEMA %s FROM PUBLIC (and from those roles), then update the extension again.',
                                     s::pg_catalog.regnamespace);
  END IF;
END $check$;

-- The transition functions of rate_agg and proportion_agg cost the planner 2
-- units (cpu_operator_cost), not 1: measured, one costs about what two
-- built-in sum() transitions do (bench/scale), and at 1 the planner kept a
-- GROUP BY over 50 million rows serial where the plain sums went parallel.
-- The new ones below (oba.agg_state) are made with COST 2.

-- BEGIN state-type: written by tools/state-type-upgrade; do not edit
-- The aggregates of 0.1 move from a float8[] state to oba.agg_state, whose
-- text form is exact (src/sql/agg_state.sql, docs/citus.md): new support
-- functions that take and return oba.agg_state (the same C functions), the
-- aggregates replaced in place (same OID: views that call them, comments and
-- privileges stay), and the old float8[] support functions dropped.
-- Replacing an object, which install scripts never do (CVE-2022-2625), is
-- safe here: PostgreSQL refuses, in an extension script, to replace an
-- object that is not already a member of the extension, and these are.

CREATE FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.rate_agg(events, population): adds one row to the state.';
CREATE FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.rate_agg(events, population, per): adds one row to the state.';
CREATE FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.rate_agg(events, population, per, confidence): adds one row to the state.';
CREATE FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.rate_agg(events, population) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';
CREATE FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.rate_agg(events, population, per) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';
CREATE FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.rate_agg(events, population, per, confidence) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';
CREATE FUNCTION @extschema@.rate_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.rate_agg: adds two partial states (parallel query, distributed engines).';
CREATE FUNCTION @extschema@.rate_agg_final(@extschema@.agg_state)
RETURNS @extschema@.estimate AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_final(@extschema@.agg_state) IS
'Final function of oba.rate_agg: the rate and its interval from the summed state; NULL for no rows or a total population of 0.';
CREATE FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_trans_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4) IS
'Transition function of oba.rate_agg(events int4, population int4): adds one row to the state without casting to float8.';
CREATE FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_inv_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4) IS
'Inverse transition of oba.rate_agg(events int4, population int4) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact.';
CREATE FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_trans_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8) IS
'Transition function of oba.rate_agg(events int8, population int8): adds one row to the state without casting to float8.';
CREATE FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_inv_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8) IS
'Inverse transition of oba.rate_agg(events int8, population int8) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact.';
CREATE FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.proportion_agg(successes, total): adds one row to the state.';
CREATE FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.proportion_agg(successes, total, per): adds one row to the state.';
CREATE FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.proportion_agg(successes, total, per, confidence): adds one row to the state.';
CREATE FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.proportion_agg(successes, total) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';
CREATE FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.proportion_agg(successes, total, per) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';
CREATE FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.proportion_agg(successes, total, per, confidence) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';
CREATE FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool) IS
'Transition function of oba.proportion_agg(flag): adds one row to the state.';
CREATE FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8) IS
'Transition function of oba.proportion_agg(flag, per): adds one row to the state.';
CREATE FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.proportion_agg(flag, per, confidence): adds one row to the state.';
CREATE FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool) IS
'Inverse transition of oba.proportion_agg(flag) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';
CREATE FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8) IS
'Inverse transition of oba.proportion_agg(flag, per) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';
CREATE FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.proportion_agg(flag, per, confidence) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';
CREATE FUNCTION @extschema@.proportion_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.proportion_agg: adds two partial states (parallel query, distributed engines).';
CREATE FUNCTION @extschema@.proportion_agg_final(@extschema@.agg_state)
RETURNS @extschema@.estimate AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_final(@extschema@.agg_state) IS
'Final function of oba.proportion_agg: the proportion and its Wilson interval from the summed state; NULL for no rows or a total of 0.';
CREATE FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_trans_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4) IS
'Transition function of oba.proportion_agg(successes int4, total int4): adds one row to the state without casting to float8.';
CREATE FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_inv_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4) IS
'Inverse transition of oba.proportion_agg(successes int4, total int4) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact.';
CREATE FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_trans_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8) IS
'Transition function of oba.proportion_agg(successes int8, total int8): adds one row to the state without casting to float8.';
CREATE FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_inv_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8) IS
'Inverse transition of oba.proportion_agg(successes int8, total int8) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact.';

CREATE OR REPLACE AGGREGATE @extschema@.rate_agg(events pg_catalog.float8, population pg_catalog.float8) (
    SFUNC = @extschema@.rate_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,10000,0.95}',
    COMBINEFUNC = @extschema@.rate_agg_combine,
    FINALFUNC = @extschema@.rate_agg_final,
    MSFUNC = @extschema@.rate_agg_trans,
    MINVFUNC = @extschema@.rate_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,10000,0.95}',
    MFINALFUNC = @extschema@.rate_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.rate_agg(events pg_catalog.float8, population pg_catalog.float8, per pg_catalog.float8) (
    SFUNC = @extschema@.rate_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,10000,0.95}',
    COMBINEFUNC = @extschema@.rate_agg_combine,
    FINALFUNC = @extschema@.rate_agg_final,
    MSFUNC = @extschema@.rate_agg_trans,
    MINVFUNC = @extschema@.rate_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,10000,0.95}',
    MFINALFUNC = @extschema@.rate_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.rate_agg(events pg_catalog.float8, population pg_catalog.float8, per pg_catalog.float8, confidence pg_catalog.float8) (
    SFUNC = @extschema@.rate_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,10000,0.95}',
    COMBINEFUNC = @extschema@.rate_agg_combine,
    FINALFUNC = @extschema@.rate_agg_final,
    MSFUNC = @extschema@.rate_agg_trans,
    MINVFUNC = @extschema@.rate_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,10000,0.95}',
    MFINALFUNC = @extschema@.rate_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.rate_agg(events pg_catalog.int4, population pg_catalog.int4) (
    SFUNC = @extschema@.rate_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,10000,0.95}',
    COMBINEFUNC = @extschema@.rate_agg_combine,
    FINALFUNC = @extschema@.rate_agg_final,
    MSFUNC = @extschema@.rate_agg_trans,
    MINVFUNC = @extschema@.rate_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,10000,0.95}',
    MFINALFUNC = @extschema@.rate_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.rate_agg(events pg_catalog.int8, population pg_catalog.int8) (
    SFUNC = @extschema@.rate_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,10000,0.95}',
    COMBINEFUNC = @extschema@.rate_agg_combine,
    FINALFUNC = @extschema@.rate_agg_final,
    MSFUNC = @extschema@.rate_agg_trans,
    MINVFUNC = @extschema@.rate_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,10000,0.95}',
    MFINALFUNC = @extschema@.rate_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.proportion_agg(successes pg_catalog.float8, total pg_catalog.float8) (
    SFUNC = @extschema@.proportion_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,100,0.95}',
    COMBINEFUNC = @extschema@.proportion_agg_combine,
    FINALFUNC = @extschema@.proportion_agg_final,
    MSFUNC = @extschema@.proportion_agg_trans,
    MINVFUNC = @extschema@.proportion_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,100,0.95}',
    MFINALFUNC = @extschema@.proportion_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.proportion_agg(successes pg_catalog.float8, total pg_catalog.float8, per pg_catalog.float8) (
    SFUNC = @extschema@.proportion_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,100,0.95}',
    COMBINEFUNC = @extschema@.proportion_agg_combine,
    FINALFUNC = @extschema@.proportion_agg_final,
    MSFUNC = @extschema@.proportion_agg_trans,
    MINVFUNC = @extschema@.proportion_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,100,0.95}',
    MFINALFUNC = @extschema@.proportion_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.proportion_agg(successes pg_catalog.float8, total pg_catalog.float8, per pg_catalog.float8, confidence pg_catalog.float8) (
    SFUNC = @extschema@.proportion_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,100,0.95}',
    COMBINEFUNC = @extschema@.proportion_agg_combine,
    FINALFUNC = @extschema@.proportion_agg_final,
    MSFUNC = @extschema@.proportion_agg_trans,
    MINVFUNC = @extschema@.proportion_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,100,0.95}',
    MFINALFUNC = @extschema@.proportion_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.proportion_agg(flag pg_catalog.bool) (
    SFUNC = @extschema@.proportion_flag_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,100,0.95}',
    COMBINEFUNC = @extschema@.proportion_agg_combine,
    FINALFUNC = @extschema@.proportion_agg_final,
    MSFUNC = @extschema@.proportion_flag_agg_trans,
    MINVFUNC = @extschema@.proportion_flag_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,100,0.95}',
    MFINALFUNC = @extschema@.proportion_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.proportion_agg(flag pg_catalog.bool, per pg_catalog.float8) (
    SFUNC = @extschema@.proportion_flag_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,100,0.95}',
    COMBINEFUNC = @extschema@.proportion_agg_combine,
    FINALFUNC = @extschema@.proportion_agg_final,
    MSFUNC = @extschema@.proportion_flag_agg_trans,
    MINVFUNC = @extschema@.proportion_flag_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,100,0.95}',
    MFINALFUNC = @extschema@.proportion_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.proportion_agg(flag pg_catalog.bool, per pg_catalog.float8, confidence pg_catalog.float8) (
    SFUNC = @extschema@.proportion_flag_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,100,0.95}',
    COMBINEFUNC = @extschema@.proportion_agg_combine,
    FINALFUNC = @extschema@.proportion_agg_final,
    MSFUNC = @extschema@.proportion_flag_agg_trans,
    MINVFUNC = @extschema@.proportion_flag_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,100,0.95}',
    MFINALFUNC = @extschema@.proportion_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.proportion_agg(successes pg_catalog.int4, total pg_catalog.int4) (
    SFUNC = @extschema@.proportion_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,100,0.95}',
    COMBINEFUNC = @extschema@.proportion_agg_combine,
    FINALFUNC = @extschema@.proportion_agg_final,
    MSFUNC = @extschema@.proportion_agg_trans,
    MINVFUNC = @extschema@.proportion_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,100,0.95}',
    MFINALFUNC = @extschema@.proportion_agg_final,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.proportion_agg(successes pg_catalog.int8, total pg_catalog.int8) (
    SFUNC = @extschema@.proportion_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,100,0.95}',
    COMBINEFUNC = @extschema@.proportion_agg_combine,
    FINALFUNC = @extschema@.proportion_agg_final,
    MSFUNC = @extschema@.proportion_agg_trans,
    MINVFUNC = @extschema@.proportion_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,100,0.95}',
    MFINALFUNC = @extschema@.proportion_agg_final,
    PARALLEL = SAFE
);

DROP FUNCTION @extschema@.rate_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.rate_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.rate_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.rate_agg_inv(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.rate_agg_inv(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.rate_agg_inv(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.rate_agg_combine(pg_catalog.float8[], pg_catalog.float8[]);
DROP FUNCTION @extschema@.rate_agg_final(pg_catalog.float8[]);
DROP FUNCTION @extschema@.rate_agg_trans(pg_catalog.float8[], pg_catalog.int4, pg_catalog.int4);
DROP FUNCTION @extschema@.rate_agg_inv(pg_catalog.float8[], pg_catalog.int4, pg_catalog.int4);
DROP FUNCTION @extschema@.rate_agg_trans(pg_catalog.float8[], pg_catalog.int8, pg_catalog.int8);
DROP FUNCTION @extschema@.rate_agg_inv(pg_catalog.float8[], pg_catalog.int8, pg_catalog.int8);
DROP FUNCTION @extschema@.proportion_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.proportion_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.proportion_agg_trans(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.proportion_agg_inv(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.proportion_agg_inv(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.proportion_agg_inv(pg_catalog.float8[], pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.proportion_flag_agg_trans(pg_catalog.float8[], pg_catalog.bool);
DROP FUNCTION @extschema@.proportion_flag_agg_trans(pg_catalog.float8[], pg_catalog.bool, pg_catalog.float8);
DROP FUNCTION @extschema@.proportion_flag_agg_trans(pg_catalog.float8[], pg_catalog.bool, pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.proportion_flag_agg_inv(pg_catalog.float8[], pg_catalog.bool);
DROP FUNCTION @extschema@.proportion_flag_agg_inv(pg_catalog.float8[], pg_catalog.bool, pg_catalog.float8);
DROP FUNCTION @extschema@.proportion_flag_agg_inv(pg_catalog.float8[], pg_catalog.bool, pg_catalog.float8, pg_catalog.float8);
DROP FUNCTION @extschema@.proportion_agg_combine(pg_catalog.float8[], pg_catalog.float8[]);
DROP FUNCTION @extschema@.proportion_agg_final(pg_catalog.float8[]);
DROP FUNCTION @extschema@.proportion_agg_trans(pg_catalog.float8[], pg_catalog.int4, pg_catalog.int4);
DROP FUNCTION @extschema@.proportion_agg_inv(pg_catalog.float8[], pg_catalog.int4, pg_catalog.int4);
DROP FUNCTION @extschema@.proportion_agg_trans(pg_catalog.float8[], pg_catalog.int8, pg_catalog.int8);
DROP FUNCTION @extschema@.proportion_agg_inv(pg_catalog.float8[], pg_catalog.int8, pg_catalog.int8);
-- END state-type

-- BEGIN generated by tools/rename-symbols (do not edit by hand)
-- Since 0.2 the C function behind oba.<name> is oba_sql_<name>. The module
-- keeps 0.1's names for 0.1's install script (src/pg/symbol_aliases.c);
-- the 0.1 functions are re-pointed at the new names here, each recreated
-- from its own definition (every other property kept), so that an updated
-- catalogue is a fresh one, prosrc included.
DO $repoint$
DECLARE
  f record;
BEGIN
  FOR f IN
    SELECT p.oid, m.old_symbol, m.new_symbol
      FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                 AND d.objid = p.oid AND d.deptype = 'e'
      JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'oba'
      JOIN (VALUES
      ('obapg_proportion', 'oba_sql_proportion'),
      ('obapg_proportion_combine', 'oba_sql_proportion_agg_combine'),
      ('obapg_proportion_final', 'oba_sql_proportion_agg_final'),
      ('obapg_proportion_flag_inv', 'oba_sql_proportion_flag_agg_inv'),
      ('obapg_proportion_flag_trans', 'oba_sql_proportion_flag_agg_trans'),
      ('obapg_proportion_inv', 'oba_sql_proportion_agg_inv'),
      ('obapg_proportion_inv_int4', 'oba_sql_proportion_agg_inv_int4'),
      ('obapg_proportion_inv_int8', 'oba_sql_proportion_agg_inv_int8'),
      ('obapg_proportion_trans', 'oba_sql_proportion_agg_trans'),
      ('obapg_proportion_trans_int4', 'oba_sql_proportion_agg_trans_int4'),
      ('obapg_proportion_trans_int8', 'oba_sql_proportion_agg_trans_int8'),
      ('obapg_rate', 'oba_sql_rate'),
      ('obapg_rate_combine', 'oba_sql_rate_agg_combine'),
      ('obapg_rate_final', 'oba_sql_rate_agg_final'),
      ('obapg_rate_inv', 'oba_sql_rate_agg_inv'),
      ('obapg_rate_inv_int4', 'oba_sql_rate_agg_inv_int4'),
      ('obapg_rate_inv_int8', 'oba_sql_rate_agg_inv_int8'),
      ('obapg_rate_trans', 'oba_sql_rate_agg_trans'),
      ('obapg_rate_trans_int4', 'oba_sql_rate_agg_trans_int4'),
      ('obapg_rate_trans_int8', 'oba_sql_rate_agg_trans_int8')
           ) m(old_symbol, new_symbol) ON p.prosrc = m.old_symbol
     WHERE p.prolang = (SELECT l.oid FROM pg_catalog.pg_language l WHERE l.lanname = 'c')
  LOOP
    EXECUTE pg_catalog.replace(pg_catalog.pg_get_functiondef(f.oid),
                               '$function$' || f.old_symbol || '$function$',
                               '$function$' || f.new_symbol || '$function$');
  END LOOP;
END $repoint$;
-- END generated by tools/rename-symbols
