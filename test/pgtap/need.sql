-- The public API of the need family.
BEGIN;
SELECT plan(11);

SELECT is_strict('oba', 'need_z', ARRAY['double precision', 'double precision', 'double precision', 'text']);
SELECT is_aggregate('oba', 'need_score_agg', ARRAY['double precision']);
SELECT is_aggregate('oba', 'need_score_agg', ARRAY['double precision', 'double precision']);
SELECT is(array(SELECT DISTINCT a.aggtranstype::regtype::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text = 'oba.need_score_agg'),
          ARRAY['oba.agg_state'], 'oba.need_score_agg keeps an oba.agg_state state');
SELECT function_returns('oba', 'quantile_group', ARRAY['bigint', 'bigint', 'integer'], 'integer');
SELECT is_strict('oba', 'decile', ARRAY['bigint', 'bigint']);
SELECT is_strict('oba', 'quintile', ARRAY['bigint', 'bigint']);
SELECT function_returns('oba', 'quantile_group', ARRAY['bigint', 'bigint', 'integer', 'text'], 'integer');
SELECT is_strict('oba', 'quantile_group', ARRAY['bigint', 'bigint', 'integer', 'text']);
SELECT is_strict('oba', 'decile', ARRAY['bigint', 'bigint', 'text']);
SELECT is_strict('oba', 'quintile', ARRAY['bigint', 'bigint', 'text']);

SELECT * FROM finish();
ROLLBACK;
