-- The public API of the period family: signatures, return types, strictness,
-- IMMUTABLE and PARALLEL SAFE (so they can be used in indexes, generated
-- columns and partition keys).
BEGIN;
SELECT plan(23);

SELECT has_function('oba', 'fy', ARRAY['date']);
SELECT has_function('oba', 'fy_quarter', ARRAY['date']);
SELECT has_function('oba', 'fy_quarter_start', ARRAY['date']);
SELECT has_function('oba', 'academic_year', ARRAY['date']);
SELECT has_function('oba', 'age_at', ARRAY['date', 'date']);
SELECT has_function('oba', 'age_months_at', ARRAY['date', 'date']);
SELECT has_function('oba', 'age_band', ARRAY['integer', 'integer[]']);

SELECT function_returns('oba', 'fy', ARRAY['date'], 'text');
SELECT function_returns('oba', 'fy_quarter_start', ARRAY['date'], 'date');
SELECT function_returns('oba', 'age_at', ARRAY['date', 'date'], 'integer');
SELECT function_returns('oba', 'age_band', ARRAY['integer', 'integer[]'], 'text');

SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'oba'::regnamespace
                   AND p.proname IN ('fy', 'fy_quarter', 'fy_quarter_start', 'academic_year',
                                     'age_at', 'age_months_at', 'age_band')
                   AND NOT (p.provolatile = 'i' AND p.proparallel = 's' AND p.proisstrict)
                 ORDER BY 1),
          '{}'::text[], 'every period function is IMMUTABLE, PARALLEL SAFE and STRICT');

SELECT is((SELECT pg_get_function_arguments('oba.age_at(date, date)'::regprocedure)),
          'dob date, at date', 'oba.age_at(dob, at)');
SELECT is((SELECT pg_get_function_arguments('oba.age_band(int, int[])'::regprocedure)),
          'age integer, bands integer[]', 'oba.age_band(age, bands)');

-- IMMUTABLE is what lets them key an expression index and a generated column
CREATE TEMP TABLE visits (d date, dob date,
                          quarter text GENERATED ALWAYS AS (oba.fy_quarter(d)) STORED);
SELECT lives_ok($$CREATE INDEX ON visits (oba.fy_quarter_start(d))$$, 'expression index on oba.fy_quarter_start');
SELECT lives_ok($$CREATE INDEX ON visits (oba.age_band(oba.age_at(dob, d), '{0,5,10,15}'))$$,
                'expression index on an age band');
INSERT INTO visits (d, dob) VALUES ('2024-07-01', '2020-02-29');
SELECT is((SELECT quarter FROM visits), '2024-25 Q2', 'generated column holds the quarter');

SELECT throws_ok($$SELECT oba.age_at('2025-01-02', '2025-01-01')$$, '22023', NULL, 'dob after at: 22023');
SELECT throws_ok($$SELECT oba.fy('infinity')$$, '22023', NULL, 'infinite date: 22023');
SELECT throws_ok($$SELECT oba.age_band(-1, '{0,5}')$$, '22023', NULL, 'negative age: 22023');
SELECT throws_ok($$SELECT oba.age_band(1, '{0,10,5}')$$, '22023', NULL, 'unsorted bands: 22023');
SELECT throws_ok($$SELECT oba.age_band(1, '{{0,5},{4,9}}')$$, '22023', NULL, 'overlapping bands: 22023');
SELECT is(oba.age_at('2008-02-29', '2026-03-01') - oba.age_at('2008-02-29', '2026-02-28'), 1,
          'born 29 February: a year older on 1 March in a common year');

SELECT * FROM finish();
ROLLBACK;
