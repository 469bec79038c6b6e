-- The public API of the curve family: turn_the_curve_agg overloads, the
-- result type, and curve_points' signature and defaults.
BEGIN;
SELECT plan(8);

SELECT columns_are('oba', 'turn_the_curve', ARRAY['status', 'n_pre', 'n_post', 'baseline_intercept',
  'baseline_slope', 'baseline_sigma', 'baseline_df', 'baseline_slope_se', 'baseline_slope_p',
  'baseline_direction', 't_quantile', 'level_change', 'slope_change', 'post_slope', 'slope_change_p',
  'test_method', 'effect_at_last', 'effect_se', 'effect_df', 'effect_t', 'effect_p', 'periods_better',
  'periods_worse', 'periods_beyond_pi_better', 'periods_beyond_pi_worse', 'trailing_periods_better',
  'curve_shape', 'current_trend_direction', 'current_trend_periods', 'current_trend_good',
  'baseline_pct_change'], 'oba.turn_the_curve has the outputs of definition v1');
SELECT is_aggregate('oba', 'turn_the_curve_agg', ARRAY['double precision', 'double precision', 'double precision']);
SELECT is_aggregate('oba', 'turn_the_curve_agg', ARRAY['double precision', 'double precision', 'double precision', 'text', 'double precision']);
SELECT is_aggregate('oba', 'turn_the_curve_agg', ARRAY['date', 'double precision', 'date', 'text']);
SELECT is((SELECT pg_get_function_arguments('oba.curve_points(float8[], float8[], float8, text, int4, float8)'::regprocedure)),
          't double precision[], value double precision[], start double precision, polarity text DEFAULT ''higher_is_better''::text, horizon integer DEFAULT 0, alpha double precision DEFAULT 0.05',
          'oba.curve_points defaults: higher is better, no horizon, alpha 0.05');
SELECT is((SELECT pg_get_function_result('oba.curve_points(float8[], float8[], float8, text, int4, float8)'::regprocedure)),
          'TABLE(t double precision, value double precision, fitted_or_forecast double precision, pi_lower double precision, pi_upper double precision, se_pred double precision, residual double precision, point_class text)',
          'oba.curve_points columns');
SELECT is((SELECT pg_get_function_result('oba.curve_points(date[], float8[], date, text, int4, float8)'::regprocedure)),
          'TABLE(t date, value double precision, fitted_or_forecast double precision, pi_lower double precision, pi_upper double precision, se_pred double precision, residual double precision, point_class text)',
          'the date overload returns dates');
SELECT isnt_strict('oba', 'curve_points', ARRAY['double precision[]', 'double precision[]', 'double precision', 'text', 'integer', 'double precision'],
                   'oba.curve_points is not STRICT: a NULL start is an error, not silence');

SELECT * FROM finish();
ROLLBACK;
