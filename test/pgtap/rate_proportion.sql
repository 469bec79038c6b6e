-- The public API of the rate and proportion families: signatures, defaults,
-- strictness and the moving-aggregate support that rolling frames use.
BEGIN;
SELECT plan(16);

SELECT has_type('oba', 'estimate', 'composite oba.estimate exists');
SELECT columns_are('oba', 'estimate', ARRAY['value', 'lower', 'upper', 'numerator', 'denominator'],
                   'oba.estimate has its five columns');

SELECT has_function('oba', 'rate', ARRAY['double precision', 'double precision', 'double precision', 'double precision']);
SELECT is_strict('oba', 'rate', ARRAY['double precision', 'double precision', 'double precision', 'double precision'],
                 'oba.rate is STRICT: NULL in, NULL out');
SELECT volatility_is('oba', 'rate', ARRAY['double precision', 'double precision', 'double precision', 'double precision'],
                     'immutable', 'oba.rate is IMMUTABLE');
SELECT has_function('oba', 'proportion', ARRAY['double precision', 'double precision', 'double precision', 'double precision']);
SELECT is_strict('oba', 'proportion', ARRAY['double precision', 'double precision', 'double precision', 'double precision'],
                 'oba.proportion is STRICT: NULL in, NULL out');

SELECT is((SELECT pg_get_function_arguments('oba.rate(float8, float8, float8, float8)'::regprocedure)),
          'events double precision, population double precision, per double precision DEFAULT 10000, confidence double precision DEFAULT 0.95',
          'oba.rate defaults: per 10,000, 95%');
SELECT is((SELECT pg_get_function_arguments('oba.proportion(float8, float8, float8, float8)'::regprocedure)),
          'successes double precision, total double precision, per double precision DEFAULT 100, confidence double precision DEFAULT 0.95',
          'oba.proportion defaults: percentage, 95%');

SELECT is_aggregate('oba', 'rate_agg', ARRAY['double precision', 'double precision']);
SELECT is_aggregate('oba', 'rate_agg', ARRAY['double precision', 'double precision', 'double precision', 'double precision']);
SELECT is_aggregate('oba', 'proportion_agg', ARRAY['double precision', 'double precision']);
SELECT is_aggregate('oba', 'proportion_agg', ARRAY['boolean']);

SELECT is(array(SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text IN ('oba.rate_agg', 'oba.proportion_agg')
                   AND (a.aggminvtransfn = 0 OR a.aggmtransfn = 0) ORDER BY 1),
          '{}'::text[], 'rate_agg and proportion_agg have moving-aggregate support');
SELECT is(array(SELECT DISTINCT a.aggtranstype::regtype::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text IN ('oba.rate_agg', 'oba.proportion_agg')),
          ARRAY['oba.agg_state'], 'their state is oba.agg_state (a float8[] with an exact text form), not internal');
SELECT is((SELECT count(*)::int FROM pg_aggregate a
            WHERE a.aggfnoid::regproc::text IN ('oba.rate_agg', 'oba.proportion_agg')), 13,
          'rate_agg: float8 with optional per and confidence, int4, int8; proportion_agg: the same and boolean flags');

SELECT * FROM finish();
ROLLBACK;
