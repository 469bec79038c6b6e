-- ---------------------------------------------------------------------------
-- rate: crude rates per 10,000 with exact Poisson (events < 10) or Byar
-- limits, as PHEindicatormethods phe_rate.
-- ---------------------------------------------------------------------------

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate(
    events pg_catalog.float8,
    population pg_catalog.float8,
    per pg_catalog.float8 DEFAULT 10000,
    confidence pg_catalog.float8 DEFAULT 0.95)
RETURNS @extschema@.estimate
AS 'MODULE_PATHNAME', 'oba_sql_rate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rate(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Crude rate events/population x per (default per 10,000) with a confidence interval (default 95%): exact Poisson limits when events < 10, Byar''s approximation from 10. Events may exceed the population. NULL in gives NULL out; negative events, population <= 0, per <= 0, confidence outside (0,1) or a non-finite value is an error (22023).';

-- Aggregate support. State: float8[6] = {events, population, rows, inexact, per, confidence}.
-- The transition functions cost 2 (cpu_operator_cost units), not C's default
-- 1: measured, one costs about what two built-in sum() transitions do
-- (bench/scale), and at 1 the planner kept a GROUP BY over 50 million rows
-- serial where the plain sums went parallel. So do the other sum-like
-- aggregates' (proportion, dsr, isr, need, apportion, better_off).

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.rate_agg(events, population): adds one row to the state.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.rate_agg(events, population, per): adds one row to the state.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.rate_agg(events, population, per, confidence): adds one row to the state.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.rate_agg(events, population) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.rate_agg(events, population, per) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_inv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.rate_agg(events, population, per, confidence) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact whole numbers.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.rate_agg: adds two partial states (parallel query, distributed engines).';

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_final(@extschema@.agg_state)
RETURNS @extschema@.estimate AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_final(@extschema@.agg_state) IS
'Final function of oba.rate_agg: the rate and its interval from the summed state; NULL for no rows or a total population of 0.';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.rate_agg(events pg_catalog.float8, population pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.rate_agg(pg_catalog.float8, pg_catalog.float8) IS
'Rate per 10,000 with a 95% interval from rows of (events, population): sums both over the group, then as oba.rate. Rows with a NULL are skipped; NULL for no rows or a total population of 0. Works as a window function (rolling frames).';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.rate_agg(events pg_catalog.float8, population pg_catalog.float8, per pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.rate_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Rate per the given multiplier with a 95% interval from rows of (events, population, per); per must be the same on every row of a group. Rows with a NULL are skipped; NULL for no rows or a total population of 0.';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.rate_agg(events pg_catalog.float8, population pg_catalog.float8, per pg_catalog.float8, confidence pg_catalog.float8) (
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
COMMENT ON AGGREGATE @extschema@.rate_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Rate per the given multiplier with an interval at the given confidence from rows of (events, population, per, confidence); per and confidence must be the same on every row of a group. Rows with a NULL are skipped; NULL for no rows or a total population of 0.';

-- Integer overloads of the two-argument form: counts usually live in int or
-- bigint columns, and a cast per row and column is a measurable share of the
-- aggregate's time.

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_trans_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4) IS
'Transition function of oba.rate_agg(events int4, population int4): adds one row to the state without casting to float8.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_inv_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4) IS
'Inverse transition of oba.rate_agg(events int4, population int4) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact.';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.rate_agg(events pg_catalog.int4, population pg_catalog.int4) (
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
COMMENT ON AGGREGATE @extschema@.rate_agg(pg_catalog.int4, pg_catalog.int4) IS
'Rate per 10,000 with a 95% interval from rows of (events, population), as oba.rate_agg(float8, float8). Rows with a NULL are skipped; NULL for no rows or a total population of 0 (int4 columns, read without a cast to float8).';

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_trans_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.rate_agg_trans(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8) IS
'Transition function of oba.rate_agg(events int8, population int8): adds one row to the state without casting to float8.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_rate_agg_inv_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rate_agg_inv(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8) IS
'Inverse transition of oba.rate_agg(events int8, population int8) for window frames: removes one row, or returns NULL (recompute the frame) when the sums are not exact.';

-- Availability: 0.1
CREATE AGGREGATE @extschema@.rate_agg(events pg_catalog.int8, population pg_catalog.int8) (
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
COMMENT ON AGGREGATE @extschema@.rate_agg(pg_catalog.int8, pg_catalog.int8) IS
'Rate per 10,000 with a 95% interval from rows of (events, population), as oba.rate_agg(float8, float8). Rows with a NULL are skipped; NULL for no rows or a total population of 0 (int8 columns, read without a cast to float8).';
