-- The public API of the disclosure family: signatures, defaults, result
-- columns, IMMUTABLE and PARALLEL SAFE, errors, the size limit.
BEGIN;
SELECT plan(14);

SELECT has_function('oba', 'suppress', ARRAY['bigint', 'integer', 'boolean']);
SELECT has_function('oba', 'round_to', ARRAY['bigint', 'integer']);
SELECT has_function('oba', 'suppress_table', ARRAY['text[]', 'bigint[]', 'integer', 'boolean']);
SELECT has_function('oba', 'suppress_table', ARRAY['text[]', 'text[]', 'bigint[]', 'integer', 'boolean']);
SELECT is((SELECT pg_get_function_arguments('oba.suppress(bigint, int, boolean)'::regprocedure)),
          'count bigint, threshold integer DEFAULT 5, suppress_zero boolean DEFAULT false',
          'oba.suppress defaults: threshold 5, zero kept');
SELECT is((SELECT pg_get_function_arguments('oba.round_to(bigint, int)'::regprocedure)),
          'count bigint, base integer DEFAULT 5', 'oba.round_to default base 5');
SELECT is((SELECT pg_get_function_result('oba.suppress_table(text[], bigint[], int, boolean)'::regprocedure)),
          'TABLE(label text, is_total boolean, published bigint, flag text)', 'one-way result columns');
SELECT is((SELECT pg_get_function_result('oba.suppress_table(text[], text[], bigint[], int, boolean)'::regprocedure)),
          'TABLE(row_label text, col_label text, published bigint, flag text)', 'two-way result columns');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'oba'::regnamespace
                   AND p.proname IN ('suppress', 'round_to', 'suppress_table')
                   AND NOT (p.provolatile = 'i' AND p.proparallel = 's' AND p.proisstrict)
                 ORDER BY 1),
          '{}'::text[], 'every disclosure function is IMMUTABLE, PARALLEL SAFE and STRICT');
SELECT throws_ok($$SELECT oba.suppress(-1)$$, '22023', NULL, 'negative count: 22023');
SELECT throws_ok($$SELECT oba.suppress(1, 0)$$, '22023', NULL, 'threshold below 1: 22023');
SELECT throws_ok($$SELECT oba.round_to(1, 0)$$, '22023', NULL, 'base below 1: 22023');
SELECT is((SELECT count(*)::int FROM oba.suppress_table('{a,b}'::text[], array[2, 40]::int[]::bigint[])
            WHERE published IS NULL), 2, 'a lone small cell takes a second cell with it');

SELECT throws_ok($$SELECT count(*) FROM oba.suppress_table(array(SELECT 'r' || i FROM generate_series(1, 1001) i),
                                                       array(SELECT 'c' || i FROM generate_series(1, 1001) i),
                                                       array(SELECT 7::bigint FROM generate_series(1, 1001) i))$$,
                 '54000', NULL, 'a two-way table of more than 1,000,000 cells: 54000');

SELECT * FROM finish();
ROLLBACK;
