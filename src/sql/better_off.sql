-- ---------------------------------------------------------------------------
-- better_off: "Is anyone better off?" from clients' before and after scores:
-- the counts better, same and worse, and the percentage better with its
-- Wilson score interval (as oba.proportion).
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.better_off AS (
    measured     pg_catalog.int8,
    better       pg_catalog.int8,
    same         pg_catalog.int8,
    worse        pg_catalog.int8,
    pct_better   pg_catalog.float8,
    lower        pg_catalog.float8,
    upper        pg_catalog.float8,
    not_measured pg_catalog.int8
);

COMMENT ON TYPE @extschema@.better_off IS
'The result of oba.better_off_agg: clients measured (both scores present), better, same and worse; the percentage better with its Wilson interval (NULL when none was measured); and rows not measured (a score missing). Expand with (oba.better_off_agg(...)).* for plain columns.';

-- Aggregate support. State: float8[7] = {better, same, worse, not_measured, polarity (+1 higher, -1 lower), min_change, confidence}.

-- Availability: 0.2
CREATE FUNCTION @extschema@.better_off_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_better_off_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.better_off_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.better_off_agg(before, after): counts one row in the state (not STRICT: a row with a missing score is counted as not measured).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.better_off_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_better_off_agg_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.better_off_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.better_off_agg(before, after) for window frames: uncounts one row (counts remove exactly).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.better_off_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_better_off_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.better_off_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.better_off_agg(before, after, polarity): counts one row in the state (not STRICT: a row with a missing score is counted as not measured).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.better_off_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_better_off_agg_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.better_off_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Inverse transition of oba.better_off_agg(before, after, polarity) for window frames: uncounts one row (counts remove exactly).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.better_off_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_better_off_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.better_off_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8) IS
'Transition function of oba.better_off_agg(before, after, polarity, min_change): counts one row in the state (not STRICT: a row with a missing score is counted as not measured).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.better_off_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_better_off_agg_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.better_off_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8) IS
'Inverse transition of oba.better_off_agg(before, after, polarity, min_change) for window frames: uncounts one row (counts remove exactly).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.better_off_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_better_off_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.better_off_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.better_off_agg(before, after, polarity, min_change, confidence): counts one row in the state (not STRICT: a row with a missing score is counted as not measured).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.better_off_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_better_off_agg_inv'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.better_off_agg_inv(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.float8) IS
'Inverse transition of oba.better_off_agg(before, after, polarity, min_change, confidence) for window frames: uncounts one row (counts remove exactly).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.better_off_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_better_off_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.better_off_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.better_off_agg: adds two partial states (parallel query, distributed engines).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.better_off_agg_final(@extschema@.agg_state)
RETURNS @extschema@.better_off AS 'MODULE_PATHNAME', 'oba_sql_better_off_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.better_off_agg_final(@extschema@.agg_state) IS
'Final function of oba.better_off_agg: the counts and the percentage better with its Wilson interval; NULL for a group without rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.better_off_agg(before pg_catalog.float8, after pg_catalog.float8) (
    SFUNC = @extschema@.better_off_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,1,0,0.95}',
    COMBINEFUNC = @extschema@.better_off_agg_combine,
    FINALFUNC = @extschema@.better_off_agg_final,
    MSFUNC = @extschema@.better_off_agg_trans,
    MINVFUNC = @extschema@.better_off_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,1,0,0.95}',
    MFINALFUNC = @extschema@.better_off_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.better_off_agg(pg_catalog.float8, pg_catalog.float8) IS
'Is anyone better off? From rows of (before, after) scores where higher is better: measured, better (after > before), same, worse, the percentage better with a 95% Wilson interval, and not_measured (rows with a NULL score, which are not in the percentage). NULL for no rows. Works as a window function.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.better_off_agg(before pg_catalog.float8, after pg_catalog.float8, polarity pg_catalog.text) (
    SFUNC = @extschema@.better_off_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,1,0,0.95}',
    COMBINEFUNC = @extschema@.better_off_agg_combine,
    FINALFUNC = @extschema@.better_off_agg_final,
    MSFUNC = @extschema@.better_off_agg_trans,
    MINVFUNC = @extschema@.better_off_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,1,0,0.95}',
    MFINALFUNC = @extschema@.better_off_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.better_off_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'As oba.better_off_agg(before, after) with polarity higher_is_better or lower_is_better, the same on every row of a group; neutral and any other value are errors (22023).';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.better_off_agg(before pg_catalog.float8, after pg_catalog.float8, polarity pg_catalog.text, min_change pg_catalog.float8) (
    SFUNC = @extschema@.better_off_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,1,0,0.95}',
    COMBINEFUNC = @extschema@.better_off_agg_combine,
    FINALFUNC = @extschema@.better_off_agg_final,
    MSFUNC = @extschema@.better_off_agg_trans,
    MINVFUNC = @extschema@.better_off_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,1,0,0.95}',
    MFINALFUNC = @extschema@.better_off_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.better_off_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8) IS
'As oba.better_off_agg(before, after, polarity) where the change in the good direction must be at least min_change (>= 0, the same on every row) to count as better, and at least min_change the other way to count as worse; smaller changes count as the same.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.better_off_agg(before pg_catalog.float8, after pg_catalog.float8, polarity pg_catalog.text, min_change pg_catalog.float8, confidence pg_catalog.float8) (
    SFUNC = @extschema@.better_off_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,1,0,0.95}',
    COMBINEFUNC = @extschema@.better_off_agg_combine,
    FINALFUNC = @extschema@.better_off_agg_final,
    MSFUNC = @extschema@.better_off_agg_trans,
    MINVFUNC = @extschema@.better_off_agg_inv,
    MSTYPE = @extschema@.agg_state,
    MINITCOND = '{0,0,0,0,1,0,0.95}',
    MFINALFUNC = @extschema@.better_off_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.better_off_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.float8) IS
'As oba.better_off_agg(before, after, polarity, min_change) with the Wilson interval at the given confidence in (0,1), the same on every row of a group.';
