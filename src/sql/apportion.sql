-- ---------------------------------------------------------------------------
-- apportion: the arithmetic of apportionment (METHODS.md section 17), for any
-- weights table: largest-remainder rounding, and the weighted sum and mean of
-- source values in a target. The geometry is in the oba_geo extension.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE FUNCTION @extschema@.largest_remainder(parts pg_catalog.float8[])
RETURNS pg_catalog.float8[]
AS 'MODULE_PATHNAME', 'oba_sql_largest_remainder'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.largest_remainder(pg_catalog.float8[]) IS
'Largest-remainder (Hamilton) rounding of one source''s parts: whole numbers, each the part rounded down or up, adding up to the parts'' sum rounded half to even; the units left after rounding down go to the largest fractions, equal fractions to the earlier element. Used to publish apportioned counts as whole numbers that keep every source''s total. NULL in gives NULL out; a NULL element, a negative or non-finite part is an error (22004, 22023).';

-- Aggregate support. State: float8[4] = {sum of value x weight, sum of weight, rows, NULL values}.

-- Availability: 0.2
CREATE FUNCTION @extschema@.apportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_apportion_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.apportion_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.apportion_agg: adds one (value, weight) row to the state; a NULL value is counted, not skipped.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.apportion_mean_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_apportion_mean_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.apportion_mean_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.apportion_mean_agg: adds one (value, weight) row to the state, as oba.apportion_agg_trans does, with messages that name oba.apportion_mean_agg.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.apportion_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_apportion_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.apportion_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.apportion_agg: adds two partial states (parallel query, distributed engines).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.apportion_mean_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_apportion_mean_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.apportion_mean_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.apportion_mean_agg: adds two partial states (parallel query, distributed engines).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.apportion_agg_final(@extschema@.agg_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'oba_sql_apportion_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.apportion_agg_final(@extschema@.agg_state) IS
'Final function of oba.apportion_agg: the sum of value x weight; NULL for no rows or when a value was NULL.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.apportion_mean_agg_final(@extschema@.agg_state)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'oba_sql_apportion_mean_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.apportion_mean_agg_final(@extschema@.agg_state) IS
'Final function of oba.apportion_mean_agg: the sum of value x weight over the sum of weight; NULL for no rows, a NULL value, or a total weight of 0.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.apportion_agg(value pg_catalog.float8, weight pg_catalog.float8) (
    SFUNC = @extschema@.apportion_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0}',
    COMBINEFUNC = @extschema@.apportion_agg_combine,
    FINALFUNC = @extschema@.apportion_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.apportion_agg(pg_catalog.float8, pg_catalog.float8) IS
'A count apportioned to a target from rows of (source value, weight): the sum of value x weight (areal or population weighting of an extensive value). NULL for no rows; NULL when a source value is NULL, since the target''s total is then unknown (skip such sources with FILTER (WHERE value IS NOT NULL)). A NULL, negative or non-finite weight, or a non-finite value, is an error (22004, 22023).';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.apportion_mean_agg(value pg_catalog.float8, weight pg_catalog.float8) (
    SFUNC = @extschema@.apportion_mean_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0}',
    COMBINEFUNC = @extschema@.apportion_mean_agg_combine,
    FINALFUNC = @extschema@.apportion_mean_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.apportion_mean_agg(pg_catalog.float8, pg_catalog.float8) IS
'A rate or mean apportioned to a target from rows of (source value, weight): the sum of value x weight over the sum of weight (intensive values; weight the intersection area or the population placed, not the share). NULL for no rows, a total weight of 0, or when a source value is NULL (skip such sources with FILTER). A NULL, negative or non-finite weight, or a non-finite value, is an error (22004, 22023).';
