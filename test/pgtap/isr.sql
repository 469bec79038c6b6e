-- The public API of the isr family: oba.isr_agg and its result type oba.isr.
BEGIN;
SELECT plan(5);

SELECT has_type('oba', 'isr', 'composite oba.isr exists');
SELECT columns_are('oba', 'isr', ARRAY['observed', 'expected', 'reference_rate', 'ratio', 'ratio_lower',
                                      'ratio_upper', 'rate', 'rate_lower', 'rate_upper']);
SELECT is_aggregate('oba', 'isr_agg', ARRAY['double precision', 'double precision', 'double precision', 'double precision']);
SELECT is_aggregate('oba', 'isr_agg', ARRAY['double precision', 'double precision', 'double precision', 'double precision', 'double precision', 'double precision']);
SELECT is(array(SELECT DISTINCT a.aggtranstype::regtype::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text = 'oba.isr_agg'),
          ARRAY['oba.agg_state'], 'oba.isr_agg keeps an oba.agg_state state');

SELECT * FROM finish();
ROLLBACK;
