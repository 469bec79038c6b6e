-- ---------------------------------------------------------------------------
-- sii: the slope index of inequality (SII) and relative index of inequality
-- (RII) across quantiles of deprivation, with confidence limits by
-- simulation, as PHEindicatormethods phe_sii (METHODS.md 19).
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.sii AS (
    quantiles   pg_catalog.int4,
    population  pg_catalog.float8,
    intercept   pg_catalog.float8,
    sii         pg_catalog.float8,
    sii_lower   pg_catalog.float8,
    sii_upper   pg_catalog.float8,
    rii         pg_catalog.float8,
    rii_lower   pg_catalog.float8,
    rii_upper   pg_catalog.float8
);

COMMENT ON TYPE @extschema@.sii IS
'The slope and relative index of inequality of one area: the number of quantiles and their population, the fitted value at the most deprived end (intercept, x |multiplier|), the SII (fitted value at the last quantile''s end minus the first''s, x multiplier) and the RII (their ratio) with simulated confidence limits. Expand with (oba.sii_agg(...)).* for plain columns.';

-- Aggregate support. State: float8[] = {version 1, kind (1 limits, 2 se),
-- value_type, transform, multiplier, confidence, repetitions, seed, rows,
-- then 5 values a row: quantile, population, value, lower or se, upper or 0}.

-- Availability: 0.2
CREATE FUNCTION @extschema@.sii_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_sii_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sii_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.sii_agg and oba.sii_se_agg: concatenates the quantile rows of two partial states (parallel query, distributed engines); at most 100 quantiles (54000).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.sii_agg_final(@extschema@.agg_state)
RETURNS @extschema@.sii AS 'MODULE_PATHNAME', 'oba_sql_sii_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sii_agg_final(@extschema@.agg_state) IS
'Final function of oba.sii_agg and oba.sii_se_agg: sorts the quantiles by label, fits the SII and RII and simulates their limits; NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.sii_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_sii_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.sii_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.sii_agg(quantile, population, value, lower, upper): adds one quantile row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.sii_agg(quantile pg_catalog.int4, population pg_catalog.float8, value pg_catalog.float8, lower pg_catalog.float8, upper pg_catalog.float8) (
    SFUNC = @extschema@.sii_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 512,
    INITCOND = '{1,1,0,0,1,0.95,100000,1,0}',
    COMBINEFUNC = @extschema@.sii_agg_combine,
    FINALFUNC = @extschema@.sii_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sii_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Slope index of inequality and relative index of inequality across quantiles, from each quantile''s value and 95% confidence limits (PHEindicatormethods phe_sii; value_type normal, no transformation, multiplier 1, 95% limits from 100,000 repetitions, seed 1). Quantiles are ordered by their integer label (1 = most deprived, as oba.decile gives). Each quantile''s relative rank is the midpoint of its share of the cumulative population; the SII is the slope of the least-squares line of value on rank weighted by population share (Low & Low 2004), the fitted value at rank 1 minus rank 0; the RII the ratio of the two fitted values. Limits: every quantile''s value drawn repetitions times from a normal distribution (on the log scale for value_type rate, logit for proportion), the line refitted each time, and the draws at positions round(R(1-c)) and round(Rc), c = confidence + (1-confidence)/2, taken as the limits, as phe_sii; the draws come from oba''s own seeded generator (xoshiro256**; seed), so the same seed gives the same limits, and limits agree with the package only within Monte-Carlo error. The standard error of a quantile is (upper - lower) / (2 qnorm(0.975)) on the value''s scale (log for a rate, logit for a proportion). value_type normal, rate or proportion (of 1); transform true (rates and proportions) fits the line to log rates or logit proportions and takes the SII, RII and limits back to the value''s scale; multiplier scales the SII (e.g. 100 for percentage points) and a negative one reverses the polarity (RII inverted); confidence in (0,1), repetitions 1,000 to 1,000,000 (54000 above), seed any integer; the parameters must be the same for every row of a group. A group with fewer than 5 quantiles, or a quantile whose value or limits are NULL, gives NULL estimates (quantiles and population still reported); more than 100 quantiles is refused (54000). Errors: a NULL quantile or population (22004); a duplicate quantile, population <= 0, a rate or a limit of a rate <= 0, a proportion or its limit outside (0,1), lower > upper, a negative se (22023). NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.sii_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_sii_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.sii_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.sii_agg(quantile, population, value, lower, upper, value_type): adds one quantile row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.sii_agg(quantile pg_catalog.int4, population pg_catalog.float8, value pg_catalog.float8, lower pg_catalog.float8, upper pg_catalog.float8, value_type pg_catalog.text) (
    SFUNC = @extschema@.sii_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 512,
    INITCOND = '{1,1,0,0,1,0.95,100000,1,0}',
    COMBINEFUNC = @extschema@.sii_agg_combine,
    FINALFUNC = @extschema@.sii_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sii_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Slope index of inequality and relative index of inequality across quantiles, from each quantile''s value and 95% confidence limits (PHEindicatormethods phe_sii; no transformation, multiplier 1, 95% limits from 100,000 repetitions, seed 1). Quantiles are ordered by their integer label (1 = most deprived, as oba.decile gives). Each quantile''s relative rank is the midpoint of its share of the cumulative population; the SII is the slope of the least-squares line of value on rank weighted by population share (Low & Low 2004), the fitted value at rank 1 minus rank 0; the RII the ratio of the two fitted values. Limits: every quantile''s value drawn repetitions times from a normal distribution (on the log scale for value_type rate, logit for proportion), the line refitted each time, and the draws at positions round(R(1-c)) and round(Rc), c = confidence + (1-confidence)/2, taken as the limits, as phe_sii; the draws come from oba''s own seeded generator (xoshiro256**; seed), so the same seed gives the same limits, and limits agree with the package only within Monte-Carlo error. The standard error of a quantile is (upper - lower) / (2 qnorm(0.975)) on the value''s scale (log for a rate, logit for a proportion). value_type normal, rate or proportion (of 1); transform true (rates and proportions) fits the line to log rates or logit proportions and takes the SII, RII and limits back to the value''s scale; multiplier scales the SII (e.g. 100 for percentage points) and a negative one reverses the polarity (RII inverted); confidence in (0,1), repetitions 1,000 to 1,000,000 (54000 above), seed any integer; the parameters must be the same for every row of a group. A group with fewer than 5 quantiles, or a quantile whose value or limits are NULL, gives NULL estimates (quantiles and population still reported); more than 100 quantiles is refused (54000). Errors: a NULL quantile or population (22004); a duplicate quantile, population <= 0, a rate or a limit of a rate <= 0, a proportion or its limit outside (0,1), lower > upper, a negative se (22023). NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.sii_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.bool)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_sii_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.sii_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.bool) IS
'Transition function of oba.sii_agg(quantile, population, value, lower, upper, value_type, transform): adds one quantile row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.sii_agg(quantile pg_catalog.int4, population pg_catalog.float8, value pg_catalog.float8, lower pg_catalog.float8, upper pg_catalog.float8, value_type pg_catalog.text, transform pg_catalog.bool) (
    SFUNC = @extschema@.sii_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 512,
    INITCOND = '{1,1,0,0,1,0.95,100000,1,0}',
    COMBINEFUNC = @extschema@.sii_agg_combine,
    FINALFUNC = @extschema@.sii_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sii_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.bool) IS
'Slope index of inequality and relative index of inequality across quantiles, from each quantile''s value and 95% confidence limits (PHEindicatormethods phe_sii; multiplier 1, 95% limits from 100,000 repetitions, seed 1). Quantiles are ordered by their integer label (1 = most deprived, as oba.decile gives). Each quantile''s relative rank is the midpoint of its share of the cumulative population; the SII is the slope of the least-squares line of value on rank weighted by population share (Low & Low 2004), the fitted value at rank 1 minus rank 0; the RII the ratio of the two fitted values. Limits: every quantile''s value drawn repetitions times from a normal distribution (on the log scale for value_type rate, logit for proportion), the line refitted each time, and the draws at positions round(R(1-c)) and round(Rc), c = confidence + (1-confidence)/2, taken as the limits, as phe_sii; the draws come from oba''s own seeded generator (xoshiro256**; seed), so the same seed gives the same limits, and limits agree with the package only within Monte-Carlo error. The standard error of a quantile is (upper - lower) / (2 qnorm(0.975)) on the value''s scale (log for a rate, logit for a proportion). value_type normal, rate or proportion (of 1); transform true (rates and proportions) fits the line to log rates or logit proportions and takes the SII, RII and limits back to the value''s scale; multiplier scales the SII (e.g. 100 for percentage points) and a negative one reverses the polarity (RII inverted); confidence in (0,1), repetitions 1,000 to 1,000,000 (54000 above), seed any integer; the parameters must be the same for every row of a group. A group with fewer than 5 quantiles, or a quantile whose value or limits are NULL, gives NULL estimates (quantiles and population still reported); more than 100 quantiles is refused (54000). Errors: a NULL quantile or population (22004); a duplicate quantile, population <= 0, a rate or a limit of a rate <= 0, a proportion or its limit outside (0,1), lower > upper, a negative se (22023). NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.sii_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.bool, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_sii_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.sii_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.bool, pg_catalog.float8) IS
'Transition function of oba.sii_agg(quantile, population, value, lower, upper, value_type, transform, multiplier): adds one quantile row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.sii_agg(quantile pg_catalog.int4, population pg_catalog.float8, value pg_catalog.float8, lower pg_catalog.float8, upper pg_catalog.float8, value_type pg_catalog.text, transform pg_catalog.bool, multiplier pg_catalog.float8) (
    SFUNC = @extschema@.sii_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 512,
    INITCOND = '{1,1,0,0,1,0.95,100000,1,0}',
    COMBINEFUNC = @extschema@.sii_agg_combine,
    FINALFUNC = @extschema@.sii_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sii_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.bool, pg_catalog.float8) IS
'Slope index of inequality and relative index of inequality across quantiles, from each quantile''s value and 95% confidence limits (PHEindicatormethods phe_sii; 95% limits from 100,000 repetitions, seed 1). Quantiles are ordered by their integer label (1 = most deprived, as oba.decile gives). Each quantile''s relative rank is the midpoint of its share of the cumulative population; the SII is the slope of the least-squares line of value on rank weighted by population share (Low & Low 2004), the fitted value at rank 1 minus rank 0; the RII the ratio of the two fitted values. Limits: every quantile''s value drawn repetitions times from a normal distribution (on the log scale for value_type rate, logit for proportion), the line refitted each time, and the draws at positions round(R(1-c)) and round(Rc), c = confidence + (1-confidence)/2, taken as the limits, as phe_sii; the draws come from oba''s own seeded generator (xoshiro256**; seed), so the same seed gives the same limits, and limits agree with the package only within Monte-Carlo error. The standard error of a quantile is (upper - lower) / (2 qnorm(0.975)) on the value''s scale (log for a rate, logit for a proportion). value_type normal, rate or proportion (of 1); transform true (rates and proportions) fits the line to log rates or logit proportions and takes the SII, RII and limits back to the value''s scale; multiplier scales the SII (e.g. 100 for percentage points) and a negative one reverses the polarity (RII inverted); confidence in (0,1), repetitions 1,000 to 1,000,000 (54000 above), seed any integer; the parameters must be the same for every row of a group. A group with fewer than 5 quantiles, or a quantile whose value or limits are NULL, gives NULL estimates (quantiles and population still reported); more than 100 quantiles is refused (54000). Errors: a NULL quantile or population (22004); a duplicate quantile, population <= 0, a rate or a limit of a rate <= 0, a proportion or its limit outside (0,1), lower > upper, a negative se (22023). NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.sii_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.bool, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_sii_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.sii_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.bool, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4) IS
'Transition function of oba.sii_agg(quantile, population, value, lower, upper, value_type, transform, multiplier, confidence, repetitions, seed): adds one quantile row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.sii_agg(quantile pg_catalog.int4, population pg_catalog.float8, value pg_catalog.float8, lower pg_catalog.float8, upper pg_catalog.float8, value_type pg_catalog.text, transform pg_catalog.bool, multiplier pg_catalog.float8, confidence pg_catalog.float8, repetitions pg_catalog.int4, seed pg_catalog.int4) (
    SFUNC = @extschema@.sii_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 512,
    INITCOND = '{1,1,0,0,1,0.95,100000,1,0}',
    COMBINEFUNC = @extschema@.sii_agg_combine,
    FINALFUNC = @extschema@.sii_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sii_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.bool, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4) IS
'Slope index of inequality and relative index of inequality across quantiles, from each quantile''s value and 95% confidence limits (PHEindicatormethods phe_sii; the given parameters). Quantiles are ordered by their integer label (1 = most deprived, as oba.decile gives). Each quantile''s relative rank is the midpoint of its share of the cumulative population; the SII is the slope of the least-squares line of value on rank weighted by population share (Low & Low 2004), the fitted value at rank 1 minus rank 0; the RII the ratio of the two fitted values. Limits: every quantile''s value drawn repetitions times from a normal distribution (on the log scale for value_type rate, logit for proportion), the line refitted each time, and the draws at positions round(R(1-c)) and round(Rc), c = confidence + (1-confidence)/2, taken as the limits, as phe_sii; the draws come from oba''s own seeded generator (xoshiro256**; seed), so the same seed gives the same limits, and limits agree with the package only within Monte-Carlo error. The standard error of a quantile is (upper - lower) / (2 qnorm(0.975)) on the value''s scale (log for a rate, logit for a proportion). value_type normal, rate or proportion (of 1); transform true (rates and proportions) fits the line to log rates or logit proportions and takes the SII, RII and limits back to the value''s scale; multiplier scales the SII (e.g. 100 for percentage points) and a negative one reverses the polarity (RII inverted); confidence in (0,1), repetitions 1,000 to 1,000,000 (54000 above), seed any integer; the parameters must be the same for every row of a group. A group with fewer than 5 quantiles, or a quantile whose value or limits are NULL, gives NULL estimates (quantiles and population still reported); more than 100 quantiles is refused (54000). Errors: a NULL quantile or population (22004); a duplicate quantile, population <= 0, a rate or a limit of a rate <= 0, a proportion or its limit outside (0,1), lower > upper, a negative se (22023). NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.sii_se_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_sii_se_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.sii_se_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.sii_se_agg(quantile, population, value, se): adds one quantile row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.sii_se_agg(quantile pg_catalog.int4, population pg_catalog.float8, value pg_catalog.float8, se pg_catalog.float8) (
    SFUNC = @extschema@.sii_se_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 512,
    INITCOND = '{1,2,0,0,1,0.95,100000,1,0}',
    COMBINEFUNC = @extschema@.sii_agg_combine,
    FINALFUNC = @extschema@.sii_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sii_se_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Slope index of inequality and relative index of inequality across quantiles, from each quantile''s value and standard error (PHEindicatormethods phe_sii with se; value_type normal, multiplier 1, 95% limits from 100,000 repetitions, seed 1). Quantiles are ordered by their integer label (1 = most deprived, as oba.decile gives). Each quantile''s relative rank is the midpoint of its share of the cumulative population; the SII is the slope of the least-squares line of value on rank weighted by population share (Low & Low 2004), the fitted value at rank 1 minus rank 0; the RII the ratio of the two fitted values. Limits: every quantile''s value drawn repetitions times from a normal distribution (on the log scale for value_type rate, logit for proportion), the line refitted each time, and the draws at positions round(R(1-c)) and round(Rc), c = confidence + (1-confidence)/2, taken as the limits, as phe_sii; the draws come from oba''s own seeded generator (xoshiro256**; seed), so the same seed gives the same limits, and limits agree with the package only within Monte-Carlo error. se is the standard error on the scale of the draws: of the value (normal), of log(rate) (rate), of logit(proportion) (proportion), as the package uses it; no transformation of the fit (the package needs limits for that). multiplier scales the SII and a negative one reverses the polarity (RII inverted); confidence in (0,1), repetitions 1,000 to 1,000,000 (54000 above), seed any integer; the parameters must be the same for every row of a group. A group with fewer than 5 quantiles, or a quantile whose value or limits are NULL, gives NULL estimates (quantiles and population still reported); more than 100 quantiles is refused (54000). Errors: a NULL quantile or population (22004); a duplicate quantile, population <= 0, a rate or a limit of a rate <= 0, a proportion or its limit outside (0,1), lower > upper, a negative se (22023). NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.sii_se_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_sii_se_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.sii_se_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.sii_se_agg(quantile, population, value, se, value_type): adds one quantile row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.sii_se_agg(quantile pg_catalog.int4, population pg_catalog.float8, value pg_catalog.float8, se pg_catalog.float8, value_type pg_catalog.text) (
    SFUNC = @extschema@.sii_se_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 512,
    INITCOND = '{1,2,0,0,1,0.95,100000,1,0}',
    COMBINEFUNC = @extschema@.sii_agg_combine,
    FINALFUNC = @extschema@.sii_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sii_se_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Slope index of inequality and relative index of inequality across quantiles, from each quantile''s value and standard error (PHEindicatormethods phe_sii with se; multiplier 1, 95% limits from 100,000 repetitions, seed 1). Quantiles are ordered by their integer label (1 = most deprived, as oba.decile gives). Each quantile''s relative rank is the midpoint of its share of the cumulative population; the SII is the slope of the least-squares line of value on rank weighted by population share (Low & Low 2004), the fitted value at rank 1 minus rank 0; the RII the ratio of the two fitted values. Limits: every quantile''s value drawn repetitions times from a normal distribution (on the log scale for value_type rate, logit for proportion), the line refitted each time, and the draws at positions round(R(1-c)) and round(Rc), c = confidence + (1-confidence)/2, taken as the limits, as phe_sii; the draws come from oba''s own seeded generator (xoshiro256**; seed), so the same seed gives the same limits, and limits agree with the package only within Monte-Carlo error. se is the standard error on the scale of the draws: of the value (normal), of log(rate) (rate), of logit(proportion) (proportion), as the package uses it; no transformation of the fit (the package needs limits for that). multiplier scales the SII and a negative one reverses the polarity (RII inverted); confidence in (0,1), repetitions 1,000 to 1,000,000 (54000 above), seed any integer; the parameters must be the same for every row of a group. A group with fewer than 5 quantiles, or a quantile whose value or limits are NULL, gives NULL estimates (quantiles and population still reported); more than 100 quantiles is refused (54000). Errors: a NULL quantile or population (22004); a duplicate quantile, population <= 0, a rate or a limit of a rate <= 0, a proportion or its limit outside (0,1), lower > upper, a negative se (22023). NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.sii_se_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_sii_se_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.sii_se_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8) IS
'Transition function of oba.sii_se_agg(quantile, population, value, se, value_type, multiplier): adds one quantile row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.sii_se_agg(quantile pg_catalog.int4, population pg_catalog.float8, value pg_catalog.float8, se pg_catalog.float8, value_type pg_catalog.text, multiplier pg_catalog.float8) (
    SFUNC = @extschema@.sii_se_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 512,
    INITCOND = '{1,2,0,0,1,0.95,100000,1,0}',
    COMBINEFUNC = @extschema@.sii_agg_combine,
    FINALFUNC = @extschema@.sii_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sii_se_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8) IS
'Slope index of inequality and relative index of inequality across quantiles, from each quantile''s value and standard error (PHEindicatormethods phe_sii with se; 95% limits from 100,000 repetitions, seed 1). Quantiles are ordered by their integer label (1 = most deprived, as oba.decile gives). Each quantile''s relative rank is the midpoint of its share of the cumulative population; the SII is the slope of the least-squares line of value on rank weighted by population share (Low & Low 2004), the fitted value at rank 1 minus rank 0; the RII the ratio of the two fitted values. Limits: every quantile''s value drawn repetitions times from a normal distribution (on the log scale for value_type rate, logit for proportion), the line refitted each time, and the draws at positions round(R(1-c)) and round(Rc), c = confidence + (1-confidence)/2, taken as the limits, as phe_sii; the draws come from oba''s own seeded generator (xoshiro256**; seed), so the same seed gives the same limits, and limits agree with the package only within Monte-Carlo error. se is the standard error on the scale of the draws: of the value (normal), of log(rate) (rate), of logit(proportion) (proportion), as the package uses it; no transformation of the fit (the package needs limits for that). multiplier scales the SII and a negative one reverses the polarity (RII inverted); confidence in (0,1), repetitions 1,000 to 1,000,000 (54000 above), seed any integer; the parameters must be the same for every row of a group. A group with fewer than 5 quantiles, or a quantile whose value or limits are NULL, gives NULL estimates (quantiles and population still reported); more than 100 quantiles is refused (54000). Errors: a NULL quantile or population (22004); a duplicate quantile, population <= 0, a rate or a limit of a rate <= 0, a proportion or its limit outside (0,1), lower > upper, a negative se (22023). NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.sii_se_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_sii_se_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.sii_se_agg_trans(@extschema@.agg_state, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4) IS
'Transition function of oba.sii_se_agg(quantile, population, value, se, value_type, multiplier, confidence, repetitions, seed): adds one quantile row to the state.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.sii_se_agg(quantile pg_catalog.int4, population pg_catalog.float8, value pg_catalog.float8, se pg_catalog.float8, value_type pg_catalog.text, multiplier pg_catalog.float8, confidence pg_catalog.float8, repetitions pg_catalog.int4, seed pg_catalog.int4) (
    SFUNC = @extschema@.sii_se_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 512,
    INITCOND = '{1,2,0,0,1,0.95,100000,1,0}',
    COMBINEFUNC = @extschema@.sii_agg_combine,
    FINALFUNC = @extschema@.sii_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sii_se_agg(pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4, pg_catalog.int4) IS
'Slope index of inequality and relative index of inequality across quantiles, from each quantile''s value and standard error (PHEindicatormethods phe_sii with se; the given parameters). Quantiles are ordered by their integer label (1 = most deprived, as oba.decile gives). Each quantile''s relative rank is the midpoint of its share of the cumulative population; the SII is the slope of the least-squares line of value on rank weighted by population share (Low & Low 2004), the fitted value at rank 1 minus rank 0; the RII the ratio of the two fitted values. Limits: every quantile''s value drawn repetitions times from a normal distribution (on the log scale for value_type rate, logit for proportion), the line refitted each time, and the draws at positions round(R(1-c)) and round(Rc), c = confidence + (1-confidence)/2, taken as the limits, as phe_sii; the draws come from oba''s own seeded generator (xoshiro256**; seed), so the same seed gives the same limits, and limits agree with the package only within Monte-Carlo error. se is the standard error on the scale of the draws: of the value (normal), of log(rate) (rate), of logit(proportion) (proportion), as the package uses it; no transformation of the fit (the package needs limits for that). multiplier scales the SII and a negative one reverses the polarity (RII inverted); confidence in (0,1), repetitions 1,000 to 1,000,000 (54000 above), seed any integer; the parameters must be the same for every row of a group. A group with fewer than 5 quantiles, or a quantile whose value or limits are NULL, gives NULL estimates (quantiles and population still reported); more than 100 quantiles is refused (54000). Errors: a NULL quantile or population (22004); a duplicate quantile, population <= 0, a rate or a limit of a rate <= 0, a proportion or its limit outside (0,1), lower > upper, a negative se (22023). NULL for no rows.';
