-- oba.trend_chisq_score_agg: signature, result type, a fixed-size state
-- (not a series state: rows in any order, nothing kept per row).
BEGIN;
SELECT plan(6);

SELECT is_aggregate('oba', 'trend_chisq_score_agg', ARRAY['double precision', 'double precision', 'double precision']);
SELECT function_returns('oba', 'trend_chisq_score_agg', ARRAY['double precision', 'double precision', 'double precision'], 'oba.trend_chisq');
SELECT is((SELECT pg_get_function_arguments('oba.trend_chisq_score_agg(float8, float8, float8)'::regprocedure)),
          'score double precision, successes double precision, total double precision',
          'oba.trend_chisq_score_agg(score, successes, total)');
SELECT is((SELECT a.aggtranstype::regtype::text || ' ' || a.agginitval || ' ' || a.aggtransspace FROM pg_aggregate a
            WHERE a.aggfnoid = 'oba.trend_chisq_score_agg(float8, float8, float8)'::regprocedure),
          'oba.agg_state {0,0,0,0,0,0,0,0} 0', 'a fixed state of 8 values (no SSPACE: it does not grow)');
SELECT is((SELECT a.aggcombinefn::regprocedure::text FROM pg_aggregate a
            WHERE a.aggfnoid = 'oba.trend_chisq_score_agg(float8, float8, float8)'::regprocedure),
          'oba.trend_chisq_score_agg_combine(oba.agg_state,oba.agg_state)',
          'its own combine function (Chan''s formula), not the series one');
SELECT is_strict('oba', 'trend_chisq_score_agg_trans', ARRAY['oba.agg_state', 'double precision', 'double precision', 'double precision'],
                 'the transition function is STRICT: a row with a NULL is skipped');

SELECT * FROM finish();
ROLLBACK;
