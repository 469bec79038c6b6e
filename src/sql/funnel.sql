-- ---------------------------------------------------------------------------
-- funnel: funnel plot control limits at 95% and 99.8% (Spiegelhalter), the
-- 100-point axis, significance labels and the records' points, as
-- PHEindicatormethods calculate_funnel_limits, assign_funnel_significance
-- and calculate_funnel_points.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.funnel_point AS (
    x                    pg_catalog.float8,
    lower_2s             pg_catalog.float8,
    upper_2s             pg_catalog.float8,
    lower_3s             pg_catalog.float8,
    upper_3s             pg_catalog.float8,
    baseline             pg_catalog.float8,
    lower_2s_denominator pg_catalog.float8,
    upper_2s_denominator pg_catalog.float8,
    lower_3s_denominator pg_catalog.float8,
    upper_3s_denominator pg_catalog.float8
);

COMMENT ON TYPE @extschema@.funnel_point IS
'Funnel plot control limits at one axis value x: lower and upper limits at 95% (2s, p = 0.025 each side) and 99.8% (3s, p = 0.001), the baseline (average x per; NULL for ratios, whose centre is 1 x per), and for ratios and rates the denominator at which each limit lies (expected events for a ratio, population per year for a rate; NULL for proportions, whose denominator is x).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.funnel_limits(
    statistic pg_catalog.text,
    x pg_catalog.float8,
    average pg_catalog.float8 DEFAULT NULL,
    per pg_catalog.float8 DEFAULT NULL,
    years_of_data pg_catalog.float8 DEFAULT 1)
RETURNS @extschema@.funnel_point
AS 'MODULE_PATHNAME', 'oba_sql_funnel_limits'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funnel_limits(pg_catalog.text, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Funnel plot control limits (Spiegelhalter 2005; PHEindicatormethods calculate_funnel_limits) at axis value x. statistic proportion: x is the population, average the funnel centre as a fraction, limits average -/+ z sqrt(average (1 - average) / x) x per clamped to [0, per] (per default 100). ratio: x is the observed count, limits x / lambda x per from exact Poisson means lambda (per default 1; 100 for an ISR); average not used. rate or dsr: x is the event count, limits x / (lambda / average) x per (per default 10,000 for rate, 100,000 for dsr), denominators per year of years_of_data. NULL when statistic or x is NULL, or average for a proportion or rate; a NULL per takes the default. Bad input (unknown statistic, x <= 0 for a proportion, negative events, average outside [0,1] for a proportion or <= 0 for a rate, per or years_of_data <= 0) is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.funnel_axis(
    statistic pg_catalog.text,
    min_denominator pg_catalog.float8,
    max_denominator pg_catalog.float8,
    average pg_catalog.float8 DEFAULT NULL,
    years_of_data pg_catalog.float8 DEFAULT 1)
RETURNS TABLE (point pg_catalog.int4, x pg_catalog.float8)
AS 'MODULE_PATHNAME', 'oba_sql_funnel_axis'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 100;

COMMENT ON FUNCTION @extschema@.funnel_axis(pg_catalog.text, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'The 100 x-axis values of a funnel plot, as PHEindicatormethods calculate_funnel_limits spaces them, from the smallest and largest (derived) denominators of the records: populations for a proportion, expected counts for a ratio; for a rate or dsr, populations turned into event counts with the average (required) and years_of_data. Feed x to oba.funnel_limits. No rows when statistic, min_denominator or max_denominator is NULL (or the average of a rate). Errors (22023): denominators <= 0 or min above max, years_of_data <= 0.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.funnel_denominator(
    statistic pg_catalog.text,
    numerator pg_catalog.float8,
    denominator pg_catalog.float8,
    rate pg_catalog.float8 DEFAULT NULL,
    per pg_catalog.float8 DEFAULT NULL)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'oba_sql_funnel_denominator'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funnel_denominator(pg_catalog.text, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'The denominator a funnel plot uses for a record (PHEindicatormethods): for a rate or dsr with a rate given and numerator > 0, per x numerator / rate (per defaults as in oba.funnel_limits); a dsr with numerator 0 has none (NULL: left out of sum() and min()); otherwise the denominator. The funnel average is sum(numerator) / sum(oba.funnel_denominator(...)). NULL when statistic or numerator is NULL. Errors (22023): negative numerator or rate, denominator <= 0, rate 0 with numerator > 0.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.funnel_significance(
    statistic pg_catalog.text,
    numerator pg_catalog.float8,
    denominator pg_catalog.float8,
    average pg_catalog.float8 DEFAULT NULL,
    rate pg_catalog.float8 DEFAULT NULL,
    per pg_catalog.float8 DEFAULT NULL)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'oba_sql_funnel_significance'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funnel_significance(pg_catalog.text, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Where a record lies on a funnel plot (PHEindicatormethods assign_funnel_significance): High (0.001), High (0.025), Low (0.001), Low (0.025) or Not significant; for a dsr with fewer than 10 events, Not applicable for events less than 10 for dsrs. proportion: numerator / denominator against the limits around average (a fraction) at that denominator. ratio: observed numerator against expected denominator, centre 1 (average not used). rate or dsr: the count limits of the numerator over the denominator (derived from rate and per when rate is given, as oba.funnel_denominator) against average. NULL when statistic, numerator, denominator or a needed average is NULL. Errors (22023): unknown statistic, negative numerator, denominator <= 0, numerator > denominator for a proportion, average outside its range.';

-- Availability: 0.2
CREATE TYPE @extschema@.funnel_chart_point AS (
    denominator pg_catalog.float8,
    value       pg_catalog.float8
);

COMMENT ON TYPE @extschema@.funnel_chart_point IS
'Where a record is drawn on a funnel plot (oba.funnel_points): value on the multiplier''s scale (the y of the chart) at denominator (the x: the population of a proportion, the expected count of a ratio, the population per year of a rate), the axes on which oba.funnel_limits draws its lines. Both NULL for a dsr on fewer than 10 events.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.funnel_points(
    statistic pg_catalog.text,
    numerator pg_catalog.float8,
    denominator pg_catalog.float8,
    rate pg_catalog.float8 DEFAULT NULL,
    per pg_catalog.float8 DEFAULT NULL,
    years_of_data pg_catalog.float8 DEFAULT 1)
RETURNS @extschema@.funnel_chart_point
AS 'MODULE_PATHNAME', 'oba_sql_funnel_points'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funnel_points(pg_catalog.text, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Where a record is drawn on a funnel plot, on the axes of oba.funnel_limits (PHEindicatormethods calculate_funnel_points for rates). rate or dsr: value is the rate given (a crude rate without one: numerator / denominator x per), at the population per year the rate implies, per x numerator / rate / years_of_data (the denominator / years_of_data for a crude rate with no events or no rate given); a dsr with fewer than 10 events is blanked (both NULL), as the package does, and a dsr needs its rate. proportion: numerator / denominator x per (default 100) at the denominator. ratio: numerator / denominator x per (default 1) at the expected count denominator. NULL when statistic or numerator is NULL; NULL fields when a needed denominator or rate is NULL; a NULL per takes the statistic''s default. Errors (22023): unknown statistic, negative numerator or rate, denominator, per or years_of_data <= 0, non-finite values, numerator > denominator for a proportion, rate 0 with events.';
