-- The report-card data model: tables, keys, checks, the view's columns, the
-- configuration-dump registration and the pg_cron helpers' signatures.
BEGIN;
SELECT plan(27);

SELECT has_table('oba', 'indicator', 'oba.indicator exists');
SELECT has_table('oba', 'observation', 'oba.observation exists');
SELECT col_is_pk('oba', 'indicator', 'code', 'indicator key: code');
SELECT col_is_pk('oba', 'observation', ARRAY['indicator_code', 'area_code', 'period_start'],
                 'observation key: indicator, area, period');
SELECT fk_ok('oba', 'observation', 'indicator_code', 'oba', 'indicator', 'code');
SELECT columns_are('oba', 'indicator',
  ARRAY['code', 'name', 'question', 'service', 'polarity', 'kind', 'multiplier', 'unit', 'confidence',
        'suppress_threshold', 'strategy_start', 'description', 'target'], 'oba.indicator columns');
SELECT columns_are('oba', 'observation',
  ARRAY['indicator_code', 'area_code', 'area_type', 'period_start', 'numerator', 'denominator', 'value',
        'lower', 'upper', 'parent_area_code'], 'oba.observation columns');
SELECT has_view('oba', 'report_card', 'oba.report_card exists');
SELECT columns_are('oba', 'report_card',
  ARRAY['indicator_code', 'indicator_name', 'question', 'service', 'polarity', 'kind', 'unit', 'multiplier',
        'confidence', 'area_code', 'area_type', 'parent_area_code', 'period_start', 'numerator', 'denominator',
        'value', 'lower', 'upper', 'parent_value', 'suppressed', 'comparison', 'comparison_95_99_8', 'recent_trend',
        'recent_trend_marker', 'strategy_start', 'curve_status', 'curve_effect', 'curve_effect_p', 'target',
        'spc_variation', 'spc_special_cause', 'spc_mean', 'spc_lpl', 'spc_upl', 'spc_assurance'],
  'oba.report_card columns');
SELECT is((array(SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = 'oba.report_card'::regclass AND a.attnum > 0 ORDER BY a.attnum))[1:20],
          ARRAY['indicator_code', 'indicator_name', 'question', 'service', 'polarity', 'kind', 'unit', 'multiplier',
                'confidence', 'area_code', 'area_type', 'parent_area_code', 'period_start', 'numerator', 'denominator',
                'value', 'lower', 'upper', 'parent_value', 'suppressed'],
          'the columns of the first pass keep their places (BI tools may read by position)');
SELECT is(array(SELECT a.attname::text FROM pg_attribute a
                 WHERE a.attrelid = 'oba.report_card'::regclass AND a.attnum > 0
                   AND col_description(a.attrelid, a.attnum) IS NULL),
          '{}'::text[], 'every column of the view has a comment');
SELECT is(array(SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                 WHERE a.attrelid = 'oba.report_card'::regclass AND a.attnum > 0
                   AND format_type(a.atttypid, a.atttypmod) NOT IN ('text', 'double precision', 'date')),
          '{}'::text[], 'the view has plain columns only: text, float8, date');
SELECT ok((SELECT 'security_invoker=true' = ANY (reloptions) FROM pg_class WHERE oid = 'oba.report_card'::regclass),
          'the view runs with the caller''s privileges');
SELECT is(array(SELECT c::regclass::text FROM pg_extension e, unnest(e.extconfig) c WHERE e.extname = 'oba' ORDER BY 1),
          ARRAY['oba.indicator', 'oba.observation'], 'both tables are dumped with their rows');
SELECT isnt(obj_description('oba.report_card'::regclass, 'pg_class'), NULL, 'the view has a comment');
SELECT has_trigger('oba', 'observation', 'observation_check', 'observation rows checked against their kind');
SELECT has_trigger('oba', 'indicator', 'indicator_kind_check', 'kind changes checked against observations');

INSERT INTO oba.indicator (code, name, question, kind) VALUES ('P', 'p', 'population', 'proportion');
SELECT throws_ok($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
                   VALUES ('P', 'A', 'ward', '2024-04-01', 11, 10)$$, '23514', NULL,
                 'a proportion''s numerator above its denominator is refused');
SELECT throws_ok($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
                   VALUES ('Q', 'A', 'ward', '2024-04-01', 1, 10)$$, '23503', NULL, 'unknown indicator refused');
SELECT lives_ok($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
                  VALUES ('P', 'A', 'ward', '2024-04-01', 10, 10)$$, 'numerator equal to denominator accepted');
SELECT throws_ok($$INSERT INTO oba.indicator (code, name, question, kind, target) VALUES ('T', 't', 'population', 'count', 'NaN')$$,
                 '23514', NULL, 'a target must be finite');
SELECT lives_ok($$CREATE MATERIALIZED VIEW pg_temp_rc AS SELECT * FROM oba.report_card;
                  CREATE UNIQUE INDEX ON pg_temp_rc (indicator_code, area_code, period_start);
                  REFRESH MATERIALIZED VIEW CONCURRENTLY pg_temp_rc$$,
                'the unique-index recipe refreshes concurrently');

SELECT has_function('oba', 'schedule_refresh', ARRAY['regclass', 'text', 'boolean']);
SELECT has_function('oba', 'unschedule_refresh', ARRAY['regclass']);
SELECT is((SELECT pg_get_function_arguments('oba.schedule_refresh(regclass, text, boolean)'::regprocedure)),
          'matview regclass, schedule text DEFAULT ''0 6 * * *''::text, concurrent boolean DEFAULT true',
          'schedule_refresh: daily at 06:00, concurrently, by default');
SELECT is(array(SELECT p.proname::text FROM pg_proc p
                 WHERE p.pronamespace = 'oba'::regnamespace
                   AND p.proname IN ('schedule_refresh', 'unschedule_refresh')
                   AND p.provolatile = 'v' AND p.proparallel = 'u' ORDER BY 1),
          ARRAY['schedule_refresh', 'unschedule_refresh'], 'the pg_cron helpers are VOLATILE and PARALLEL UNSAFE (they write)');
SELECT throws_ok($$SELECT oba.schedule_refresh('oba.indicator')$$, '22023', NULL, 'a table is not a materialized view');

SELECT * FROM finish();
ROLLBACK;
