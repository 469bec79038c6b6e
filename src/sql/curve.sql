-- ---------------------------------------------------------------------------
-- curve: turning the curve, definition v1 (METHODS.md section 15): the
-- baseline forecast from the periods before a change, and whether the periods
-- since do better than it. A date time is measured in years (oba.date_to_years).
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.turn_the_curve AS (
    status                      pg_catalog.text,
    n_pre                       pg_catalog.int4,
    n_post                      pg_catalog.int4,
    baseline_intercept          pg_catalog.float8,
    baseline_slope              pg_catalog.float8,
    baseline_sigma              pg_catalog.float8,
    baseline_df                 pg_catalog.int4,
    baseline_slope_se           pg_catalog.float8,
    baseline_slope_p            pg_catalog.float8,
    baseline_direction          pg_catalog.text,
    t_quantile                  pg_catalog.float8,
    level_change                pg_catalog.float8,
    slope_change                pg_catalog.float8,
    post_slope                  pg_catalog.float8,
    slope_change_p              pg_catalog.float8,
    test_method                 pg_catalog.text,
    effect_at_last              pg_catalog.float8,
    effect_se                   pg_catalog.float8,
    effect_df                   pg_catalog.int4,
    effect_t                    pg_catalog.float8,
    effect_p                    pg_catalog.float8,
    periods_better              pg_catalog.int4,
    periods_worse               pg_catalog.int4,
    periods_beyond_pi_better    pg_catalog.int4,
    periods_beyond_pi_worse     pg_catalog.int4,
    trailing_periods_better     pg_catalog.int4,
    curve_shape                 pg_catalog.text,
    current_trend_direction     pg_catalog.text,
    current_trend_periods       pg_catalog.int4,
    current_trend_good          pg_catalog.bool,
    baseline_pct_change         pg_catalog.float8
);
COMMENT ON TYPE @extschema@.turn_the_curve IS
'Result of oba.turn_the_curve_agg (turn-the-curve definition v1, METHODS.md 15). status: turned_better, turned_worse, on_baseline, changed_up, changed_down (neutral polarity), insufficient_baseline (fewer than 3 baseline points: only the counts are set) or no_post_data. The baseline OLS fit (intercept, slope, sigma, df, slope se and p, direction flat/improving/worsening/rising/falling, t quantile); the change (level and slope change, post slope, from segmented regression when 2 or more post points); the test of the gap at the latest period (effect_at_last, its se, df, t and p; test_method); counts of post periods better/worse than the forecast, and beyond its prediction interval; curve_shape; the Clear Impact style current trend (up/down/flat, periods, good) and baseline % change. NULL where undefined.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_turn_the_curve_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.turn_the_curve_agg(t, value, start): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_turn_the_curve_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.turn_the_curve_agg(t, value, start, polarity): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_turn_the_curve_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8) IS
'Transition function of oba.turn_the_curve_agg(t, value, start, polarity, alpha): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_turn_the_curve_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date) IS
'Transition function of oba.turn_the_curve_agg(t date, value, start date): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_turn_the_curve_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.text) IS
'Transition function of oba.turn_the_curve_agg(t date, value, start date, polarity): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.text, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_turn_the_curve_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.turn_the_curve_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.text, pg_catalog.float8) IS
'Transition function of oba.turn_the_curve_agg(t date, value, start date, polarity, alpha): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.turn_the_curve_agg_final(@extschema@.agg_state)
RETURNS @extschema@.turn_the_curve AS 'MODULE_PATHNAME', 'oba_sql_turn_the_curve_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.turn_the_curve_agg_final(@extschema@.agg_state) IS
'Final function of oba.turn_the_curve_agg: sorts the rows by time, drops missing values, refuses duplicate times (22023) and applies the definition; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.turn_the_curve_agg(t pg_catalog.float8, value pg_catalog.float8, start pg_catalog.float8) (
    SFUNC = @extschema@.turn_the_curve_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,2,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.turn_the_curve_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.turn_the_curve_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Turning the curve (definition v1, METHODS.md 15) over the rows of a series: an ordinary least squares baseline on the periods before start (the first period after the change), a forecast with 95% prediction intervals for the periods from start on, and a test of the gap at the latest period (the prediction interval for one post period, segmented regression for two or more). Direction higher_is_better. Rows with a NULL value are dropped; duplicate times, an unknown polarity, alpha outside (0,1) or parameters that differ between rows are errors (22023). Fewer than 3 baseline points is the status insufficient_baseline, not an error. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.turn_the_curve_agg(t pg_catalog.float8, value pg_catalog.float8, start pg_catalog.float8, polarity pg_catalog.text) (
    SFUNC = @extschema@.turn_the_curve_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,2,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.turn_the_curve_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.turn_the_curve_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Turning the curve (definition v1, METHODS.md 15) over the rows of a series: an ordinary least squares baseline on the periods before start (the first period after the change), a forecast with 95% prediction intervals for the periods from start on, and a test of the gap at the latest period (the prediction interval for one post period, segmented regression for two or more). polarity is higher_is_better, lower_is_better or neutral (statuses changed_up/changed_down). Rows with a NULL value are dropped; duplicate times, an unknown polarity, alpha outside (0,1) or parameters that differ between rows are errors (22023). Fewer than 3 baseline points is the status insufficient_baseline, not an error. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.turn_the_curve_agg(t pg_catalog.float8, value pg_catalog.float8, start pg_catalog.float8, polarity pg_catalog.text, alpha pg_catalog.float8) (
    SFUNC = @extschema@.turn_the_curve_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,2,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.turn_the_curve_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.turn_the_curve_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.float8) IS
'Turning the curve (definition v1, METHODS.md 15) over the rows of a series: an ordinary least squares baseline on the periods before start (the first period after the change), a forecast with 1 - alpha prediction intervals for the periods from start on, and a test of the gap at the latest period (the prediction interval for one post period, segmented regression for two or more). polarity is higher_is_better, lower_is_better or neutral; alpha is the significance level of the test. Rows with a NULL value are dropped; duplicate times, an unknown polarity, alpha outside (0,1) or parameters that differ between rows are errors (22023). Fewer than 3 baseline points is the status insufficient_baseline, not an error. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.turn_the_curve_agg(t pg_catalog.date, value pg_catalog.float8, start pg_catalog.date) (
    SFUNC = @extschema@.turn_the_curve_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,2,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.turn_the_curve_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.turn_the_curve_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.date) IS
'Turning the curve (definition v1, METHODS.md 15) over the rows of a series: an ordinary least squares baseline on the periods before start (the first period after the change), a forecast with 95% prediction intervals for the periods from start on, and a test of the gap at the latest period (the prediction interval for one post period, segmented regression for two or more). Direction higher_is_better. Time in years (oba.date_to_years): slopes are per year. Rows with a NULL value are dropped; duplicate times, an unknown polarity, alpha outside (0,1) or parameters that differ between rows are errors (22023). Fewer than 3 baseline points is the status insufficient_baseline, not an error. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.turn_the_curve_agg(t pg_catalog.date, value pg_catalog.float8, start pg_catalog.date, polarity pg_catalog.text) (
    SFUNC = @extschema@.turn_the_curve_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,2,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.turn_the_curve_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.turn_the_curve_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.text) IS
'Turning the curve (definition v1, METHODS.md 15) over the rows of a series: an ordinary least squares baseline on the periods before start (the first period after the change), a forecast with 95% prediction intervals for the periods from start on, and a test of the gap at the latest period (the prediction interval for one post period, segmented regression for two or more). polarity is higher_is_better, lower_is_better or neutral (statuses changed_up/changed_down). Time in years (oba.date_to_years): slopes are per year. Rows with a NULL value are dropped; duplicate times, an unknown polarity, alpha outside (0,1) or parameters that differ between rows are errors (22023). Fewer than 3 baseline points is the status insufficient_baseline, not an error. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.turn_the_curve_agg(t pg_catalog.date, value pg_catalog.float8, start pg_catalog.date, polarity pg_catalog.text, alpha pg_catalog.float8) (
    SFUNC = @extschema@.turn_the_curve_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,2,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.turn_the_curve_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.turn_the_curve_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.text, pg_catalog.float8) IS
'Turning the curve (definition v1, METHODS.md 15) over the rows of a series: an ordinary least squares baseline on the periods before start (the first period after the change), a forecast with 1 - alpha prediction intervals for the periods from start on, and a test of the gap at the latest period (the prediction interval for one post period, segmented regression for two or more). polarity is higher_is_better, lower_is_better or neutral; alpha is the significance level of the test. Time in years (oba.date_to_years): slopes are per year. Rows with a NULL value are dropped; duplicate times, an unknown polarity, alpha outside (0,1) or parameters that differ between rows are errors (22023). Fewer than 3 baseline points is the status insufficient_baseline, not an error. NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.curve_points(
    t pg_catalog.float8[],
    value pg_catalog.float8[],
    start pg_catalog.float8,
    polarity pg_catalog.text DEFAULT 'higher_is_better',
    horizon pg_catalog.int4 DEFAULT 0,
    alpha pg_catalog.float8 DEFAULT 0.05)
RETURNS TABLE (
    t pg_catalog.float8,
    value pg_catalog.float8,
    fitted_or_forecast pg_catalog.float8,
    pi_lower pg_catalog.float8,
    pi_upper pg_catalog.float8,
    se_pred pg_catalog.float8,
    residual pg_catalog.float8,
    point_class pg_catalog.text)
AS 'MODULE_PATHNAME', 'oba_sql_curve_points'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.curve_points(pg_catalog.float8[], pg_catalog.float8[], pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.float8) IS
'What a turn-the-curve chart draws (definition v1, METHODS.md 15), one row per period in time order: the baseline periods with the fitted baseline and point_class baseline; the periods from start on with the forecast, its 1 - alpha prediction interval, se_pred, the residual and point_class (on_forecast, better/worse_within_pi, better/worse_beyond_pi; above/below with a neutral polarity); then horizon future periods (point_class forecast) at the series'' smallest step. Missing values are dropped; an element with a NULL time is skipped. With insufficient_baseline the forecasts are NULL and there are no future rows. NULL arrays: no rows; a NULL start, polarity, horizon or alpha: 22004; arrays of different lengths, duplicate times, an unknown polarity, horizon outside 0..1000 or alpha outside (0,1): 22023.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.curve_points(
    t pg_catalog.date[],
    value pg_catalog.float8[],
    start pg_catalog.date,
    polarity pg_catalog.text DEFAULT 'higher_is_better',
    horizon pg_catalog.int4 DEFAULT 0,
    alpha pg_catalog.float8 DEFAULT 0.05)
RETURNS TABLE (
    t pg_catalog.date,
    value pg_catalog.float8,
    fitted_or_forecast pg_catalog.float8,
    pi_lower pg_catalog.float8,
    pi_upper pg_catalog.float8,
    se_pred pg_catalog.float8,
    residual pg_catalog.float8,
    point_class pg_catalog.text)
AS 'MODULE_PATHNAME', 'oba_sql_curve_points_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.curve_points(pg_catalog.date[], pg_catalog.float8[], pg_catalog.date, pg_catalog.text, pg_catalog.int4, pg_catalog.float8) IS
'What a turn-the-curve chart draws (definition v1, METHODS.md 15), one row per period in time order: the baseline periods with the fitted baseline and point_class baseline; the periods from start on with the forecast, its 1 - alpha prediction interval, se_pred, the residual and point_class (on_forecast, better/worse_within_pi, better/worse_beyond_pi; above/below with a neutral polarity); then horizon future periods (point_class forecast) at the series'' smallest step (dates: in years, back to the nearest day). Missing values are dropped; an element with a NULL time is skipped. With insufficient_baseline the forecasts are NULL and there are no future rows. NULL arrays: no rows; a NULL start, polarity, horizon or alpha: 22004; arrays of different lengths, duplicate times, an unknown polarity, horizon outside 0..1000 or alpha outside (0,1): 22023.';

