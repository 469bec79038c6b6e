-- The shared state of the time-series aggregates: every trend, curve and SPC
-- aggregate keeps a float8[] (not internal), initialised, combined by
-- oba.series_agg_combine, parallel safe; and the date-to-years functions.
BEGIN;
SELECT plan(10);

CREATE TEMP VIEW series_aggs AS
  SELECT a.*, a.aggfnoid::regprocedure::text AS sig
    FROM pg_aggregate a
   WHERE a.aggfnoid::regproc::text IN ('oba.mann_kendall_agg', 'oba.linear_trend_agg', 'oba.its_agg',
                                       'oba.trend_chisq_agg', 'oba.recent_trend_agg',
                                       'oba.recent_trend_ci_agg', 'oba.turn_the_curve_agg', 'oba.spc_agg',
                                       'oba.mann_kendall_hamed_rao_agg', 'oba.mann_kendall_prewhitened_agg',
                                       'oba.seasonal_mann_kendall_agg', 'oba.pettitt_agg', 'oba.segmented_agg');

SELECT is((SELECT count(*)::int FROM series_aggs), 53,
          'the time-series aggregates: 53 overloads (float8 and date times)');
SELECT is(array(SELECT DISTINCT aggtranstype::regtype::text FROM series_aggs),
          ARRAY['oba.agg_state'], 'their state is oba.agg_state (a float8[] with an exact text form), not internal');
SELECT is(array(SELECT DISTINCT aggcombinefn::regprocedure::text FROM series_aggs),
          ARRAY['oba.series_agg_combine(oba.agg_state,oba.agg_state)'],
          'they share one combine function');
SELECT is(array(SELECT sig FROM series_aggs WHERE agginitval IS NULL OR agginitval !~ '^\{1,([1-9]|10),[2-4],0,0\}$'),
          '{}'::text[], 'every state starts from the version 1 header of its kind');
SELECT is(array(SELECT sig FROM series_aggs s JOIN pg_proc p ON p.oid = s.aggtransfn WHERE p.proisstrict),
          '{}'::text[], 'transition functions are not strict (a NULL value is a missing observation)');
SELECT is((SELECT count(DISTINCT (aggtransfn, agginitval))::int FROM series_aggs
            WHERE aggfnoid::regproc::text IN ('oba.mann_kendall_agg', 'oba.linear_trend_agg')
               OR (aggfnoid::regproc::text IN ('oba.mann_kendall_hamed_rao_agg', 'oba.mann_kendall_prewhitened_agg',
                                              'oba.pettitt_agg', 'oba.segmented_agg')
                   AND (SELECT p.pronargs FROM pg_proc p WHERE p.oid = aggfnoid) = 2)), 2,
          'mann_kendall_agg, linear_trend_agg and the trend tests without parameters share one transition and initial state per time type, so one query accumulates once');

SELECT is(array(SELECT sig || ' ' || aggtransspace FROM series_aggs
                 WHERE aggtransspace <> CASE WHEN aggfnoid::regproc::text = 'oba.recent_trend_ci_agg' THEN 4096 ELSE 2048 END),
          '{}'::text[],
          'each declares SSPACE, the state of a 64-row series (2048 bytes; 4096 with four values a row), so hash aggregation spills within work_mem');

SELECT has_function('oba', 'date_to_years', ARRAY['date']);
SELECT is_strict('oba', 'years_to_date', ARRAY['double precision'], 'oba.years_to_date is STRICT');
SELECT is(oba.date_to_years('2019-04-01'), 2019.25::float8, 'the first of April is a quarter into the year');

SELECT * FROM finish();
ROLLBACK;
