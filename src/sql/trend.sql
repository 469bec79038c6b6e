-- ---------------------------------------------------------------------------
-- trend: trend tests on a series (METHODS.md sections 9 to 14): Mann-Kendall
-- with Sen's slope, least squares with prediction intervals, interrupted time
-- series, the chi-squared test for trend in proportions and the Fingertips
-- "recent trend" marker. Aggregates take the time as an argument and sort in
-- the final function; a date time is measured in years (oba.date_to_years).
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.mann_kendall AS (
    n                           pg_catalog.int4,
    s                           pg_catalog.int8,
    var_s                       pg_catalog.float8,
    z                           pg_catalog.float8,
    p                           pg_catalog.float8,
    tau                         pg_catalog.float8,
    sen_slope                   pg_catalog.float8,
    sen_lower                   pg_catalog.float8,
    sen_upper                   pg_catalog.float8,
    sen_intercept               pg_catalog.float8,
    z_uncorrected               pg_catalog.float8,
    p_uncorrected               pg_catalog.float8,
    p_exact                     pg_catalog.float8,
    sen_pairs                   pg_catalog.int8,
    sen_c_alpha                 pg_catalog.float8,
    sen_rank_lower              pg_catalog.int8,
    sen_rank_upper              pg_catalog.int8
);
COMMENT ON TYPE @extschema@.mann_kendall IS
'Result of oba.mann_kendall_agg: n values used; Mann-Kendall S, its tie-corrected variance var_s, the continuity-corrected z and two-sided p, Kendall tau-b; Sen slope (median pairwise slope on the actual times) with its 95% interval sen_lower..sen_upper (Gilbert rank rule) and the intercept median(value - sen_slope t) (as zyp); z and p without the correction; p_exact (exact null distribution, only without ties and n < 50); the interval ranks and C = qnorm(0.975) sqrt(var_s). Undefined parts are NULL.';

-- Availability: 0.2
CREATE TYPE @extschema@.linear_trend AS (
    n                           pg_catalog.int4,
    df                          pg_catalog.int4,
    slope                       pg_catalog.float8,
    intercept                   pg_catalog.float8,
    se_slope                    pg_catalog.float8,
    se_intercept                pg_catalog.float8,
    t_slope                     pg_catalog.float8,
    p_slope                     pg_catalog.float8,
    r_squared                   pg_catalog.float8,
    sigma                       pg_catalog.float8,
    t_mean                      pg_catalog.float8,
    sxx                         pg_catalog.float8
);
COMMENT ON TYPE @extschema@.linear_trend IS
'Result of oba.linear_trend_agg (ordinary least squares of value on t, as R lm): slope and intercept with their standard errors, t and two-sided p of the slope, r squared, residual standard deviation sigma, df = n - 2; t_mean and sxx (sum of squared deviations of t) are what oba.linear_predict needs. Undefined parts are NULL.';

-- Availability: 0.2
CREATE TYPE @extschema@.prediction AS (
    fit                         pg_catalog.float8,
    ci_lower                    pg_catalog.float8,
    ci_upper                    pg_catalog.float8,
    pi_lower                    pg_catalog.float8,
    pi_upper                    pg_catalog.float8,
    se_pred                     pg_catalog.float8
);
COMMENT ON TYPE @extschema@.prediction IS
'Result of oba.linear_predict: the fitted value at a time, the confidence interval of the mean and the prediction interval of a new observation, and the standard error of prediction.';

-- Availability: 0.2
CREATE TYPE @extschema@.its AS (
    n                           pg_catalog.int4,
    n_pre                       pg_catalog.int4,
    n_post                      pg_catalog.int4,
    df                          pg_catalog.int4,
    intercept                   pg_catalog.float8,
    intercept_se                pg_catalog.float8,
    intercept_t                 pg_catalog.float8,
    intercept_p                 pg_catalog.float8,
    pre_slope                   pg_catalog.float8,
    pre_slope_se                pg_catalog.float8,
    pre_slope_t                 pg_catalog.float8,
    pre_slope_p                 pg_catalog.float8,
    level_change                pg_catalog.float8,
    level_change_se             pg_catalog.float8,
    level_change_t              pg_catalog.float8,
    level_change_p              pg_catalog.float8,
    slope_change                pg_catalog.float8,
    slope_change_se             pg_catalog.float8,
    slope_change_t              pg_catalog.float8,
    slope_change_p              pg_catalog.float8,
    post_slope                  pg_catalog.float8,
    post_slope_se               pg_catalog.float8,
    effect_at_last              pg_catalog.float8,
    effect_at_last_se           pg_catalog.float8,
    effect_at_last_p            pg_catalog.float8,
    sigma                       pg_catalog.float8
);
COMMENT ON TYPE @extschema@.its IS
'Result of oba.its_agg, segmented regression value = b0 + b1 t + b2 P + b3 (t - break_t) P with P = 1 from break_t on (Wagner et al. 2002; R lm): each coefficient with its standard error, t and p (df = n - 4), the post slope b1 + b3, and the effect at the last time b2 + b3 (t_last - break_t). NULL estimates with fewer than 2 points on either side or n < 5.';

-- Availability: 0.2
CREATE TYPE @extschema@.trend_chisq AS (
    k                           pg_catalog.int4,
    x2                          pg_catalog.float8,
    p_value                     pg_catalog.float8
);
COMMENT ON TYPE @extschema@.trend_chisq IS
'Result of oba.trend_chisq_agg: k points, the chi-squared statistic for trend in proportions (Armitage, as R prop.trend.test) and its p-value (1 df). NULL statistic when every point is 0% or 100%.';

-- Availability: 0.2
CREATE TYPE @extschema@.recent_trend AS (
    points                      pg_catalog.int4,
    chi2                        pg_catalog.float8,
    p_value                     pg_catalog.float8,
    slope                       pg_catalog.float8,
    loo_slope_signs             pg_catalog.text,
    significant                 pg_catalog.bool,
    outlier_found               pg_catalog.bool,
    trend                       pg_catalog.text,
    marker                      pg_catalog.text
);
COMMENT ON TYPE @extschema@.recent_trend IS
'Result of oba.recent_trend_agg and oba.recent_trend_ci_agg (the Fingertips recent trend): points used, chi-squared and its p-value, the slope (logit slope for proportions), the signs of the leave-one-out slopes, significant (chi2 above the 0.998 threshold), outlier_found (a leave-one-out slope changes sign), trend (increasing, decreasing, no significant change, cannot be calculated) and marker (trend with the polarity: increasing and getting better ...).';

-- Mann-Kendall and least squares share the (t, value) state of oba.series_agg_trans.

-- Availability: 0.2
CREATE FUNCTION @extschema@.mann_kendall_agg_final(@extschema@.agg_state)
RETURNS @extschema@.mann_kendall AS 'MODULE_PATHNAME', 'oba_sql_mann_kendall_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mann_kendall_agg_final(@extschema@.agg_state) IS
'Final function of oba.mann_kendall_agg: sorts the rows by time, drops missing values, refuses duplicate times (22023) and runs the test; NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.linear_trend_agg_final(@extschema@.agg_state)
RETURNS @extschema@.linear_trend AS 'MODULE_PATHNAME', 'oba_sql_linear_trend_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.linear_trend_agg_final(@extschema@.agg_state) IS
'Final function of oba.linear_trend_agg: sorts the rows by time, drops missing values, refuses duplicate times (22023) and fits the line; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mann_kendall_agg(t pg_catalog.float8, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.mann_kendall_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall_agg(pg_catalog.float8, pg_catalog.float8) IS
'Mann-Kendall trend test and Sen slope over the rows of a group (t: any increasing time scale): S, tie-corrected variance, continuity-corrected z and p, tau-b, Sen slope per unit of t with its 95% rank interval (METHODS.md 10-11; R cor.test, trend::mk.test, trend::sens.slope, zyp). Rows with a NULL value are dropped, a NULL t is skipped; duplicate times are an error (22023). Fewer than 3 values: n only. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.linear_trend_agg(t pg_catalog.float8, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.linear_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.linear_trend_agg(pg_catalog.float8, pg_catalog.float8) IS
'Ordinary least squares trend of value on t (R lm, summary.lm; METHODS.md 13): slope, intercept, standard errors, p of the slope, r squared, residual sd, df. Rows with a NULL value are dropped; duplicate times are an error (22023). Two points: the line only; one: NULL statistics. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mann_kendall_agg(t pg_catalog.date, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.mann_kendall_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall_agg(pg_catalog.date, pg_catalog.float8) IS
'Mann-Kendall trend test and Sen slope over the rows of a group (time in years, oba.date_to_years): S, tie-corrected variance, continuity-corrected z and p, tau-b, Sen slope per unit of t with its 95% rank interval (METHODS.md 10-11; R cor.test, trend::mk.test, trend::sens.slope, zyp). Rows with a NULL value are dropped, a NULL t is skipped; duplicate times are an error (22023). Fewer than 3 values: n only. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.linear_trend_agg(t pg_catalog.date, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.linear_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.linear_trend_agg(pg_catalog.date, pg_catalog.float8) IS
'Ordinary least squares trend of value on t in years (oba.date_to_years), so the slope is per year (R lm, summary.lm; METHODS.md 13): slope, intercept, standard errors, p of the slope, r squared, residual sd, df. Rows with a NULL value are dropped; duplicate times are an error (22023). Two points: the line only; one: NULL statistics. NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.linear_predict(fit @extschema@.linear_trend, t pg_catalog.float8, confidence pg_catalog.float8 DEFAULT 0.95)
RETURNS @extschema@.prediction AS 'MODULE_PATHNAME', 'oba_sql_linear_predict'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.linear_predict(@extschema@.linear_trend, pg_catalog.float8, pg_catalog.float8) IS
'The fitted value of an oba.linear_trend at time t, with the confidence interval of the mean and the prediction interval of a new value at the given confidence (default 95%; R predict.lm). NULL in gives NULL; intervals are NULL with fewer than 3 points; confidence outside (0,1) is an error (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.linear_predict(fit @extschema@.linear_trend, t pg_catalog.date, confidence pg_catalog.float8 DEFAULT 0.95)
RETURNS @extschema@.prediction AS 'MODULE_PATHNAME', 'oba_sql_linear_predict_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.linear_predict(@extschema@.linear_trend, pg_catalog.date, pg_catalog.float8) IS
'oba.linear_predict at a date (measured in years, oba.date_to_years), for a trend fitted on dates.';

-- Interrupted time series: state (t, value) with the parameter break_t.

-- Availability: 0.2
CREATE FUNCTION @extschema@.its_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_its_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.its_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.its_agg(t, value, break_t): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.its_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_its_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.its_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date) IS
'Transition function of oba.its_agg(t date, value, break_t date): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.its_agg_final(@extschema@.agg_state)
RETURNS @extschema@.its AS 'MODULE_PATHNAME', 'oba_sql_its_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.its_agg_final(@extschema@.agg_state) IS
'Final function of oba.its_agg: sorts the rows by time, drops missing values, refuses duplicate times (22023) and fits the segmented regression; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.its_agg(t pg_catalog.float8, value pg_catalog.float8, break_t pg_catalog.float8) (
    SFUNC = @extschema@.its_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,3,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.its_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.its_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Interrupted time series by segmented regression with a known break (the first period after the change; Wagner et al. 2002, METHODS.md 14): level change and slope change at break_t with standard errors and p-values (df = n - 4), post slope, effect at the last time. break_t must be the same on every row (22023); rows with a NULL value are dropped. NULL estimates with fewer than 2 points on either side or n < 5; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.its_agg(t pg_catalog.date, value pg_catalog.float8, break_t pg_catalog.date) (
    SFUNC = @extschema@.its_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,3,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.its_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.its_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.date) IS
'Interrupted time series by segmented regression with a known break (the first period after the change; Wagner et al. 2002, METHODS.md 14): level change and slope change at break_t with standard errors and p-values (df = n - 4), post slope, effect at the last time. Time in years (oba.date_to_years). break_t must be the same on every row (22023); rows with a NULL value are dropped. NULL estimates with fewer than 2 points on either side or n < 5; NULL for no rows.';

-- Chi-squared test for trend in proportions: state (t, successes, total) with the parameter scores.

-- Availability: 0.2
CREATE FUNCTION @extschema@.trend_chisq_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_trend_chisq_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trend_chisq_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.trend_chisq_agg(t, successes, total): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.trend_chisq_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_trend_chisq_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trend_chisq_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.trend_chisq_agg(t, successes, total, scores): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.trend_chisq_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_trend_chisq_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trend_chisq_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.trend_chisq_agg(t date, successes, total): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.trend_chisq_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_trend_chisq_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trend_chisq_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.trend_chisq_agg(t date, successes, total, scores): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.trend_chisq_agg_final(@extschema@.agg_state)
RETURNS @extschema@.trend_chisq AS 'MODULE_PATHNAME', 'oba_sql_trend_chisq_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trend_chisq_agg_final(@extschema@.agg_state) IS
'Final function of oba.trend_chisq_agg: sorts the rows by time, drops rows with a missing count, refuses duplicate times (22023) and computes the test; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.trend_chisq_agg(t pg_catalog.float8, successes pg_catalog.float8, total pg_catalog.float8) (
    SFUNC = @extschema@.trend_chisq_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,4,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.trend_chisq_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trend_chisq_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Chi-squared test for trend in proportions (Cochran-Armitage in Armitage''s form, as R prop.trend.test; METHODS.md 12) over rows of (t, successes, total), scores 1..k in time order. Totals may be fractional. NULL statistic when every proportion is 0 or 1; successes < 0, total <= 0 or successes > total is an error (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.trend_chisq_agg(t pg_catalog.float8, successes pg_catalog.float8, total pg_catalog.float8, scores pg_catalog.text) (
    SFUNC = @extschema@.trend_chisq_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,4,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.trend_chisq_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trend_chisq_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'oba.trend_chisq_agg with scores ''position'' (1..k in time order, R''s default) or ''time'' (the times themselves: gaps then count). scores must be the same on every row (22023).';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.trend_chisq_agg(t pg_catalog.date, successes pg_catalog.float8, total pg_catalog.float8) (
    SFUNC = @extschema@.trend_chisq_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,4,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.trend_chisq_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trend_chisq_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.float8) IS
'Chi-squared test for trend in proportions (Cochran-Armitage in Armitage''s form, as R prop.trend.test; METHODS.md 12) over rows of (t, successes, total), scores 1..k in time order. Totals may be fractional. NULL statistic when every proportion is 0 or 1; successes < 0, total <= 0 or successes > total is an error (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.trend_chisq_agg(t pg_catalog.date, successes pg_catalog.float8, total pg_catalog.float8, scores pg_catalog.text) (
    SFUNC = @extschema@.trend_chisq_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,4,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.trend_chisq_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trend_chisq_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'oba.trend_chisq_agg with scores ''position'' (1..k in time order, R''s default) or ''time'' (the times themselves, in years: gaps then count). scores must be the same on every row (22023).';

-- The test for trend with a score on every row (ties allowed): a fixed-size
-- state of 8 values, order-free, combined by Chan's formula.

-- Availability: 0.2
CREATE FUNCTION @extschema@.trend_chisq_score_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_trend_chisq_score_agg_trans'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION @extschema@.trend_chisq_score_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.trend_chisq_score_agg(score, successes, total): adds one row to the state of 8 values {rows, sum of totals, sum of successes, shift (the first score), weighted means of score - shift and of successes / total, weighted sum of squared score deviations, weighted co-moment} by a weighted Welford update.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.trend_chisq_score_agg_combine(@extschema@.agg_state, @extschema@.agg_state)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_trend_chisq_score_agg_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trend_chisq_score_agg_combine(@extschema@.agg_state, @extschema@.agg_state) IS
'Combine function of oba.trend_chisq_score_agg: merges two partial states by Chan''s formula.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.trend_chisq_score_agg_final(@extschema@.agg_state)
RETURNS @extschema@.trend_chisq AS 'MODULE_PATHNAME', 'oba_sql_trend_chisq_score_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trend_chisq_score_agg_final(@extschema@.agg_state) IS
'Final function of oba.trend_chisq_score_agg: k (rows), the statistic and its p-value; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.trend_chisq_score_agg(score pg_catalog.float8, successes pg_catalog.float8, total pg_catalog.float8) (
    SFUNC = @extschema@.trend_chisq_score_agg_trans,
    STYPE = @extschema@.agg_state,
    INITCOND = '{0,0,0,0,0,0,0,0}',
    COMBINEFUNC = @extschema@.trend_chisq_score_agg_combine,
    FINALFUNC = @extschema@.trend_chisq_score_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trend_chisq_score_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Chi-squared test for trend in proportions with a score on every row, as R prop.trend.test(x, n, score) (Armitage''s form; METHODS.md 12): any finite scores (deprivation quintiles, age midpoints, years), in any order, ties allowed (rows with equal scores count as their sums would). k is the number of rows. NULL statistic when every proportion is 0 or 1 or every score is the same (R: NA); rows with a NULL are skipped; NULL for no rows. Fixed-size state, parallel safe. Errors: a non-finite score, successes < 0, total <= 0 or successes > total (22023); more than 2,147,483,647 rows in a group (54000).';

-- The Fingertips recent trend: state (t, successes, total) or (t, value, lower95, upper95)
-- with the parameters polarity, points and variant.

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.recent_trend_agg(t, successes, total, polarity): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4) IS
'Transition function of oba.recent_trend_agg(t, successes, total, polarity, points): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text) IS
'Transition function of oba.recent_trend_agg(t, successes, total, polarity, points, variant): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_ci_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.recent_trend_ci_agg(t, value, lower95, upper95, polarity): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_ci_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4) IS
'Transition function of oba.recent_trend_ci_agg(t, value, lower95, upper95, polarity, points): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_ci_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text) IS
'Transition function of oba.recent_trend_ci_agg(t, value, lower95, upper95, polarity, points, variant): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.recent_trend_agg(t, successes, total, polarity): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4) IS
'Transition function of oba.recent_trend_agg(t, successes, total, polarity, points): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text) IS
'Transition function of oba.recent_trend_agg(t, successes, total, polarity, points, variant): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_ci_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'Transition function of oba.recent_trend_ci_agg(t, value, lower95, upper95, polarity): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_ci_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4) IS
'Transition function of oba.recent_trend_ci_agg(t, value, lower95, upper95, polarity, points): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_ci_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_ci_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text) IS
'Transition function of oba.recent_trend_ci_agg(t, value, lower95, upper95, polarity, points, variant): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.recent_trend_agg_final(@extschema@.agg_state)
RETURNS @extschema@.recent_trend AS 'MODULE_PATHNAME', 'oba_sql_recent_trend_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.recent_trend_agg_final(@extschema@.agg_state) IS
'Final function of oba.recent_trend_agg and oba.recent_trend_ci_agg: sorts the rows by time, refuses duplicate times (22023) and applies the Fingertips rule to the last points; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_agg(t pg_catalog.float8, successes pg_catalog.float8, total pg_catalog.float8, polarity pg_catalog.text) (
    SFUNC = @extschema@.recent_trend_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,5,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last 5 points in time order, scored 1..5, must be valid and unbroken, else "cannot be calculated"; proportions use the chi-squared test for trend (prop.trend.test) and the slope of the logit, and a count of 0 or equal to its total cannot be calculated; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). The service''s constants. A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_agg(t pg_catalog.float8, successes pg_catalog.float8, total pg_catalog.float8, polarity pg_catalog.text, points pg_catalog.int4) (
    SFUNC = @extschema@.recent_trend_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,5,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last `points` (3 to 20; 5 is the Fingertips rule) points in time order, scored 1..points, must be valid and unbroken, else "cannot be calculated"; proportions use the chi-squared test for trend (prop.trend.test) and the slope of the logit, and a count of 0 or equal to its total cannot be calculated; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). The service''s constants. A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_agg(t pg_catalog.float8, successes pg_catalog.float8, total pg_catalog.float8, polarity pg_catalog.text, points pg_catalog.int4, variant pg_catalog.text) (
    SFUNC = @extschema@.recent_trend_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,5,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last `points` (3 to 20) points in time order, scored 1..points, must be valid and unbroken, else "cannot be calculated"; proportions use the chi-squared test for trend (prop.trend.test) and the slope of the logit, and a count of 0 or equal to its total cannot be calculated; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). variant ''fingertips'' (the service: threshold 9.54953570608324, a leave-one-out slope of 0 counts as positive) or ''dhsc'' (the DHSC R port: 9.5495, a slope of 0 is a change). A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_ci_agg(t pg_catalog.float8, value pg_catalog.float8, lower95 pg_catalog.float8, upper95 pg_catalog.float8, polarity pg_catalog.text) (
    SFUNC = @extschema@.recent_trend_ci_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 4096,
    INITCOND = '{1,6,4,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_ci_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last 5 points in time order, scored 1..5, must be valid and unbroken, else "cannot be calculated"; values with 95% limits use the CI-weighted regression with SE = (upper95 - lower95)/3.92 (the service; 2 qnorm(0.975) with variant dhsc) and known variances; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). The service''s constants. A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_ci_agg(t pg_catalog.float8, value pg_catalog.float8, lower95 pg_catalog.float8, upper95 pg_catalog.float8, polarity pg_catalog.text, points pg_catalog.int4) (
    SFUNC = @extschema@.recent_trend_ci_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 4096,
    INITCOND = '{1,6,4,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_ci_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last `points` (3 to 20) points in time order, scored 1..points, must be valid and unbroken, else "cannot be calculated"; values with 95% limits use the CI-weighted regression with SE = (upper95 - lower95)/3.92 (the service; 2 qnorm(0.975) with variant dhsc) and known variances; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). The service''s constants. A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_ci_agg(t pg_catalog.float8, value pg_catalog.float8, lower95 pg_catalog.float8, upper95 pg_catalog.float8, polarity pg_catalog.text, points pg_catalog.int4, variant pg_catalog.text) (
    SFUNC = @extschema@.recent_trend_ci_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 4096,
    INITCOND = '{1,6,4,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_ci_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last `points` (3 to 20) points in time order, scored 1..points, must be valid and unbroken, else "cannot be calculated"; values with 95% limits use the CI-weighted regression with SE = (upper95 - lower95)/3.92 (the service; 2 qnorm(0.975) with variant dhsc) and known variances; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). variant ''fingertips'' or ''dhsc'' (the DHSC R port''s SE constant, threshold and zero-slope rule). A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_agg(t pg_catalog.date, successes pg_catalog.float8, total pg_catalog.float8, polarity pg_catalog.text) (
    SFUNC = @extschema@.recent_trend_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,5,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last 5 points in time order, scored 1..5, must be valid and unbroken, else "cannot be calculated"; proportions use the chi-squared test for trend (prop.trend.test) and the slope of the logit, and a count of 0 or equal to its total cannot be calculated; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). The service''s constants. A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_agg(t pg_catalog.date, successes pg_catalog.float8, total pg_catalog.float8, polarity pg_catalog.text, points pg_catalog.int4) (
    SFUNC = @extschema@.recent_trend_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,5,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last `points` (3 to 20; 5 is the Fingertips rule) points in time order, scored 1..points, must be valid and unbroken, else "cannot be calculated"; proportions use the chi-squared test for trend (prop.trend.test) and the slope of the logit, and a count of 0 or equal to its total cannot be calculated; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). The service''s constants. A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_agg(t pg_catalog.date, successes pg_catalog.float8, total pg_catalog.float8, polarity pg_catalog.text, points pg_catalog.int4, variant pg_catalog.text) (
    SFUNC = @extschema@.recent_trend_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,5,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last `points` (3 to 20) points in time order, scored 1..points, must be valid and unbroken, else "cannot be calculated"; proportions use the chi-squared test for trend (prop.trend.test) and the slope of the logit, and a count of 0 or equal to its total cannot be calculated; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). variant ''fingertips'' (the service: threshold 9.54953570608324, a leave-one-out slope of 0 counts as positive) or ''dhsc'' (the DHSC R port: 9.5495, a slope of 0 is a change). A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_ci_agg(t pg_catalog.date, value pg_catalog.float8, lower95 pg_catalog.float8, upper95 pg_catalog.float8, polarity pg_catalog.text) (
    SFUNC = @extschema@.recent_trend_ci_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 4096,
    INITCOND = '{1,6,4,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_ci_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last 5 points in time order, scored 1..5, must be valid and unbroken, else "cannot be calculated"; values with 95% limits use the CI-weighted regression with SE = (upper95 - lower95)/3.92 (the service; 2 qnorm(0.975) with variant dhsc) and known variances; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). The service''s constants. A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_ci_agg(t pg_catalog.date, value pg_catalog.float8, lower95 pg_catalog.float8, upper95 pg_catalog.float8, polarity pg_catalog.text, points pg_catalog.int4) (
    SFUNC = @extschema@.recent_trend_ci_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 4096,
    INITCOND = '{1,6,4,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_ci_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last `points` (3 to 20) points in time order, scored 1..points, must be valid and unbroken, else "cannot be calculated"; values with 95% limits use the CI-weighted regression with SE = (upper95 - lower95)/3.92 (the service; 2 qnorm(0.975) with variant dhsc) and known variances; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). The service''s constants. A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.recent_trend_ci_agg(t pg_catalog.date, value pg_catalog.float8, lower95 pg_catalog.float8, upper95 pg_catalog.float8, polarity pg_catalog.text, points pg_catalog.int4, variant pg_catalog.text) (
    SFUNC = @extschema@.recent_trend_ci_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 4096,
    INITCOND = '{1,6,4,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.recent_trend_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.recent_trend_ci_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.text, pg_catalog.int4, pg_catalog.text) IS
'The Fingertips "recent trend" marker (METHODS.md 9; TrendMarkerCalculator.cs): the last `points` (3 to 20) points in time order, scored 1..points, must be valid and unbroken, else "cannot be calculated"; values with 95% limits use the CI-weighted regression with SE = (upper95 - lower95)/3.92 (the service; 2 qnorm(0.975) with variant dhsc) and known variances; significant when chi-squared > 9.5495 (0.998) and robust when every leave-one-out slope keeps the sign. trend is increasing, decreasing, no significant change or cannot be calculated; marker adds the polarity (increasing and getting better ...; neutral: none). variant ''fingertips'' or ''dhsc'' (the DHSC R port''s SE constant, threshold and zero-slope rule). A row with a NULL count, value or limit is an invalid point; duplicate times and an unknown polarity are errors (22023). NULL for no rows.';


-- ---------------------------------------------------------------------------
-- Mann-Kendall for autocorrelated and seasonal series, and change points
-- (METHODS.md 10.1 to 10.3, 14.1 and 14.2). The aggregates without
-- parameters share the (t, value) state of oba.series_agg_trans with
-- oba.mann_kendall_agg, so one query accumulates once for all of them.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@.mann_kendall_hamed_rao AS (
    n                           pg_catalog.int4,
    s                           pg_catalog.int8,
    var_s                       pg_catalog.float8,
    correction                  pg_catalog.float8,
    n_effective                 pg_catalog.float8,
    var_s_corrected             pg_catalog.float8,
    z                           pg_catalog.float8,
    p                           pg_catalog.float8,
    lags                        pg_catalog.int4,
    lags_significant            pg_catalog.int4,
    sen_slope                   pg_catalog.float8
);
COMMENT ON TYPE @extschema@.mann_kendall_hamed_rao IS
'Result of oba.mann_kendall_hamed_rao_agg (Hamed and Rao 1998): n values used, Mann-Kendall S and its tie-corrected variance var_s; correction = n/n* = 1 + 2/(n(n-1)(n-2)) sum (n-k)(n-k-1)(n-k-2) r_k over the lags k whose autocorrelation r_k of the ranks of value - sen_slope (t - t_1) is significant (|r_k| > qnorm(1 - alpha/2)/sqrt(n)); n_effective = n*; var_s_corrected = var_s x correction; the continuity-corrected z and two-sided p on it; lags examined and lags_significant; the Sen slope. NULL correction, z and p when the detrended values are all equal (values on a line) or the correction is not positive; all values equal: z 0, p 1.';

-- Availability: 0.2
CREATE TYPE @extschema@.mann_kendall_prewhitened AS (
    n                           pg_catalog.int4,
    n_prewhitened               pg_catalog.int4,
    lag1                        pg_catalog.float8,
    s                           pg_catalog.int8,
    var_s                       pg_catalog.float8,
    z                           pg_catalog.float8,
    p                           pg_catalog.float8,
    sen_slope                   pg_catalog.float8
);
COMMENT ON TYPE @extschema@.mann_kendall_prewhitened IS
'Result of oba.mann_kendall_prewhitened_agg (trend-free pre-whitening, Yue and Wang 2002): n values used; lag1, the lag-1 autocorrelation r1 of e = value - sen_slope (t - t_1); the Mann-Kendall S, tie-corrected var_s, continuity-corrected z and two-sided p of the n_prewhitened = n - 1 values e_(i+1) - r1 e_i + sen_slope (t_(i+1) - t_1); the Sen slope of the series itself. lag1 is NULL when e is constant (the test does not depend on it then).';

-- Availability: 0.2
CREATE TYPE @extschema@.seasonal_mann_kendall AS (
    n                           pg_catalog.int4,
    seasons                     pg_catalog.int4,
    s                           pg_catalog.int8,
    var_s                       pg_catalog.float8,
    z                           pg_catalog.float8,
    p                           pg_catalog.float8,
    tau                         pg_catalog.float8,
    sen_slope                   pg_catalog.float8,
    sen_pairs                   pg_catalog.int8
);
COMMENT ON TYPE @extschema@.seasonal_mann_kendall IS
'Result of oba.seasonal_mann_kendall_agg (Hirsch, Slack and Smith 1982): n values used, seasons with two values or more, S and its tie-corrected variance summed over the seasons, the continuity-corrected z and two-sided p, tau = S / sen_pairs, and the seasonal Sen slope: the median of every within-season pairwise slope (sen_pairs of them) per unit of t (per year for dates). NULL statistics when no season has two values.';

-- Availability: 0.2
CREATE TYPE @extschema@.pettitt AS (
    n                           pg_catalog.int4,
    u                           pg_catalog.int8,
    k                           pg_catalog.int8,
    p                           pg_catalog.float8,
    break_index                 pg_catalog.int4,
    t_last_before               pg_catalog.float8,
    t_first_after               pg_catalog.float8
);
COMMENT ON TYPE @extschema@.pettitt IS
'Result of oba.pettitt_agg (Pettitt 1979): n values used; U_t = sum over i <= t < j of sign(value_i - value_j) at the break (positive when the later values are lower); K = max |U_t|; the approximate p = min(1, 2 exp(-6 K^2/(n^3 + n^2))); break_index, the position (1-based) of the last value before the change (the first t reaching K, as trend::pettitt.test); its time t_last_before and the next time t_first_after (the first period after the change, what oba.its_agg takes as break_t), in years for dates (oba.years_to_date). No break (NULL) when K = 0.';

-- Availability: 0.2
CREATE TYPE @extschema@.segmented AS (
    n                           pg_catalog.int4,
    df                          pg_catalog.int4,
    n_before                    pg_catalog.int4,
    n_after                     pg_catalog.int4,
    psi                         pg_catalog.float8,
    psi_se                      pg_catalog.float8,
    psi_lower                   pg_catalog.float8,
    psi_upper                   pg_catalog.float8,
    intercept                   pg_catalog.float8,
    intercept_se                pg_catalog.float8,
    slope_before                pg_catalog.float8,
    slope_before_se             pg_catalog.float8,
    slope_after                 pg_catalog.float8,
    slope_after_se              pg_catalog.float8,
    slope_change                pg_catalog.float8,
    slope_change_se             pg_catalog.float8,
    sigma                       pg_catalog.float8,
    davies_p                    pg_catalog.float8
);
COMMENT ON TYPE @extschema@.segmented IS
'Result of oba.segmented_agg, the continuous broken line value = intercept + slope_before t + slope_change (t - psi)+ with the breakpoint psi estimated by least squares (as R segmented, Muggeo 2003): n, df = n - 4, n_before (t <= psi) and n_after; psi with its standard error and 95% interval psi -+ qt(0.975, df) psi_se (segmented''s covariance); intercept, slope_before, slope_after = slope_before + slope_change and slope_change, each with its standard error; the residual sd sigma; davies_p, Davies'' (2002) test of a change in slope (segmented::davies.test, k = 10), the test to use for whether there is a break at all. psi is in years for dates (oba.years_to_date).';

-- Hamed and Rao: the shared state (defaults), or its own with alpha and max_lag.

-- Availability: 0.2
CREATE FUNCTION @extschema@.mann_kendall_hamed_rao_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_mann_kendall_hamed_rao_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mann_kendall_hamed_rao_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.mann_kendall_hamed_rao_agg(t, value, alpha): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.mann_kendall_hamed_rao_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_mann_kendall_hamed_rao_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mann_kendall_hamed_rao_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
'Transition function of oba.mann_kendall_hamed_rao_agg(t, value, alpha, max_lag): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.mann_kendall_hamed_rao_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_mann_kendall_hamed_rao_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mann_kendall_hamed_rao_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8) IS
'Transition function of oba.mann_kendall_hamed_rao_agg(t date, value, alpha): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.mann_kendall_hamed_rao_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_mann_kendall_hamed_rao_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mann_kendall_hamed_rao_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
'Transition function of oba.mann_kendall_hamed_rao_agg(t date, value, alpha, max_lag): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.mann_kendall_hamed_rao_agg_final(@extschema@.agg_state)
RETURNS @extschema@.mann_kendall_hamed_rao AS 'MODULE_PATHNAME', 'oba_sql_mann_kendall_hamed_rao_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mann_kendall_hamed_rao_agg_final(@extschema@.agg_state) IS
'Final function of oba.mann_kendall_hamed_rao_agg: sorts the rows by time, drops missing values, refuses duplicate times (22023) and runs the test (alpha 0.05 and every lag on the shared state of oba.series_agg_trans); NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.mann_kendall_prewhitened_agg_final(@extschema@.agg_state)
RETURNS @extschema@.mann_kendall_prewhitened AS 'MODULE_PATHNAME', 'oba_sql_mann_kendall_prewhitened_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mann_kendall_prewhitened_agg_final(@extschema@.agg_state) IS
'Final function of oba.mann_kendall_prewhitened_agg: sorts the rows by time, drops missing values, refuses duplicate times (22023) and runs the test; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(t pg_catalog.float8, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.mann_kendall_hamed_rao_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(pg_catalog.float8, pg_catalog.float8) IS
'Mann-Kendall trend test with the variance corrected for autocorrelation (Hamed and Rao 1998; METHODS.md 10.1; as pymannkendall hamed_rao_modification_test and modifiedmk mmkh): the series less its Sen slope, ranked; the autocorrelations of the ranks at every lag, those significant at alpha = 0.05 counted; Var(S) x n/n*. Positions are lags, so the series should be equally spaced (missing values dropped). Rows with a NULL value are dropped; duplicate times are an error (22023). Fewer than 3 values: n only. O(n log n). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(t pg_catalog.float8, value pg_catalog.float8, alpha pg_catalog.float8) (
    SFUNC = @extschema@.mann_kendall_hamed_rao_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,8,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.mann_kendall_hamed_rao_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
'Mann-Kendall trend test with the variance corrected for autocorrelation (Hamed and Rao 1998; METHODS.md 10.1), counting the autocorrelations of the ranks significant at alpha (|r_k| > qnorm(1 - alpha/2)/sqrt(n); 0.05 without it) at every lag. alpha must lie in (0,1) and be the same on every row (22023); NULL is 22004. Rows with a NULL value are dropped; duplicate times are an error (22023). Fewer than 3 values: n only. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(t pg_catalog.float8, value pg_catalog.float8, alpha pg_catalog.float8, max_lag pg_catalog.int4) (
    SFUNC = @extschema@.mann_kendall_hamed_rao_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,8,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.mann_kendall_hamed_rao_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
'Mann-Kendall trend test with the variance corrected for autocorrelation (Hamed and Rao 1998; METHODS.md 10.1), counting the autocorrelations of the ranks significant at alpha among lags 1 to max_lag only (3 is modifiedmk''s mmkh3lag; NULL: every lag). max_lag below 1 is an error (22023); alpha and max_lag must be the same on every row. Rows with a NULL value are dropped; duplicate times are an error (22023). Fewer than 3 values: n only. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(t pg_catalog.date, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.mann_kendall_hamed_rao_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(pg_catalog.date, pg_catalog.float8) IS
'Mann-Kendall trend test with the variance corrected for autocorrelation (Hamed and Rao 1998; METHODS.md 10.1) over dated rows (time in years, oba.date_to_years: the Sen slope is per year): every lag, alpha 0.05. Positions are lags: one row per period. Rows with a NULL value are dropped; duplicate times are an error (22023). Fewer than 3 values: n only. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(t pg_catalog.date, value pg_catalog.float8, alpha pg_catalog.float8) (
    SFUNC = @extschema@.mann_kendall_hamed_rao_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,8,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.mann_kendall_hamed_rao_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.float8) IS
'Mann-Kendall trend test with the variance corrected for autocorrelation (Hamed and Rao 1998; METHODS.md 10.1) over dated rows (time in years), autocorrelations significant at alpha, every lag. alpha must lie in (0,1) and be the same on every row (22023). Rows with a NULL value are dropped; duplicate times are an error (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(t pg_catalog.date, value pg_catalog.float8, alpha pg_catalog.float8, max_lag pg_catalog.int4) (
    SFUNC = @extschema@.mann_kendall_hamed_rao_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,8,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.mann_kendall_hamed_rao_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall_hamed_rao_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
'Mann-Kendall trend test with the variance corrected for autocorrelation (Hamed and Rao 1998; METHODS.md 10.1) over dated rows (time in years), autocorrelations significant at alpha among lags 1 to max_lag (NULL: every lag). Bad alpha or max_lag, or parameters that differ between rows: 22023. Rows with a NULL value are dropped; duplicate times are an error (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mann_kendall_prewhitened_agg(t pg_catalog.float8, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.mann_kendall_prewhitened_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall_prewhitened_agg(pg_catalog.float8, pg_catalog.float8) IS
'Mann-Kendall trend test after trend-free pre-whitening (Yue and Wang 2002; METHODS.md 10.2; as pymannkendall trend_free_pre_whitening_modification_test and modifiedmk tfpwmk): remove the Sen slope, take out the lag-1 autocorrelation (always), put the trend back, test the n - 1 values. Positions are lags: the series should be equally spaced. Rows with a NULL value are dropped; duplicate times are an error (22023). Fewer than 4 values: n only. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.mann_kendall_prewhitened_agg(t pg_catalog.date, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.mann_kendall_prewhitened_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mann_kendall_prewhitened_agg(pg_catalog.date, pg_catalog.float8) IS
'Mann-Kendall trend test after trend-free pre-whitening (Yue and Wang 2002; METHODS.md 10.2) over dated rows (time in years, oba.date_to_years: the Sen slope is per year), one row per period. Rows with a NULL value are dropped; duplicate times are an error (22023). Fewer than 4 values: n only. NULL for no rows.';

-- Seasonal Mann-Kendall: state (t, value, season) with the parameter season_from_month.

-- Availability: 0.2
CREATE FUNCTION @extschema@.seasonal_mann_kendall_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_seasonal_mann_kendall_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.seasonal_mann_kendall_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
'Transition function of oba.seasonal_mann_kendall_agg(t, value, season): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.seasonal_mann_kendall_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_seasonal_mann_kendall_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.seasonal_mann_kendall_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8) IS
'Transition function of oba.seasonal_mann_kendall_agg(t date, value): appends one row, its season the month of t, to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.seasonal_mann_kendall_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_seasonal_mann_kendall_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.seasonal_mann_kendall_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.int4) IS
'Transition function of oba.seasonal_mann_kendall_agg(t date, value, season): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.seasonal_mann_kendall_agg_final(@extschema@.agg_state)
RETURNS @extschema@.seasonal_mann_kendall AS 'MODULE_PATHNAME', 'oba_sql_seasonal_mann_kendall_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.seasonal_mann_kendall_agg_final(@extschema@.agg_state) IS
'Final function of oba.seasonal_mann_kendall_agg: sorts the rows by time, drops missing values, refuses duplicate times (22023), groups by season and runs the test; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.seasonal_mann_kendall_agg(t pg_catalog.float8, value pg_catalog.float8, season pg_catalog.int4) (
    SFUNC = @extschema@.seasonal_mann_kendall_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,9,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.seasonal_mann_kendall_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.seasonal_mann_kendall_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
'Seasonal Mann-Kendall test (Hirsch, Slack and Smith 1982; METHODS.md 10.3) over rows of (t, value, season): S and its tie-corrected variance computed within each season and summed, the continuity-corrected z and p, and the seasonal Sen slope, the median of the within-season pairwise slopes per unit of t. Any integers name the seasons. A NULL season is an error (22004); rows with a NULL value are dropped; duplicate times are an error (22023). O(n log n). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.seasonal_mann_kendall_agg(t pg_catalog.date, value pg_catalog.float8) (
    SFUNC = @extschema@.seasonal_mann_kendall_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,9,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.seasonal_mann_kendall_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.seasonal_mann_kendall_agg(pg_catalog.date, pg_catalog.float8) IS
'Seasonal Mann-Kendall test (Hirsch, Slack and Smith 1982; METHODS.md 10.3) of a monthly or quarterly series: the season is the calendar month of t (a quarterly series dated on the same months every year has 4 seasons), time in years so the seasonal Sen slope is per year. Rows with a NULL value are dropped; duplicate times are an error (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.seasonal_mann_kendall_agg(t pg_catalog.date, value pg_catalog.float8, season pg_catalog.int4) (
    SFUNC = @extschema@.seasonal_mann_kendall_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,9,3,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.seasonal_mann_kendall_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.seasonal_mann_kendall_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.int4) IS
'Seasonal Mann-Kendall test (Hirsch, Slack and Smith 1982; METHODS.md 10.3) over dated rows with the season given (for example extract(quarter from t)::int, or school terms), time in years so the seasonal Sen slope is per year. A NULL season is an error (22004); rows with a NULL value are dropped; duplicate times are an error (22023). NULL for no rows.';

-- Pettitt's change-point test: the shared state.

-- Availability: 0.2
CREATE FUNCTION @extschema@.pettitt_agg_final(@extschema@.agg_state)
RETURNS @extschema@.pettitt AS 'MODULE_PATHNAME', 'oba_sql_pettitt_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pettitt_agg_final(@extschema@.agg_state) IS
'Final function of oba.pettitt_agg: sorts the rows by time, drops missing values, refuses duplicate times (22023) and runs the test; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.pettitt_agg(t pg_catalog.float8, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.pettitt_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.pettitt_agg(pg_catalog.float8, pg_catalog.float8) IS
'Pettitt''s (1979) test for one change in level at an unknown time (METHODS.md 14.1; as trend::pettitt.test): U_t from the ranks in O(n log n), K = max |U_t|, approximate p = min(1, 2 exp(-6 K^2/(n^3 + n^2))), the break (last time before the change, and the first after). Rows with a NULL value are dropped; duplicate times are an error (22023). Fewer than 3 values: n only. NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.pettitt_agg(t pg_catalog.date, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.pettitt_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.pettitt_agg(pg_catalog.date, pg_catalog.float8) IS
'Pettitt''s (1979) test for one change in level at an unknown time (METHODS.md 14.1) over dated rows: the break times in years (oba.years_to_date gives the dates). Rows with a NULL value are dropped; duplicate times are an error (22023). Fewer than 3 values: n only. NULL for no rows.';

-- The broken line with an estimated breakpoint: the shared state (min_segment 3), or its own.

-- Availability: 0.2
CREATE FUNCTION @extschema@.segmented_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_segmented_agg_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.segmented_agg_trans(@extschema@.agg_state, pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
'Transition function of oba.segmented_agg(t, value, min_segment): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.segmented_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.int4)
RETURNS @extschema@.agg_state AS 'MODULE_PATHNAME', 'oba_sql_segmented_agg_trans_date'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.segmented_agg_trans(@extschema@.agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.int4) IS
'Transition function of oba.segmented_agg(t date, value, min_segment): appends one row to the series state (in place inside an aggregate).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.segmented_agg_final(@extschema@.agg_state)
RETURNS @extschema@.segmented AS 'MODULE_PATHNAME', 'oba_sql_segmented_agg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.segmented_agg_final(@extschema@.agg_state) IS
'Final function of oba.segmented_agg: sorts the rows by time, drops missing values, refuses duplicate times (22023) and fits the broken line (min_segment 3 on the shared state of oba.series_agg_trans); NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.segmented_agg(t pg_catalog.float8, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.segmented_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.segmented_agg(pg_catalog.float8, pg_catalog.float8) IS
'Segmented regression with an estimated break (METHODS.md 14.2): the continuous broken line value = b0 + b1 t + b2 (t - psi)+ whose breakpoint psi minimises the residual sum of squares over [t_(3), t_(n-2)] (at least 3 values on each side), found exactly in O(n); standard errors as R segmented (psi''s from the covariance with the column -b2 1(t > psi), df = n - 4); Davies'' (2002) test of a change in slope (segmented::davies.test, k = 10) in davies_p. Rows with a NULL value are dropped; duplicate times are an error (22023). NULL estimates with n < 6 or the values on one line; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.segmented_agg(t pg_catalog.float8, value pg_catalog.float8, min_segment pg_catalog.int4) (
    SFUNC = @extschema@.segmented_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,10,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.segmented_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.segmented_agg(pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
'Segmented regression with an estimated break (METHODS.md 14.2): the continuous broken line with the least-squares breakpoint psi in [t_(h), t_(n-h+1)], h = min_segment (at least 2; the same on every row, 22023; NULL 22004); standard errors as R segmented, Davies'' test in davies_p. Rows with a NULL value are dropped; duplicate times are an error (22023). NULL estimates with n < max(5, 2h) or the values on one line; NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.segmented_agg(t pg_catalog.date, value pg_catalog.float8) (
    SFUNC = @extschema@.series_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,1,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.segmented_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.segmented_agg(pg_catalog.date, pg_catalog.float8) IS
'Segmented regression with an estimated break (METHODS.md 14.2) over dated rows (time in years: slopes per year, psi in years, oba.years_to_date): the continuous broken line with the least-squares breakpoint (at least 3 values on each side), standard errors as R segmented, Davies'' test in davies_p. Rows with a NULL value are dropped; duplicate times are an error (22023). NULL for no rows.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.segmented_agg(t pg_catalog.date, value pg_catalog.float8, min_segment pg_catalog.int4) (
    SFUNC = @extschema@.segmented_agg_trans,
    STYPE = @extschema@.agg_state,
    SSPACE = 2048,
    INITCOND = '{1,10,2,0,0}',
    COMBINEFUNC = @extschema@.series_agg_combine,
    FINALFUNC = @extschema@.segmented_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.segmented_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.int4) IS
'Segmented regression with an estimated break (METHODS.md 14.2) over dated rows (time in years), with at least min_segment values on each side of the breakpoint (at least 2; the same on every row, 22023; NULL 22004); standard errors as R segmented, Davies'' test in davies_p. Rows with a NULL value are dropped; duplicate times are an error (22023). NULL for no rows.';
