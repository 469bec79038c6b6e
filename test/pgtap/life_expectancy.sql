-- The public API of the life_expectancy family: oba.life_expectancy_agg and
-- its result type oba.life_expectancy; catalogue properties.
BEGIN;
SELECT plan(10);

SELECT has_type('oba', 'life_expectancy', 'composite oba.life_expectancy exists');
SELECT columns_are('oba', 'life_expectancy', ARRAY['at_age', 'value', 'lower', 'upper', 'standard_error',
                                                  'population', 'deaths', 'note']);
SELECT is_aggregate('oba', 'life_expectancy_agg', ARRAY['integer', 'double precision', 'double precision']);
SELECT is_aggregate('oba', 'life_expectancy_agg', ARRAY['integer', 'double precision', 'double precision', 'integer']);
SELECT is_aggregate('oba', 'life_expectancy_agg', ARRAY['integer', 'double precision', 'double precision', 'integer',
                                                        'double precision']);

CREATE TEMP VIEW le_aggs AS
  SELECT a.*, a.aggfnoid::regprocedure::text AS sig
    FROM pg_aggregate a WHERE a.aggfnoid::regproc::text = 'oba.life_expectancy_agg';

SELECT is(array(SELECT DISTINCT aggtranstype::regtype::text || ' ' || aggcombinefn::regproc::text || ' '
                       || aggfinalfn::regproc::text || ' ' || aggtransspace FROM le_aggs),
          ARRAY['oba.agg_state oba.life_expectancy_agg_combine oba.life_expectancy_agg_final 384'],
          'a fixed float8[45] state (384 bytes, declared as SSPACE), combined band by band');
SELECT is(array(SELECT DISTINCT array_length(agginitval::float8[], 1) FROM le_aggs), ARRAY[45],
          'the initial state has one slot per band');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'oba'::regnamespace AND p.proname LIKE 'life_expectancy%'
                   AND (p.provolatile <> 'i' OR p.proparallel <> 's') ORDER BY 1), '{}'::text[],
          'every life_expectancy function is IMMUTABLE and PARALLEL SAFE');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'oba'::regnamespace AND p.proname LIKE 'life_expectancy%'
                   AND p.prokind = 'f'
                   AND p.proisstrict <> (p.proname IN ('life_expectancy_agg_combine', 'life_expectancy_agg_final'))
                 ORDER BY 1), '{}'::text[],
          'transition functions are not strict (a NULL count is a missing value); combine and final are');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'oba'::regnamespace AND p.proname LIKE 'life_expectancy%'
                   AND obj_description(p.oid, 'pg_proc') IS NULL ORDER BY 1), '{}'::text[],
          'every life_expectancy function and aggregate has a comment');

SELECT * FROM finish();
ROLLBACK;
