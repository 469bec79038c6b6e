-- The public API of the sii family: oba.sii_agg, oba.sii_se_agg and their
-- result type oba.sii; catalogue properties of the aggregates and their
-- support functions.
BEGIN;
SELECT plan(13);

SELECT has_type('oba', 'sii', 'composite oba.sii exists');
SELECT columns_are('oba', 'sii', ARRAY['quantiles', 'population', 'intercept', 'sii', 'sii_lower',
                                      'sii_upper', 'rii', 'rii_lower', 'rii_upper']);
SELECT is_aggregate('oba', 'sii_agg', ARRAY['integer', 'double precision', 'double precision',
                                            'double precision', 'double precision']);
SELECT is_aggregate('oba', 'sii_agg', ARRAY['integer', 'double precision', 'double precision',
                                            'double precision', 'double precision', 'text', 'boolean',
                                            'double precision', 'double precision', 'integer', 'integer']);
SELECT is_aggregate('oba', 'sii_se_agg', ARRAY['integer', 'double precision', 'double precision',
                                               'double precision']);
SELECT is_aggregate('oba', 'sii_se_agg', ARRAY['integer', 'double precision', 'double precision',
                                               'double precision', 'text', 'double precision',
                                               'double precision', 'integer', 'integer']);

CREATE TEMP VIEW sii_aggs AS
  SELECT a.*, a.aggfnoid::regprocedure::text AS sig
    FROM pg_aggregate a WHERE a.aggfnoid::regproc::text IN ('oba.sii_agg', 'oba.sii_se_agg');

SELECT is((SELECT count(*)::int FROM sii_aggs), 9,
          'oba.sii_agg has 5 overloads and oba.sii_se_agg 4');
SELECT is(array(SELECT DISTINCT aggtranstype::regtype::text || ' ' || aggcombinefn::regproc::text || ' '
                       || aggfinalfn::regproc::text FROM sii_aggs),
          ARRAY['oba.agg_state oba.sii_agg_combine oba.sii_agg_final'],
          'a float8[] state, one combine and one final function for both');
SELECT is(array(SELECT sig FROM sii_aggs WHERE aggtransspace <> 512 ORDER BY 1), '{}'::text[],
          'each declares SSPACE 512, the state of ten quantiles');
SELECT is(array(SELECT sig FROM sii_aggs
                 WHERE agginitval NOT IN ('{1,1,0,0,1,0.95,100000,1,0}', '{1,2,0,0,1,0.95,100000,1,0}')
                 ORDER BY 1), '{}'::text[],
          'initial state: version 1, its kind, value_type normal, no transformation, multiplier 1, 95%, 100,000 repetitions, seed 1');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'oba'::regnamespace AND p.proname LIKE 'sii%'
                   AND (p.provolatile <> 'i' OR p.proparallel <> 's') ORDER BY 1), '{}'::text[],
          'every sii function is IMMUTABLE (the seed is an argument) and PARALLEL SAFE');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'oba'::regnamespace AND p.proname LIKE 'sii%'
                   AND p.prokind = 'f' AND p.proisstrict <> (p.proname IN ('sii_agg_combine', 'sii_agg_final'))
                 ORDER BY 1), '{}'::text[],
          'transition functions are not strict (NULL values are missing values); combine and final are');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'oba'::regnamespace AND p.proname LIKE 'sii%'
                   AND obj_description(p.oid, 'pg_proc') IS NULL ORDER BY 1), '{}'::text[],
          'every sii function and aggregate has a comment');

SELECT * FROM finish();
ROLLBACK;
