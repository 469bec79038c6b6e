-- The public API of the funnel family: signatures, defaults, strictness.
BEGIN;
SELECT plan(13);

SELECT has_type('oba', 'funnel_point', 'composite oba.funnel_point exists');
SELECT columns_are('oba', 'funnel_point', ARRAY['x', 'lower_2s', 'upper_2s', 'lower_3s', 'upper_3s', 'baseline',
                   'lower_2s_denominator', 'upper_2s_denominator', 'lower_3s_denominator', 'upper_3s_denominator']);
SELECT is((SELECT pg_get_function_arguments('oba.funnel_limits(text, float8, float8, float8, float8)'::regprocedure)),
          'statistic text, x double precision, average double precision DEFAULT NULL::double precision, per double precision DEFAULT NULL::double precision, years_of_data double precision DEFAULT 1',
          'oba.funnel_limits arguments and defaults');
SELECT isnt_strict('oba', 'funnel_limits', ARRAY['text', 'double precision', 'double precision', 'double precision', 'double precision'],
                   'oba.funnel_limits handles NULL itself (a ratio needs no average)');
SELECT is((SELECT proretset FROM pg_proc WHERE oid = 'oba.funnel_axis(text, float8, float8, float8, float8)'::regprocedure),
          true, 'oba.funnel_axis returns a set');
SELECT is((SELECT pg_get_function_result('oba.funnel_axis(text, float8, float8, float8, float8)'::regprocedure)),
          'TABLE(point integer, x double precision)', 'oba.funnel_axis returns (point, x)');
SELECT has_function('oba', 'funnel_significance', ARRAY['text', 'double precision', 'double precision', 'double precision', 'double precision', 'double precision']);
SELECT function_returns('oba', 'funnel_significance', ARRAY['text', 'double precision', 'double precision', 'double precision', 'double precision', 'double precision'], 'text');
SELECT has_function('oba', 'funnel_denominator', ARRAY['text', 'double precision', 'double precision', 'double precision', 'double precision']);
SELECT has_type('oba', 'funnel_chart_point', 'composite oba.funnel_chart_point exists');
SELECT columns_are('oba', 'funnel_chart_point', ARRAY['denominator', 'value']);
SELECT is((SELECT pg_get_function_arguments('oba.funnel_points(text, float8, float8, float8, float8, float8)'::regprocedure)),
          'statistic text, numerator double precision, denominator double precision, rate double precision DEFAULT NULL::double precision, per double precision DEFAULT NULL::double precision, years_of_data double precision DEFAULT 1',
          'oba.funnel_points arguments and defaults');
SELECT isnt_strict('oba', 'funnel_points', ARRAY['text', 'double precision', 'double precision', 'double precision', 'double precision', 'double precision'],
                   'oba.funnel_points handles NULL itself (a ratio or proportion needs no rate)');

SELECT * FROM finish();
ROLLBACK;
