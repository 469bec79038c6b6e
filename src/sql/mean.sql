-- ---------------------------------------------------------------------------
-- mean: the mean of a set of values with a Student-t confidence interval, as
-- PHEindicatormethods phe_mean, from pre-aggregated numbers or from rows.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.mean_estimate AS (
    value       pg_catalog.float8,
    lower       pg_catalog.float8,
    upper       pg_catalog.float8,
    value_sum   pg_catalog.float8,
    value_count pg_catalog.int8,
    stdev       pg_catalog.float8
);

COMMENT ON TYPE @extschema@.mean_estimate IS
'A mean with its Student-t confidence limits (PHEindicatormethods phe_mean): value = value_sum / value_count, stdev the sample standard deviation (divisor value_count - 1), lower and upper = value -/+ |t((1 - confidence)/2; value_count - 1)| stdev / sqrt(value_count). stdev, lower and upper are NULL for a single value. Expand with (f(...)).* for plain columns.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.mean(
    n pg_catalog.int8,
    mean pg_catalog.float8,
    sd pg_catalog.float8,
    confidence pg_catalog.float8 DEFAULT 0.95)
RETURNS @extschema@.mean_estimate
AS 'MODULE_PATHNAME', 'oba_sql_mean'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.mean(pg_catalog.int8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Student-t confidence interval of a mean from pre-aggregated numbers (PHEindicatormethods phe_mean): n values with mean and sample standard deviation sd give mean -/+ |t((1 - confidence)/2; n - 1)| sd / sqrt(n), value_sum = n x mean. NULL when n, mean or confidence is NULL; a NULL sd, or n = 1, gives the value without stdev or limits. Errors (22023): n < 1, sd < 0, non-finite mean or sd, confidence outside (0,1).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.mean_agg_trans(@extschema@.agg_state, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_mean_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.mean_agg_trans(@extschema@.agg_state, pg_catalog.float8) IS
'Transition function of oba.mean_agg(value): adds one value to the state {count, sum, shift (the first value), mean and sum of squared deviations of value - shift, confidence} by Welford''s update.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.mean_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_mean_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.mean_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.mean_agg(value, confidence): adds one value to the state {count, sum, shift (the first value), mean and sum of squared deviations of value - shift, confidence} by Welford''s update.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.mean_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_mean_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.mean_agg: merges two partial states by Chan, Golub and LeVeque''s formula.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.mean_agg_final(@extschema@.agg_state)
RETURNS @extschema@.mean_estimate AS 'MODULE_PATHNAME', 'oba_sql_mean_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_agg_final(@extschema@.agg_state) IS
'Final function of oba.mean_agg: the mean with its Student-t limits; NULL for no values.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mean_agg(value pg_catalog.float8) (
    SFUNC = @extschema@.mean_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,0.95}',
    COMBINEFUNC = @extschema@.mean_agg_combine,
    FINALFUNC = @extschema@.mean_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean_agg(pg_catalog.float8) IS
'Mean of the values with its 95% Student-t confidence interval (PHEindicatormethods phe_mean; METHODS.md 7) as an oba.mean_estimate (value, lower, upper, value_sum, value_count, stdev). NULL values are skipped (the package would return NA); NULL for no values; a single value has no stdev or limits. Parallel safe: the state is {count, sum, shift, mean, sum of squared deviations} kept by Welford''s update of the values less the first and merged by Chan''s formula; no moving-aggregate support (the update has no exact inverse). Errors: a non-finite value (22023), values whose sum overflows (22003).';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mean_agg(value pg_catalog.float8, confidence pg_catalog.float8) (
    SFUNC = @extschema@.mean_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,0.95}',
    COMBINEFUNC = @extschema@.mean_agg_combine,
    FINALFUNC = @extschema@.mean_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean_agg(pg_catalog.float8, pg_catalog.float8) IS
'oba.mean_agg at a given confidence level, which must be the same on every row of a group (22023) and in (0,1) (22023); a NULL confidence is an error (22004).';
