-- The public API of the proportion family: signatures, defaults, strictness
-- and the moving-aggregate support that rolling frames use.
BEGIN;
SELECT plan(8);

SELECT has_function('oba', 'proportion', ARRAY['double precision', 'double precision', 'double precision', 'double precision']);
SELECT is_strict('oba', 'proportion', ARRAY['double precision', 'double precision', 'double precision', 'double precision'],
                 'oba.proportion is STRICT: NULL in, NULL out');

SELECT is((SELECT pg_get_function_arguments('oba.proportion(float8, float8, float8, float8)'::regprocedure)),
          'successes double precision, total double precision, per double precision DEFAULT 100, confidence double precision DEFAULT 0.95',
          'oba.proportion defaults: percentage, 95%');

SELECT is_aggregate('oba', 'proportion_agg', ARRAY['double precision', 'double precision']);
SELECT is_aggregate('oba', 'proportion_agg', ARRAY['boolean']);

SELECT is(array(SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text = 'oba.proportion_agg'
                   AND (a.aggminvtransfn = 0 OR a.aggmtransfn = 0) ORDER BY 1),
          '{}'::text[], 'proportion_agg has moving-aggregate support');
SELECT is(array(SELECT DISTINCT a.aggtranstype::regtype::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text = 'oba.proportion_agg'),
          ARRAY['oba.agg_state'], 'its state is oba.agg_state (a float8[] with an exact text form), not internal');
SELECT is((SELECT count(*)::int FROM pg_aggregate a
            WHERE a.aggfnoid::regproc::text = 'oba.proportion_agg'), 8,
          'proportion_agg: float8 with optional per and confidence, boolean flags with the same, int4, int8');

SELECT * FROM finish();
ROLLBACK;
