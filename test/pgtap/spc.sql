-- The public API of the SPC family: spc_points' signature, defaults and
-- columns; spc_agg overloads and its summary type.
BEGIN;
SELECT plan(7);

SELECT is((SELECT pg_get_function_arguments('oba.spc_points(float8[], float8[], text, float8, float8[], int4, bool, int4, bool)'::regprocedure)),
          't double precision[], value double precision[], polarity text DEFAULT ''higher_is_better''::text, target double precision DEFAULT NULL::double precision, rebase double precision[] DEFAULT NULL::double precision[], fix_after integer DEFAULT NULL::integer, screen_outliers boolean DEFAULT true, run_length integer DEFAULT 7, two_in_three_2023 boolean DEFAULT false',
          'oba.spc_points defaults: the package''s');
SELECT is((SELECT pg_get_function_result('oba.spc_points(float8[], float8[], text, float8, float8[], int4, bool, int4, bool)'::regprocedure)),
          'TABLE(t double precision, value double precision, rebase_group integer, mean double precision, lpl double precision, upl double precision, nlpl double precision, nupl double precision, amr double precision, outside_limits boolean, relative_to_mean integer, close_to_limits boolean, special_cause text, point_type text, short_group_warning boolean, assurance text)',
          'oba.spc_points columns');
SELECT has_function('oba', 'spc_points', ARRAY['date[]', 'double precision[]', 'text', 'double precision', 'date[]', 'integer', 'boolean', 'integer', 'boolean']);
SELECT columns_are('oba', 'spc_summary', ARRAY['n', 'value', 'mean', 'lpl', 'upl', 'special_cause',
  'point_type', 'variation', 'assurance', 'short_group_warning'], 'oba.spc_summary columns');
SELECT is_aggregate('oba', 'spc_agg', ARRAY['double precision', 'double precision']);
SELECT is_aggregate('oba', 'spc_agg', ARRAY['date', 'double precision', 'text', 'double precision', 'date[]', 'integer', 'boolean', 'integer', 'boolean']);
SELECT is((SELECT count(*)::int FROM pg_aggregate WHERE aggfnoid::regproc::text = 'oba.spc_agg'), 8,
          'spc_agg: (t, value), + polarity, + target, + every option; float8 and date times');

SELECT * FROM finish();
ROLLBACK;
