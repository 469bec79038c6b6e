-- ---------------------------------------------------------------------------
-- life_expectancy: life expectancy with confidence limits from an abridged
-- life table of 20 age bands (Chiang II, Silcocks et al. for the 90+ band), as
-- PHEindicatormethods phe_life_expectancy and the PHE calculator (METHODS.md 20).
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.life_expectancy AS (
    at_age          pg_catalog.int4,
    value           pg_catalog.float8,
    lower           pg_catalog.float8,
    upper           pg_catalog.float8,
    standard_error  pg_catalog.float8,
    population      pg_catalog.float8,
    deaths          pg_catalog.float8,
    note            pg_catalog.text
);

COMMENT ON TYPE @extschema@.life_expectancy IS
'Life expectancy at a starting age (at_age) of one area: the value in years with its confidence limits and standard error, the population and deaths of the bands from at_age up, and a note saying why the value is NULL (or 0) when it is. Expand with (oba.life_expectancy_agg(...)).* for plain columns.';

-- Aggregate support. State: float8[45] = {rows, at_age, confidence, rows with
-- NULL deaths or population, bit mask of the bands seen, then deaths and
-- population of each of the 20 bands}.

-- Availability: 0.2
CREATE FUNCTION @extschema@.life_expectancy_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_life_expectancy_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.life_expectancy_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.life_expectancy_agg: adds two partial states band by band (parallel query, distributed engines).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.life_expectancy_agg_final(@extschema@.agg_state)
RETURNS @extschema@.life_expectancy AS 'MODULE_PATHNAME', 'oba_sql_life_expectancy_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.life_expectancy_agg_final(@extschema@.agg_state) IS
'Final function of oba.life_expectancy_agg: the life table of the 20 bands and the oba.life_expectancy record at the group''s at_age; NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.life_expectancy_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_life_expectancy_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.life_expectancy_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.life_expectancy_agg(start_age, deaths, population): adds one age band row to the state of 45 values.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.life_expectancy_agg(start_age pg_catalog.int4, deaths pg_catalog.float8, population pg_catalog.float8) (
    SFUNC = @extschema@.life_expectancy_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 384,
    INITCOND = '{0,0,0.95,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}',
    COMBINEFUNC = @extschema@.life_expectancy_agg_combine,
    FINALFUNC = @extschema@.life_expectancy_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.life_expectancy_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8) IS
'Life expectancy with confidence limits from deaths and population in 20 age bands (at birth, 95% limits). Bands 0, 1-4, 5-9, ..., 85-89 and 90+, each given by its first year of age (start_age 0, 1, 5, ..., 90); rows of the same band add up (LSOA rows make a ward''s table). Chiang''s abridged life table, method II (a = 0.1 in the first year, 0.5 after; q = nM / (1 + (1 - a) nM), 1 when a nM >= 1), the variance of e by Chiang with the 90+ band''s term from Silcocks et al. (4 / (D M^2)), limits e +- z se, as the PHE calculator and PHEindicatormethods phe_life_expectancy. The package''s rules give a NULL value with a note: a band with no rows (missing age bands), a band with population 0, deaths above population in a band, a total population of 5000 or less; and oba adds no deaths in the 90+ band (the package gives NaN/Inf there); the value alone is NULL (limits kept) when the 95% interval is wider than 20 years; 0 (no survivors to this age) when nobody reaches at_age. A row with NULL deaths or population makes the value NULL (missing deaths or population); a NULL start_age is an error (22004), and so are a start_age that starts no band, negative or non-finite deaths or population (22023). NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.life_expectancy_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_life_expectancy_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.life_expectancy_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
'Transition function of oba.life_expectancy_agg(start_age, deaths, population, at_age): adds one age band row to the state of 45 values.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.life_expectancy_agg(start_age pg_catalog.int4, deaths pg_catalog.float8, population pg_catalog.float8, at_age pg_catalog.int4) (
    SFUNC = @extschema@.life_expectancy_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 384,
    INITCOND = '{0,0,0.95,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}',
    COMBINEFUNC = @extschema@.life_expectancy_agg_combine,
    FINALFUNC = @extschema@.life_expectancy_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.life_expectancy_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
'Life expectancy with confidence limits from deaths and population in 20 age bands (at the band starting at at_age, 95% limits). Bands 0, 1-4, 5-9, ..., 85-89 and 90+, each given by its first year of age (start_age 0, 1, 5, ..., 90); rows of the same band add up (LSOA rows make a ward''s table). Chiang''s abridged life table, method II (a = 0.1 in the first year, 0.5 after; q = nM / (1 + (1 - a) nM), 1 when a nM >= 1), the variance of e by Chiang with the 90+ band''s term from Silcocks et al. (4 / (D M^2)), limits e +- z se, as the PHE calculator and PHEindicatormethods phe_life_expectancy. The package''s rules give a NULL value with a note: a band with no rows (missing age bands), a band with population 0, deaths above population in a band, a total population of 5000 or less; and oba adds no deaths in the 90+ band (the package gives NaN/Inf there); the value alone is NULL (limits kept) when the 95% interval is wider than 20 years; 0 (no survivors to this age) when nobody reaches at_age. A row with NULL deaths or population makes the value NULL (missing deaths or population); a NULL start_age is an error (22004), and so are a start_age that starts no band, negative or non-finite deaths or population (22023). NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.life_expectancy_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_life_expectancy_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.life_expectancy_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4, pg_catalog.float8) IS
'Transition function of oba.life_expectancy_agg(start_age, deaths, population, at_age, confidence): adds one age band row to the state of 45 values.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.life_expectancy_agg(start_age pg_catalog.int4, deaths pg_catalog.float8, population pg_catalog.float8, at_age pg_catalog.int4, confidence pg_catalog.float8) (
    SFUNC = @extschema@.life_expectancy_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 384,
    INITCOND = '{0,0,0.95,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}',
    COMBINEFUNC = @extschema@.life_expectancy_agg_combine,
    FINALFUNC = @extschema@.life_expectancy_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.life_expectancy_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4, pg_catalog.float8) IS
'Life expectancy with confidence limits from deaths and population in 20 age bands (at the band starting at at_age, limits at the given confidence; at_age and confidence must be the same for every row of a group). Bands 0, 1-4, 5-9, ..., 85-89 and 90+, each given by its first year of age (start_age 0, 1, 5, ..., 90); rows of the same band add up (LSOA rows make a ward''s table). Chiang''s abridged life table, method II (a = 0.1 in the first year, 0.5 after; q = nM / (1 + (1 - a) nM), 1 when a nM >= 1), the variance of e by Chiang with the 90+ band''s term from Silcocks et al. (4 / (D M^2)), limits e +- z se, as the PHE calculator and PHEindicatormethods phe_life_expectancy. The package''s rules give a NULL value with a note: a band with no rows (missing age bands), a band with population 0, deaths above population in a band, a total population of 5000 or less; and oba adds no deaths in the 90+ band (the package gives NaN/Inf there); the value alone is NULL (limits kept) when the 95% interval is wider than 20 years; 0 (no survivors to this age) when nobody reaches at_age. A row with NULL deaths or population makes the value NULL (missing deaths or population); a NULL start_age is an error (22004), and so are a start_age that starts no band, negative or non-finite deaths or population (22023). NULL for no rows.';
