-- ---------------------------------------------------------------------------
-- proportion: proportions (default percentages) with the Wilson score
-- interval, as PHEindicatormethods phe_proportion.
-- ---------------------------------------------------------------------------

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion(
    successes pg_catalog.float8,
    total pg_catalog.float8,
    per pg_catalog.float8 DEFAULT 100,
    confidence pg_catalog.float8 DEFAULT 0.95)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'oba_sql_proportion'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.proportion(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Proportion successes/total x per (default a percentage) with a Wilson score interval (default 95%). NULL in gives NULL out; negative successes, total <= 0, successes > total, per <= 0, confidence outside (0,1) or a non-finite value is an error (22023).';

-- Aggregate support. State: float8[6] = {successes, total, rows, inexact, per, confidence}.

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.proportion_agg(successes, total): adds one row to the state.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.proportion_agg(successes, total, per): adds one row to the state.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.proportion_agg(successes, total, per, confidence): adds one row to the state.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.proportion_agg(successes, total) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.proportion_agg(successes, total, per) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.proportion_agg(successes, total, per, confidence) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool) IS
'Transition function of oba.proportion_agg(flag): adds one row to the state.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8) IS
'Transition function of oba.proportion_agg(flag, per): adds one row to the state.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_trans(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.proportion_agg(flag, per, confidence): adds one row to the state.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool) IS
'Inverse transition of oba.proportion_agg(flag) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8) IS
'Inverse transition of oba.proportion_agg(flag, per) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_flag_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_flag_agg_inv(@extschema@.agg_state, pg_catalog.bool, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.proportion_agg(flag, per, confidence) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.proportion_agg: adds two partial states (parallel query, distributed engines).';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_final(@extschema@.agg_state)
RETURNS @extschema@.estimate AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_final(@extschema@.agg_state) IS
'Final function of oba.proportion_agg: the proportion and its Wilson interval from the summed state; NULL for no rows or a total of 0.';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.proportion_agg(successes pg_catalog.float8, total pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.proportion_agg(pg_catalog.float8, pg_catalog.float8) IS
'Percentage with a 95% Wilson interval from rows of (successes, total): sums both over the group, then as oba.proportion. Rows with a NULL are skipped; NULL for no rows or a total of 0. Works as a window function (rolling frames).';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.proportion_agg(successes pg_catalog.float8, total pg_catalog.float8, per pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.proportion_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Proportion per the given multiplier with a 95% Wilson interval from rows of (successes, total, per); per must be the same on every row of a group. Rows with a NULL are skipped; NULL for no rows or a total of 0.';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.proportion_agg(successes pg_catalog.float8, total pg_catalog.float8, per pg_catalog.float8, confidence pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.proportion_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Proportion per the given multiplier with a Wilson interval at the given confidence from rows of (successes, total, per, confidence); both must be the same on every row of a group. Rows with a NULL are skipped; NULL for no rows or a total of 0.';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.proportion_agg(flag pg_catalog.bool) (
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
COMMENT ON AGGREGATE @extschema@.proportion_agg(pg_catalog.bool) IS
'Percentage of rows whose flag is true among rows whose flag is not NULL, with a 95% Wilson interval. NULL for no non-NULL rows. Works as a window function (rolling frames).';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.proportion_agg(flag pg_catalog.bool, per pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.proportion_agg(pg_catalog.bool, pg_catalog.float8) IS
'Proportion per the given multiplier of rows whose flag is true among non-NULL flags, with a 95% Wilson interval; per must be the same on every row of a group. NULL for no non-NULL rows.';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.proportion_agg(flag pg_catalog.bool, per pg_catalog.float8, confidence pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.proportion_agg(pg_catalog.bool, pg_catalog.float8, pg_catalog.float8) IS
'Proportion per the given multiplier of rows whose flag is true among non-NULL flags, with a Wilson interval at the given confidence; both must be the same on every row of a group. NULL for no non-NULL rows.';

-- Integer overloads of the two-argument form (see rate.sql).

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_trans_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4) IS
'Transition function of oba.proportion_agg(successes int4, total int4): adds one row to the state without casting to float8.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_inv_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4) IS
'Inverse transition of oba.proportion_agg(successes int4, total int4) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact.';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.proportion_agg(successes pg_catalog.int4, total pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.proportion_agg(pg_catalog.int4, pg_catalog.int4) IS
'Percentage with a 95% Wilson interval from rows of (successes, total), as oba.proportion_agg(float8, float8). Rows with a NULL are skipped; NULL for no rows or a total of 0 (int4 columns, read without a cast to float8).';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_trans_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.proportion_agg_trans(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8) IS
'Transition function of oba.proportion_agg(successes int8, total int8): adds one row to the state without casting to float8.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_proportion_agg_inv_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.proportion_agg_inv(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8) IS
'Inverse transition of oba.proportion_agg(successes int8, total int8) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact.';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.proportion_agg(successes pg_catalog.int8, total pg_catalog.int8) (
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
COMMENT ON AGGREGATE @extschema@.proportion_agg(pg_catalog.int8, pg_catalog.int8) IS
'Percentage with a 95% Wilson interval from rows of (successes, total), as oba.proportion_agg(float8, float8). Rows with a NULL are skipped; NULL for no rows or a total of 0 (int8 columns, read without a cast to float8).';
