-- ---------------------------------------------------------------------------
-- isr: indirectly standardised ratios and rates (observed over expected from
-- reference band rates, exact or Byar limits), as PHEindicatormethods
-- calculate_ISRatio and calculate_ISRate.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.isr AS (
    observed       pg_catalog.float8,
    expected       pg_catalog.float8,
    reference_rate pg_catalog.float8,
    ratio          pg_catalog.float8,
    ratio_lower    pg_catalog.float8,
    ratio_upper    pg_catalog.float8,
    rate           pg_catalog.float8,
    rate_lower     pg_catalog.float8,
    rate_upper     pg_catalog.float8
);

COMMENT ON TYPE @extschema@.isr IS
'Indirect standardisation of one group: observed and expected counts, the reference rate per the multiplier, the standardised ratio O/E (x 100 for an SMR) and the standardised rate O/E x reference_rate, each with its confidence limits. Expand with (oba.isr_agg(...)).* for plain columns.';

-- Aggregate support. State: float8[7] = {observed, expected, reference events,
-- reference population, rows, per, confidence}.

-- Availability: 0.2
CREATE FUNCTION @extschema@.isr_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_isr_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.isr_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.isr_agg: adds two partial states (parallel query, distributed engines).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.isr_agg_final(@extschema@.agg_state)
RETURNS @extschema@.isr AS 'MODULE_PATHNAME', 'oba_sql_isr_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.isr_agg_final(@extschema@.agg_state) IS
'Final function of oba.isr_agg: the oba.isr record from the state; ratios and rates NULL when nothing is expected; NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.isr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_isr_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.isr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.isr_agg(observed, population, reference_events, reference_population): adds one band row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.isr_agg(observed pg_catalog.float8, population pg_catalog.float8, reference_events pg_catalog.float8, reference_population pg_catalog.float8) (
    SFUNC = @extschema@.isr_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,100000,0.95}',
    COMBINEFUNC = @extschema@.isr_agg_combine,
    FINALFUNC = @extschema@.isr_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.isr_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Indirectly standardised ratio and rate (rate per 100,000 and 95% intervals; PHEindicatormethods calculate_ISRatio and calculate_ISRate): sums over the band rows of a group (one row per band, the local observed count and population beside the reference count and population of the same band): expected = sum(reference_events / reference_population x population), ratio = observed / expected, rate = ratio x reference_rate, with exact Poisson limits of the observed count below 10 and Byar''s from 10, divided by expected. A NULL observed adds nothing to the observed count, a NULL population or reference_events adds nothing to the expected count; a NULL reference_population is an error (22004). Ratios and rates are NULL when the expected count is 0. NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.isr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_isr_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.isr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.isr_agg(observed, population, reference_events, reference_population, per): adds one band row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.isr_agg(observed pg_catalog.float8, population pg_catalog.float8, reference_events pg_catalog.float8, reference_population pg_catalog.float8, per pg_catalog.float8) (
    SFUNC = @extschema@.isr_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,100000,0.95}',
    COMBINEFUNC = @extschema@.isr_agg_combine,
    FINALFUNC = @extschema@.isr_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.isr_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Indirectly standardised ratio and rate (rate per the given multiplier and 95% intervals; PHEindicatormethods calculate_ISRatio and calculate_ISRate): sums over the band rows of a group (one row per band, the local observed count and population beside the reference count and population of the same band): expected = sum(reference_events / reference_population x population), ratio = observed / expected, rate = ratio x reference_rate, with exact Poisson limits of the observed count below 10 and Byar''s from 10, divided by expected. A NULL observed adds nothing to the observed count, a NULL population or reference_events adds nothing to the expected count; a NULL reference_population is an error (22004). Ratios and rates are NULL when the expected count is 0. NULL for no rows. per and confidence must be the same on every row of a group.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.isr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_isr_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.isr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.isr_agg(observed, population, reference_events, reference_population, per, confidence): adds one band row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.isr_agg(observed pg_catalog.float8, population pg_catalog.float8, reference_events pg_catalog.float8, reference_population pg_catalog.float8, per pg_catalog.float8, confidence pg_catalog.float8) (
    SFUNC = @extschema@.isr_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,100000,0.95}',
    COMBINEFUNC = @extschema@.isr_agg_combine,
    FINALFUNC = @extschema@.isr_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.isr_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Indirectly standardised ratio and rate (rate per the given multiplier and intervals at the given confidence; PHEindicatormethods calculate_ISRatio and calculate_ISRate): sums over the band rows of a group (one row per band, the local observed count and population beside the reference count and population of the same band): expected = sum(reference_events / reference_population x population), ratio = observed / expected, rate = ratio x reference_rate, with exact Poisson limits of the observed count below 10 and Byar''s from 10, divided by expected. A NULL observed adds nothing to the observed count, a NULL population or reference_events adds nothing to the expected count; a NULL reference_population is an error (22004). Ratios and rates are NULL when the expected count is 0. NULL for no rows. per and confidence must be the same on every row of a group.';
