-- The public API of the estimate family: the composite oba.estimate that
-- oba.rate, oba.proportion and their aggregates return.
BEGIN;
SELECT plan(2);

SELECT has_type('oba', 'estimate', 'composite oba.estimate exists');
SELECT columns_are('oba', 'estimate', ARRAY['value', 'lower', 'upper', 'numerator', 'denominator'],
                   'oba.estimate has its five columns');

SELECT * FROM finish();
ROLLBACK;
