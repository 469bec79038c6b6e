-- ---------------------------------------------------------------------------
-- compare: benchmark comparison (Fingertips), difference of two proportions,
-- ratio of two rates, gap to a target.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.contrast AS (
    value   pg_catalog.float8,
    lower   pg_catalog.float8,
    upper   pg_catalog.float8,
    p_value pg_catalog.float8,
    method  pg_catalog.text
);

COMMENT ON TYPE @extschema@.contrast IS
'A difference or ratio between two groups (this year and last, programme wards and the others) with its confidence interval, a two-sided p-value and the methods used. Expand with (f(...)).* for plain columns.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.compare(
    estimate @extschema@.estimate,
    benchmark pg_catalog.float8,
    polarity pg_catalog.text DEFAULT 'higher_is_better')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'oba_sql_compare'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.compare(@extschema@.estimate, pg_catalog.float8, pg_catalog.text) IS
'Compares an area with a benchmark value as Fingertips does: similar when the estimate''s interval contains the benchmark (ends included), otherwise better or worse by polarity (higher_is_better, lower_is_better), or higher or lower for neutral. The interval is the estimate''s own (95% from oba.rate and friends by default). not_compared when the estimate, its value or a limit, the benchmark or the polarity is NULL. Errors (22023): unknown polarity, lower above upper, an infinite value.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.compare(
    estimate @extschema@.estimate,
    estimate_99_8 @extschema@.estimate,
    benchmark pg_catalog.float8,
    polarity pg_catalog.text DEFAULT 'higher_is_better')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'oba_sql_compare_two_levels'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.compare(@extschema@.estimate, @extschema@.estimate, pg_catalog.float8, pg_catalog.text) IS
'Two-level Fingertips comparison with the 95% estimate and the 99.8% estimate of the same area: similar when the 95% interval contains the benchmark; better_95 or worse_95 when only the 95% interval excludes it; better_99_8 or worse_99_8 when the 99.8% interval excludes it too (higher_95, lower_95, higher_99_8, lower_99_8 for neutral). not_compared when anything needed is NULL. Errors (22023): unknown polarity, a 99.8% interval that does not contain the 95% one, lower above upper.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.compare(
    value pg_catalog.float8,
    lower pg_catalog.float8,
    upper pg_catalog.float8,
    benchmark pg_catalog.float8,
    polarity pg_catalog.text DEFAULT 'higher_is_better')
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'oba_sql_compare_values'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.compare(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'oba.compare on plain columns (value, lower, upper), e.g. published figures or the ratio columns of oba.isr_agg: similar, better, worse (higher, lower for neutral), or not_compared when anything is NULL. Errors (22023) as oba.compare(estimate, ...); NaN is refused.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.proportion_difference(
    x1 pg_catalog.float8,
    n1 pg_catalog.float8,
    x2 pg_catalog.float8,
    n2 pg_catalog.float8,
    per pg_catalog.float8 DEFAULT 100,
    confidence pg_catalog.float8 DEFAULT 0.95)
RETURNS @extschema@.contrast
AS 'MODULE_PATHNAME', 'oba_sql_proportion_difference'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.proportion_difference(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Difference x1/n1 - x2/n2 x per (percentage points by default) with Newcombe''s hybrid score interval (Newcombe 1998, method 10, from Wilson intervals) and a two-sided p-value: Fisher''s exact test (as R fisher.test) when the smallest expected count of the 2x2 table is under 5 and the counts are whole numbers, otherwise the pooled z test (R prop.test without continuity correction). method names both. NULL in gives NULL out. Errors (22023): negative counts, n <= 0, x above n, per <= 0, confidence outside (0,1).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.rate_ratio(
    x1 pg_catalog.float8,
    n1 pg_catalog.float8,
    x2 pg_catalog.float8,
    n2 pg_catalog.float8,
    confidence pg_catalog.float8 DEFAULT 0.95)
RETURNS @extschema@.contrast
AS 'MODULE_PATHNAME', 'oba_sql_rate_ratio'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rate_ratio(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Ratio of two rates (x1/n1) / (x2/n2) by the exact conditional method (given x1 + x2, x1 is binomial): Clopper-Pearson interval as R poisson.test, and the central two-sided p-value (twice the smaller tail), so p < 1 - confidence exactly when the interval excludes 1. value and upper are NULL when x2 = 0 (infinite); everything but method is NULL when x1 + x2 = 0. NULL in gives NULL out. Errors (22023): negative counts, n <= 0, confidence outside (0,1).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.gap_to_close(
    successes pg_catalog.float8,
    total pg_catalog.float8,
    target_proportion pg_catalog.float8,
    per pg_catalog.float8 DEFAULT 1)
RETURNS pg_catalog.int8
AS 'MODULE_PATHNAME', 'oba_sql_gap_to_close'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.gap_to_close(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'How many more of total would have to reach the outcome for successes / total to reach the target: the smallest whole number k >= 0 with (successes + k) / total >= target_proportion / per, i.e. target x total - successes rounded up (a relative 1e-12 is forgiven first, so 67 of 100 meets 0.67), and 0 when the target is already met. target_proportion is a fraction by default (0.67); with per => 100 a percentage. NULL in gives NULL out. Errors (22023): negative successes, total <= 0, successes above total, target outside [0, per], per <= 0.';
