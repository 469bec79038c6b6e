-- ---------------------------------------------------------------------------
-- dsr: directly standardised rates (Dobson limits on Byar's limits of the
-- total count, suppressed below 10 events), as PHEindicatormethods
-- calculate_dsr; the European Standard Population 2013 as oba.esp2013.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE VIEW @extschema@.esp2013 AS
SELECT v.band, v.age_band, v.age_lower, v.age_upper, v.standard_population
  FROM (VALUES
    (1, '0-4', 0, 4, 5000), (2, '5-9', 5, 9, 5500), (3, '10-14', 10, 14, 5500),
    (4, '15-19', 15, 19, 5500), (5, '20-24', 20, 24, 6000), (6, '25-29', 25, 29, 6000),
    (7, '30-34', 30, 34, 6500), (8, '35-39', 35, 39, 7000), (9, '40-44', 40, 44, 7000),
    (10, '45-49', 45, 49, 7000), (11, '50-54', 50, 54, 7000), (12, '55-59', 55, 59, 6500),
    (13, '60-64', 60, 64, 6000), (14, '65-69', 65, 69, 5500), (15, '70-74', 70, 74, 5000),
    (16, '75-79', 75, 79, 4000), (17, '80-84', 80, 84, 2500), (18, '85-89', 85, 89, 1500),
    (19, '90+', 90, NULL, 1000)
  ) AS v(band, age_band, age_lower, age_upper, standard_population);

COMMENT ON VIEW @extschema@.esp2013 IS
'European Standard Population 2013 (Eurostat 2013): 19 five-year age bands, 0-4 to 85-89 and 90+, with their standard populations (sum 100,000). band is 1..19; age_lower and age_upper are the band''s ages in whole years (age_upper NULL for 90+). Join on age_lower; the children''s bands are band 1 to 4.';

GRANT SELECT ON @extschema@.esp2013 TO PUBLIC;

-- Aggregate support. State: float8[8] = {count, population, weighted sum,
-- variance sum, standard population, rows, per, confidence}.

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_dsr_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dsr_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.dsr_agg: adds two partial states (parallel query, distributed engines).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_agg_final(@extschema@.agg_state)
RETURNS @extschema@.estimate AS 'MODULE_PATHNAME', 'oba_sql_dsr_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dsr_agg_final(@extschema@.agg_state) IS
'Final function of oba.dsr_agg: the DSR and its Dobson limits from the state; value and limits NULL when the total count is under 10; NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_dsr_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.dsr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.dsr_agg(events, population, standard_population): adds one age-band row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.dsr_agg(events pg_catalog.float8, population pg_catalog.float8, standard_population pg_catalog.float8) (
    SFUNC = @extschema@.dsr_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,0,100000,0.95}',
    COMBINEFUNC = @extschema@.dsr_agg_combine,
    FINALFUNC = @extschema@.dsr_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dsr_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Directly standardised rate per 100,000 with a 95% interval (PHEindicatormethods calculate_dsr): sums over the age-band rows of a group: value = sum(events x standard_population / population) / sum(standard_population) x per, with Dobson limits (Byar''s limits of the total count). A NULL events counts as 0; NULL population or standard_population is an error (22004). Value and limits are NULL when the total count is under 10 (a DSR on so few events is unreliable and has no exact method), with numerator (total count) and denominator (total population) still given. NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_dsr_agg_trans_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.dsr_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
'Transition function of oba.dsr_agg(events, population, standard_population int4): adds one age-band row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.dsr_agg(events pg_catalog.int4, population pg_catalog.int4, standard_population pg_catalog.int4) (
    SFUNC = @extschema@.dsr_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,0,100000,0.95}',
    COMBINEFUNC = @extschema@.dsr_agg_combine,
    FINALFUNC = @extschema@.dsr_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dsr_agg(pg_catalog.int4, pg_catalog.int4, pg_catalog.int4) IS
'Directly standardised rate per 100,000 with a 95% interval (PHEindicatormethods calculate_dsr): sums over the age-band rows of a group: value = sum(events x standard_population / population) / sum(standard_population) x per, with Dobson limits (Byar''s limits of the total count). A NULL events counts as 0; NULL population or standard_population is an error (22004). Value and limits are NULL when the total count is under 10 (a DSR on so few events is unreliable and has no exact method), with numerator (total count) and denominator (total population) still given. NULL for no rows. (int4 columns, read without a cast to float8)';

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_agg_trans(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_dsr_agg_trans_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.dsr_agg_trans(@extschema@.agg_state, pg_catalog.int8, pg_catalog.int8, pg_catalog.int8) IS
'Transition function of oba.dsr_agg(events, population, standard_population int8): adds one age-band row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.dsr_agg(events pg_catalog.int8, population pg_catalog.int8, standard_population pg_catalog.int8) (
    SFUNC = @extschema@.dsr_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,0,100000,0.95}',
    COMBINEFUNC = @extschema@.dsr_agg_combine,
    FINALFUNC = @extschema@.dsr_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dsr_agg(pg_catalog.int8, pg_catalog.int8, pg_catalog.int8) IS
'Directly standardised rate per 100,000 with a 95% interval (PHEindicatormethods calculate_dsr): sums over the age-band rows of a group: value = sum(events x standard_population / population) / sum(standard_population) x per, with Dobson limits (Byar''s limits of the total count). A NULL events counts as 0; NULL population or standard_population is an error (22004). Value and limits are NULL when the total count is under 10 (a DSR on so few events is unreliable and has no exact method), with numerator (total count) and denominator (total population) still given. NULL for no rows. (int8 columns, read without a cast to float8)';

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_dsr_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.dsr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.dsr_agg(events, population, standard_population, per): adds one age-band row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.dsr_agg(events pg_catalog.float8, population pg_catalog.float8, standard_population pg_catalog.float8, per pg_catalog.float8) (
    SFUNC = @extschema@.dsr_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,0,100000,0.95}',
    COMBINEFUNC = @extschema@.dsr_agg_combine,
    FINALFUNC = @extschema@.dsr_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dsr_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Directly standardised rate per the given multiplier with a 95% interval (PHEindicatormethods calculate_dsr): sums over the age-band rows of a group: value = sum(events x standard_population / population) / sum(standard_population) x per, with Dobson limits (Byar''s limits of the total count). A NULL events counts as 0; NULL population or standard_population is an error (22004). Value and limits are NULL when the total count is under 10 (a DSR on so few events is unreliable and has no exact method), with numerator (total count) and denominator (total population) still given. NULL for no rows. per and confidence must be the same on every row of a group.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_dsr_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.dsr_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.dsr_agg(events, population, standard_population, per, confidence): adds one age-band row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.dsr_agg(events pg_catalog.float8, population pg_catalog.float8, standard_population pg_catalog.float8, per pg_catalog.float8, confidence pg_catalog.float8) (
    SFUNC = @extschema@.dsr_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,0,100000,0.95}',
    COMBINEFUNC = @extschema@.dsr_agg_combine,
    FINALFUNC = @extschema@.dsr_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dsr_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Directly standardised rate per the given multiplier with an interval at the given confidence (PHEindicatormethods calculate_dsr): sums over the age-band rows of a group: value = sum(events x standard_population / population) / sum(standard_population) x per, with Dobson limits (Byar''s limits of the total count). A NULL events counts as 0; NULL population or standard_population is an error (22004). Value and limits are NULL when the total count is under 10 (a DSR on so few events is unreliable and has no exact method), with numerator (total count) and denominator (total population) still given. NULL for no rows. per and confidence must be the same on every row of a group.';

-- Non-independent events: one row per band with events = sum_f f x_f and
-- events_squared = sum_f f^2 x_f over the band's people (x_f people with f events).

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_nonindependent_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_dsr_nonindependent_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dsr_nonindependent_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.dsr_nonindependent_agg: adds two partial states.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_nonindependent_agg_final(@extschema@.agg_state)
RETURNS @extschema@.estimate AS 'MODULE_PATHNAME', 'oba_sql_dsr_nonindependent_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dsr_nonindependent_agg_final(@extschema@.agg_state) IS
'Final function of oba.dsr_nonindependent_agg: the DSR with limits adjusted for non-independent events; value and limits NULL when the total count is under 10; NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_nonindependent_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_dsr_nonindependent_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.dsr_nonindependent_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.dsr_nonindependent_agg(events, events_squared, population, standard_population): adds one age-band row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.dsr_nonindependent_agg(events pg_catalog.float8, events_squared pg_catalog.float8, population pg_catalog.float8, standard_population pg_catalog.float8) (
    SFUNC = @extschema@.dsr_nonindependent_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,0,100000,0.95}',
    COMBINEFUNC = @extschema@.dsr_nonindependent_agg_combine,
    FINALFUNC = @extschema@.dsr_nonindependent_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dsr_nonindependent_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Directly standardised rate per 100,000 with a 95% interval when a person can have several events (PHEindicatormethods calculate_dsr, independent_events = FALSE): one row per age band with events = sum of f x people with f events and events_squared = sum of f^2 x people with f events. The value equals oba.dsr_agg on events; the Dobson limits use the variance sum of events_squared x (standard_population / population)^2, so they are wider. events and events_squared are both NULL (a band without events, counted as 0) or both given; events_squared must be at least events. Value and limits are NULL when the total count is under 10. NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_nonindependent_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_dsr_nonindependent_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.dsr_nonindependent_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.dsr_nonindependent_agg(events, events_squared, population, standard_population, per): adds one age-band row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.dsr_nonindependent_agg(events pg_catalog.float8, events_squared pg_catalog.float8, population pg_catalog.float8, standard_population pg_catalog.float8, per pg_catalog.float8) (
    SFUNC = @extschema@.dsr_nonindependent_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,0,100000,0.95}',
    COMBINEFUNC = @extschema@.dsr_nonindependent_agg_combine,
    FINALFUNC = @extschema@.dsr_nonindependent_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dsr_nonindependent_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Directly standardised rate per the given multiplier with a 95% interval when a person can have several events (PHEindicatormethods calculate_dsr, independent_events = FALSE): one row per age band with events = sum of f x people with f events and events_squared = sum of f^2 x people with f events. The value equals oba.dsr_agg on events; the Dobson limits use the variance sum of events_squared x (standard_population / population)^2, so they are wider. events and events_squared are both NULL (a band without events, counted as 0) or both given; events_squared must be at least events. Value and limits are NULL when the total count is under 10. NULL for no rows. per and confidence must be the same on every row of a group.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.dsr_nonindependent_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_dsr_nonindependent_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.dsr_nonindependent_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.dsr_nonindependent_agg(events, events_squared, population, standard_population, per, confidence): adds one age-band row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.dsr_nonindependent_agg(events pg_catalog.float8, events_squared pg_catalog.float8, population pg_catalog.float8, standard_population pg_catalog.float8, per pg_catalog.float8, confidence pg_catalog.float8) (
    SFUNC = @extschema@.dsr_nonindependent_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,0,100000,0.95}',
    COMBINEFUNC = @extschema@.dsr_nonindependent_agg_combine,
    FINALFUNC = @extschema@.dsr_nonindependent_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.dsr_nonindependent_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Directly standardised rate per the given multiplier with an interval at the given confidence when a person can have several events (PHEindicatormethods calculate_dsr, independent_events = FALSE): one row per age band with events = sum of f x people with f events and events_squared = sum of f^2 x people with f events. The value equals oba.dsr_agg on events; the Dobson limits use the variance sum of events_squared x (standard_population / population)^2, so they are wider. events and events_squared are both NULL (a band without events, counted as 0) or both given; events_squared must be at least events. Value and limits are NULL when the total count is under 10. NULL for no rows. per and confidence must be the same on every row of a group.';
