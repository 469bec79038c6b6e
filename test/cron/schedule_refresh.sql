-- oba.schedule_refresh with pg_cron loaded (run by test/run-cluster-tests in
-- a cluster started with shared_preload_libraries = pg_cron).
BEGIN;
SELECT plan(18);

INSERT INTO oba.indicator (code, name, question, kind) VALUES ('P', 'p', 'population', 'proportion');
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  VALUES ('P', 'A', 'ward', '2024-04-01', 10, 20);
CREATE MATERIALIZED VIEW rc AS SELECT * FROM oba.report_card;
CREATE UNIQUE INDEX ON rc (indicator_code, area_code, period_start);
CREATE MATERIALIZED VIEW rc_nokey AS SELECT * FROM oba.report_card;

SELECT ok(oba.schedule_refresh('rc') > 0, 'schedule_refresh returns the pg_cron job id');
SELECT is((SELECT string_agg(concat_ws(' | ', jobname, schedule, command, username = current_user), ',') FROM cron.job),
          'oba refresh public.rc | 0 6 * * * | REFRESH MATERIALIZED VIEW CONCURRENTLY public.rc | t',
          'one job: daily at 06:00, a concurrent refresh, run as the caller');
SELECT is(oba.schedule_refresh('rc', '*/15 * * * *'), (SELECT jobid FROM cron.job),
          'scheduling again replaces the job (same id)');
SELECT is((SELECT schedule::text FROM cron.job), '*/15 * * * *', 'with the new schedule');
SELECT lives_ok((SELECT command::text FROM cron.job), 'the job''s command runs');
UPDATE oba.observation SET numerator = 15;
SELECT lives_ok((SELECT command::text FROM cron.job), 'and refreshes the view');
SELECT is((SELECT numerator FROM rc), 15::float8, 'the refreshed view has the new value');
SELECT ok(oba.schedule_refresh('rc_nokey', '0 7 * * 1', concurrent => false) > 0,
          'a view without a unique index can be refreshed without CONCURRENTLY');
SELECT is((SELECT command::text FROM cron.job WHERE jobname = 'oba refresh public.rc_nokey'),
          'REFRESH MATERIALIZED VIEW public.rc_nokey', 'a plain refresh');
SELECT throws_ok($$SELECT oba.schedule_refresh('rc_nokey')$$, '22023', NULL,
                 'a concurrent refresh needs a unique index');
SELECT is(oba.unschedule_refresh('rc') AND oba.unschedule_refresh('rc_nokey'), true, 'unschedule_refresh removes the jobs');
SELECT is(oba.unschedule_refresh('rc'), false, 'and says so when there is no job');

-- a role may schedule the refresh of a view it may refresh (it owns it, or
-- is a member of the role that does), and of no other; it cannot remove
-- another role's job
CREATE ROLE oba_cron_a NOLOGIN;
CREATE ROLE oba_cron_b NOLOGIN;
CREATE ROLE oba_cron_member NOLOGIN IN ROLE oba_cron_a;
GRANT USAGE ON SCHEMA cron TO oba_cron_a, oba_cron_b, oba_cron_member;
GRANT CREATE ON SCHEMA public TO oba_cron_a;
SET ROLE oba_cron_a;
CREATE MATERIALIZED VIEW rc_a AS SELECT 1 AS k;
CREATE UNIQUE INDEX ON rc_a (k);
RESET ROLE;
SET ROLE oba_cron_b;
SELECT throws_ok($$SELECT oba.schedule_refresh('rc_a')$$, '42501',
                 'oba.schedule_refresh: permission denied to refresh materialized view public.rc_a',
                 'a role that does not own the view cannot schedule its refresh');
SELECT throws_ok($$SELECT oba.schedule_refresh('rc')$$, '42501', NULL,
                 'nor one of the superuser''s views');
RESET ROLE;
SET ROLE oba_cron_member;
SELECT ok(oba.schedule_refresh('rc_a', '0 5 * * *') > 0, 'a member of the owning role can');
RESET ROLE;
SET ROLE oba_cron_a;
SELECT ok(oba.schedule_refresh('rc_a') > 0, 'and so can the owner, as a job of its own');
RESET ROLE;
SET ROLE oba_cron_b;
SELECT is(oba.unschedule_refresh('rc_a'), false, 'another role finds no job of its own to remove');
RESET ROLE;
SELECT is((SELECT string_agg(username || ' ' || schedule, ', ' ORDER BY username) FROM cron.job WHERE jobname = 'oba refresh public.rc_a'),
          'oba_cron_a 0 6 * * *, oba_cron_member 0 5 * * *',
          'the jobs of the owner and of the member are left as they were');

SELECT * FROM finish();
ROLLBACK;
