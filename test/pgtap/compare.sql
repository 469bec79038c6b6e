-- The public API of the compare family: signatures, defaults, strictness.
BEGIN;
SELECT plan(11);

SELECT has_type('oba', 'contrast', 'composite oba.contrast exists');
SELECT columns_are('oba', 'contrast', ARRAY['value', 'lower', 'upper', 'p_value', 'method']);
SELECT is((SELECT pg_get_function_arguments('oba.compare(oba.estimate, float8, text)'::regprocedure)),
          'estimate oba.estimate, benchmark double precision, polarity text DEFAULT ''higher_is_better''::text',
          'oba.compare arguments; polarity defaults to higher_is_better');
SELECT has_function('oba', 'compare', ARRAY['oba.estimate', 'oba.estimate', 'double precision', 'text']);
SELECT has_function('oba', 'compare', ARRAY['double precision', 'double precision', 'double precision', 'double precision', 'text']);
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.oid::regproc::text = 'oba.compare' AND p.proisstrict ORDER BY 1),
          '{}'::text[], 'oba.compare is not STRICT: missing input gives not_compared');
SELECT is_strict('oba', 'proportion_difference', ARRAY['double precision', 'double precision', 'double precision', 'double precision', 'double precision', 'double precision']);
SELECT is((SELECT pg_get_function_arguments('oba.proportion_difference(float8, float8, float8, float8, float8, float8)'::regprocedure)),
          'x1 double precision, n1 double precision, x2 double precision, n2 double precision, per double precision DEFAULT 100, confidence double precision DEFAULT 0.95',
          'oba.proportion_difference defaults: percentage points, 95%');
SELECT is_strict('oba', 'rate_ratio', ARRAY['double precision', 'double precision', 'double precision', 'double precision', 'double precision']);
SELECT function_returns('oba', 'gap_to_close', ARRAY['double precision', 'double precision', 'double precision', 'double precision'], 'bigint');
SELECT is((SELECT pg_get_function_arguments('oba.gap_to_close(float8, float8, float8, float8)'::regprocedure)),
          'successes double precision, total double precision, target_proportion double precision, per double precision DEFAULT 1',
          'oba.gap_to_close arguments: a fraction by default');

SELECT * FROM finish();
ROLLBACK;
