-- The public API of oba.statistical_neighbours: signature, result columns,
-- labels, and its errors by SQLSTATE (the 54000 limits among them).
BEGIN;
SELECT plan(14);

SELECT has_function('oba', 'statistical_neighbours', ARRAY['text[]', 'double precision[]', 'integer', 'double precision[]']);
SELECT is((SELECT p.proretset FROM pg_proc p WHERE p.oid = 'oba.statistical_neighbours(text[], float8[], int4, float8[])'::regprocedure),
          true, 'it returns a set of rows');
SELECT is(array(SELECT p.proargnames[i] || ' ' || format_type(p.proallargtypes[i], NULL)
                  FROM pg_proc p, generate_subscripts(p.proallargtypes, 1) i
                 WHERE p.oid = 'oba.statistical_neighbours(text[], float8[], int4, float8[])'::regprocedure
                   AND p.proargmodes[i] = 't' ORDER BY i),
          ARRAY['area text', 'neighbour text', 'rank integer', 'distance double precision',
                'relative_distance double precision'],
          'plain columns: area, neighbour, rank, distance, relative_distance');
SELECT volatility_is('oba', 'statistical_neighbours', ARRAY['text[]', 'double precision[]', 'integer', 'double precision[]'], 'immutable');
SELECT isnt_strict('oba', 'statistical_neighbours', ARRAY['text[]', 'double precision[]', 'integer', 'double precision[]'],
                   'not STRICT: weights may be NULL');
SELECT is((SELECT proparallel FROM pg_proc WHERE oid = 'oba.statistical_neighbours(text[], float8[], int4, float8[])'::regprocedure),
          's', 'PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM oba.statistical_neighbours(ARRAY['a', 'b', 'c'], ARRAY[1, 2, 4]::float8[])), 6,
          'k defaults to 10, and is cut to the other areas there are');

SELECT throws_ok($$SELECT * FROM oba.statistical_neighbours(NULL, ARRAY[1, 2]::float8[])$$, '22004');
SELECT throws_ok($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'a'], ARRAY[1, 2]::float8[])$$, '22023');
SELECT throws_ok($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[1, 2]::float8[], 0)$$, '22023');
SELECT throws_ok($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[[1, 2], [3, 4]]::float8[], 1, ARRAY[-1, 1]::float8[])$$,
                 '22023');
SELECT throws_ok($$SELECT * FROM oba.statistical_neighbours((SELECT array_agg(i::text) FROM generate_series(1, 20001) i),
                                                            (SELECT array_agg(i::float8) FROM generate_series(1, 20001) i))$$,
                 '54000', 'oba.statistical_neighbours: 20001 areas are more than the limit of 20000');
SELECT throws_ok($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'],
                                 (SELECT array_agg(ARRAY(SELECT j::float8 FROM generate_series(1, 51) j)) FROM generate_series(1, 2)))$$,
                 '54000', 'oba.statistical_neighbours: 51 variables are more than the limit of 50');
SELECT throws_ok($$SELECT * FROM oba.statistical_neighbours((SELECT array_agg(i::text) FROM generate_series(1, 2000) i),
                                                            (SELECT array_agg(i::float8) FROM generate_series(1, 2000) i), 501)$$,
                 '54000', 'oba.statistical_neighbours: 2000 areas with 501 neighbours each are 1002000 rows, more than the limit of 1000000');

SELECT * FROM finish();
ROLLBACK;
