-- The public API of the dsr family: oba.dsr_agg, oba.dsr_nonindependent_agg, oba.esp2013.
BEGIN;
SELECT plan(10);

SELECT is_aggregate('oba', 'dsr_agg', ARRAY['double precision', 'double precision', 'double precision']);
SELECT is_aggregate('oba', 'dsr_agg', ARRAY['double precision', 'double precision', 'double precision', 'double precision', 'double precision']);
SELECT is_aggregate('oba', 'dsr_agg', ARRAY['integer', 'integer', 'integer']);
SELECT is_aggregate('oba', 'dsr_agg', ARRAY['bigint', 'bigint', 'bigint']);
SELECT is_aggregate('oba', 'dsr_nonindependent_agg', ARRAY['double precision', 'double precision', 'double precision', 'double precision']);
SELECT is(array(SELECT DISTINCT a.aggtranstype::regtype::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text IN ('oba.dsr_agg', 'oba.dsr_nonindependent_agg')),
          ARRAY['oba.agg_state'], 'the DSR aggregates keep an oba.agg_state state');
SELECT is(array(SELECT DISTINCT p.prorettype::regtype::text FROM pg_proc p
                 WHERE p.oid::regproc::text IN ('oba.dsr_agg', 'oba.dsr_nonindependent_agg')),
          ARRAY['oba.estimate'], 'they return oba.estimate');
SELECT has_view('oba', 'esp2013', 'oba.esp2013 is a view');
SELECT columns_are('oba', 'esp2013', ARRAY['band', 'age_band', 'age_lower', 'age_upper', 'standard_population']);
SELECT ok(has_table_privilege('public', 'oba.esp2013', 'SELECT'), 'every role may read oba.esp2013');

SELECT * FROM finish();
ROLLBACK;
