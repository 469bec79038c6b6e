-- The public API of the rate family: signatures, defaults, strictness and
-- the moving-aggregate support that rolling frames use.
BEGIN;
SELECT plan(9);

SELECT has_function('oba', 'rate', ARRAY['double precision', 'double precision', 'double precision', 'double precision']);
SELECT is_strict('oba', 'rate', ARRAY['double precision', 'double precision', 'double precision', 'double precision'],
                 'oba.rate is STRICT: NULL in, NULL out');
SELECT volatility_is('oba', 'rate', ARRAY['double precision', 'double precision', 'double precision', 'double precision'],
                     'immutable', 'oba.rate is IMMUTABLE');

SELECT is((SELECT pg_get_function_arguments('oba.rate(float8, float8, float8, float8)'::regprocedure)),
          'events double precision, population double precision, per double precision DEFAULT 10000, confidence double precision DEFAULT 0.95',
          'oba.rate defaults: per 10,000, 95%');

SELECT is_aggregate('oba', 'rate_agg', ARRAY['double precision', 'double precision']);
SELECT is_aggregate('oba', 'rate_agg', ARRAY['double precision', 'double precision', 'double precision', 'double precision']);

SELECT is(array(SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text = 'oba.rate_agg'
                   AND (a.aggminvtransfn = 0 OR a.aggmtransfn = 0) ORDER BY 1),
          '{}'::text[], 'rate_agg has moving-aggregate support');
SELECT is(array(SELECT DISTINCT a.aggtranstype::regtype::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text = 'oba.rate_agg'),
          ARRAY['oba.agg_state'], 'its state is oba.agg_state (a float8[] with an exact text form), not internal');
SELECT is((SELECT count(*)::int FROM pg_aggregate a
            WHERE a.aggfnoid::regproc::text = 'oba.rate_agg'), 5,
          'rate_agg: float8 with optional per and confidence, int4, int8');

SELECT * FROM finish();
ROLLBACK;
