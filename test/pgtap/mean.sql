-- The public API of the mean family: signatures, defaults, strictness, state.
BEGIN;
SELECT plan(10);

SELECT has_type('oba', 'mean_estimate', 'composite oba.mean_estimate exists');
SELECT columns_are('oba', 'mean_estimate', ARRAY['value', 'lower', 'upper', 'value_sum', 'value_count', 'stdev']);
SELECT col_type_is('oba', 'mean_estimate', 'value_count', 'bigint', 'value_count is a bigint');
SELECT is((SELECT pg_get_function_arguments('oba.mean(int8, float8, float8, float8)'::regprocedure)),
          'n bigint, mean double precision, sd double precision, confidence double precision DEFAULT 0.95',
          'oba.mean arguments and defaults');
SELECT isnt_strict('oba', 'mean', ARRAY['bigint', 'double precision', 'double precision', 'double precision'],
                   'oba.mean handles NULL itself (a NULL sd still gives the value)');
SELECT function_returns('oba', 'mean', ARRAY['bigint', 'double precision', 'double precision', 'double precision'], 'oba.mean_estimate');
SELECT is_aggregate('oba', 'mean_agg', ARRAY['double precision']);
SELECT is_aggregate('oba', 'mean_agg', ARRAY['double precision', 'double precision']);
SELECT is(array(SELECT DISTINCT a.aggtranstype::regtype::text || ' ' || a.agginitval FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text = 'oba.mean_agg'),
          ARRAY['oba.agg_state {0,0,0,0,0,0.95}'], 'oba.mean_agg keeps a fixed state of 6 values');
SELECT is(array(SELECT DISTINCT a.aggmtransfn::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text = 'oba.mean_agg'),
          ARRAY['-'], 'oba.mean_agg has no moving-aggregate support (Welford''s update has no exact inverse)');

SELECT * FROM finish();
ROLLBACK;
