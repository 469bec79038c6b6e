-- The public API of the trend family: signatures, result columns, strictness.
BEGIN;
SELECT plan(28);

SELECT columns_are('oba', 'mann_kendall', ARRAY['n', 's', 'var_s', 'z', 'p', 'tau', 'sen_slope',
  'sen_lower', 'sen_upper', 'sen_intercept', 'z_uncorrected', 'p_uncorrected', 'p_exact',
  'sen_pairs', 'sen_c_alpha', 'sen_rank_lower', 'sen_rank_upper'], 'oba.mann_kendall columns');
SELECT columns_are('oba', 'linear_trend', ARRAY['n', 'df', 'slope', 'intercept', 'se_slope',
  'se_intercept', 't_slope', 'p_slope', 'r_squared', 'sigma', 't_mean', 'sxx'], 'oba.linear_trend columns');
SELECT columns_are('oba', 'its', ARRAY['n', 'n_pre', 'n_post', 'df', 'intercept', 'intercept_se',
  'intercept_t', 'intercept_p', 'pre_slope', 'pre_slope_se', 'pre_slope_t', 'pre_slope_p',
  'level_change', 'level_change_se', 'level_change_t', 'level_change_p', 'slope_change',
  'slope_change_se', 'slope_change_t', 'slope_change_p', 'post_slope', 'post_slope_se',
  'effect_at_last', 'effect_at_last_se', 'effect_at_last_p', 'sigma'], 'oba.its columns');
SELECT columns_are('oba', 'trend_chisq', ARRAY['k', 'x2', 'p_value'], 'oba.trend_chisq columns');
SELECT columns_are('oba', 'recent_trend', ARRAY['points', 'chi2', 'p_value', 'slope', 'loo_slope_signs',
  'significant', 'outlier_found', 'trend', 'marker'], 'oba.recent_trend columns');

SELECT is_aggregate('oba', 'mann_kendall_agg', ARRAY['double precision', 'double precision']);
SELECT is_aggregate('oba', 'linear_trend_agg', ARRAY['date', 'double precision']);
SELECT is_aggregate('oba', 'its_agg', ARRAY['double precision', 'double precision', 'double precision']);
SELECT is_aggregate('oba', 'trend_chisq_agg', ARRAY['double precision', 'double precision', 'double precision', 'text']);
SELECT is_aggregate('oba', 'recent_trend_agg', ARRAY['double precision', 'double precision', 'double precision', 'text', 'integer', 'text']);
SELECT is_aggregate('oba', 'recent_trend_ci_agg', ARRAY['date', 'double precision', 'double precision', 'double precision', 'text']);
SELECT function_returns('oba', 'linear_predict', ARRAY['oba.linear_trend', 'double precision', 'double precision'], 'oba.prediction');
SELECT is_strict('oba', 'linear_predict', ARRAY['oba.linear_trend', 'double precision', 'double precision'],
                 'oba.linear_predict is STRICT: NULL in, NULL out');
SELECT is((SELECT pg_get_function_arguments('oba.linear_predict(oba.linear_trend, float8, float8)'::regprocedure)),
          'fit oba.linear_trend, t double precision, confidence double precision DEFAULT 0.95',
          'oba.linear_predict: 95% by default');
SELECT ok(obj_description('oba.mann_kendall'::regtype, 'pg_type') ~ 'intercept median\(value - sen_slope t\) \(as zyp\)'
          AND obj_description('oba.mann_kendall'::regtype, 'pg_type') !~ 'Conover',
          'the Sen intercept is named for what it is, median(value - sen_slope t) as zyp, not Conover''s');

-- the tests of issue 14
SELECT columns_are('oba', 'mann_kendall_hamed_rao', ARRAY['n', 's', 'var_s', 'correction', 'n_effective',
  'var_s_corrected', 'z', 'p', 'lags', 'lags_significant', 'sen_slope'], 'oba.mann_kendall_hamed_rao columns');
SELECT columns_are('oba', 'mann_kendall_prewhitened', ARRAY['n', 'n_prewhitened', 'lag1', 's', 'var_s', 'z', 'p',
  'sen_slope'], 'oba.mann_kendall_prewhitened columns');
SELECT columns_are('oba', 'seasonal_mann_kendall', ARRAY['n', 'seasons', 's', 'var_s', 'z', 'p', 'tau', 'sen_slope',
  'sen_pairs'], 'oba.seasonal_mann_kendall columns');
SELECT columns_are('oba', 'pettitt', ARRAY['n', 'u', 'k', 'p', 'break_index', 't_last_before', 't_first_after'],
  'oba.pettitt columns');
SELECT columns_are('oba', 'segmented', ARRAY['n', 'df', 'n_before', 'n_after', 'psi', 'psi_se', 'psi_lower',
  'psi_upper', 'intercept', 'intercept_se', 'slope_before', 'slope_before_se', 'slope_after', 'slope_after_se',
  'slope_change', 'slope_change_se', 'sigma', 'davies_p'], 'oba.segmented columns');
SELECT is_aggregate('oba', 'mann_kendall_hamed_rao_agg', ARRAY['double precision', 'double precision', 'double precision', 'integer']);
SELECT is_aggregate('oba', 'mann_kendall_hamed_rao_agg', ARRAY['date', 'double precision']);
SELECT is_aggregate('oba', 'mann_kendall_prewhitened_agg', ARRAY['date', 'double precision']);
SELECT is_aggregate('oba', 'seasonal_mann_kendall_agg', ARRAY['double precision', 'double precision', 'integer']);
SELECT is_aggregate('oba', 'seasonal_mann_kendall_agg', ARRAY['date', 'double precision']);
SELECT is_aggregate('oba', 'pettitt_agg', ARRAY['double precision', 'double precision']);
SELECT is_aggregate('oba', 'segmented_agg', ARRAY['date', 'double precision', 'integer']);
SELECT is((SELECT count(*)::int FROM pg_proc p WHERE p.pronamespace = 'oba'::regnamespace AND p.prokind = 'a'
            AND p.proname IN ('mann_kendall_hamed_rao_agg', 'mann_kendall_prewhitened_agg', 'seasonal_mann_kendall_agg',
                              'pettitt_agg', 'segmented_agg') AND p.proparallel = 's'), 17,
          'the 17 new overloads are parallel safe');

SELECT * FROM finish();
ROLLBACK;
