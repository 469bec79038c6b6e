-- The report-card data model (oba.indicator, oba.observation) and the view
-- oba.report_card: a worked report card for one service (the three OBA
-- questions) and one population indicator; checks; the materialised-view
-- recipe; the pg_cron helper without pg_cron.
\pset null '(null)'
SET DateStyle = ISO;
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- The service: Talk Together, a speech and language service for under-fives.
INSERT INTO oba.indicator (code, name, question, service, polarity, kind, unit) VALUES
  ('TT_SEEN', 'Children seen', 'how_much', 'Talk Together', 'neutral', 'count', 'children'),
  ('TT_6WK', 'Seen within 6 weeks of referral', 'how_well', 'Talk Together', 'higher_is_better', 'proportion', '%'),
  ('TT_ASQ', 'Children whose ASQ-3 communication score improved', 'better_off', 'Talk Together',
   'higher_is_better', 'proportion', '%');
-- The population indicator: children at a good level of development at the
-- end of reception (EYFSP), by ward with the city as parent; counts under 5
-- are suppressed when published.
INSERT INTO oba.indicator (code, name, question, polarity, kind, unit, suppress_threshold) VALUES
  ('GLD', 'Good level of development at age 5', 'population', 'higher_is_better', 'proportion', '%', 5);

-- The service's clients: referral, first contact, ASQ-3 scores at the start and review.
CREATE TABLE tt_client (client int, referred date, seen date, asq_before int, asq_after int);
INSERT INTO tt_client
  SELECT i, d, d + (20 + (i * 13) % 40), 20 + (i * 7) % 30,
         CASE WHEN i % 9 = 0 THEN NULL ELSE 20 + (i * 7) % 30 + (i * 11) % 25 - 8 END
    FROM generate_series(1, 120) i,
         LATERAL (SELECT '2024-04-01'::date + (i * 5) % 360 AS d) r;

-- How much? How well? Is anyone better off? One row per quarter each, from
-- the client rows, with oba.fy_quarter_start and oba.better_off_agg.
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator)
  SELECT 'TT_SEEN', 'TT', 'service', oba.fy_quarter_start(seen), count(*)
    FROM tt_client GROUP BY 4;
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  SELECT 'TT_6WK', 'TT', 'service', oba.fy_quarter_start(seen),
         count(*) FILTER (WHERE seen - referred <= 42), count(*)
    FROM tt_client GROUP BY 4;
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  SELECT 'TT_ASQ', 'TT', 'service', q, (b).better, (b).measured
    FROM (SELECT oba.fy_quarter_start(seen) AS q, oba.better_off_agg(asq_before, asq_after) AS b
            FROM tt_client GROUP BY 1) g;

-- The population indicator, for the city and four wards, two years.
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator, parent_area_code) VALUES
  ('GLD', 'E06000045', 'lad', '2023-09-01', 1640, 2600, NULL),
  ('GLD', 'E05002461', 'ward', '2023-09-01', 95, 160, 'E06000045'),
  ('GLD', 'E05002462', 'ward', '2023-09-01', 3, 8, 'E06000045'),
  ('GLD', 'E05002463', 'ward', '2023-09-01', 122, 190, 'E06000045'),
  ('GLD', 'E05002464', 'ward', '2023-09-01', 1420, 2242, 'E06000045'),
  ('GLD', 'E06000045', 'lad', '2024-09-01', 1700, 2610, NULL),
  ('GLD', 'E05002461', 'ward', '2024-09-01', 101, 158, 'E06000045'),
  ('GLD', 'E05002462', 'ward', '2024-09-01', 6, 9, 'E06000045'),
  ('GLD', 'E05002463', 'ward', '2024-09-01', 130, 195, 'E06000045'),
  ('GLD', 'E05002464', 'ward', '2024-09-01', 1463, 2248, 'E06000045');

-- The service's report card
SELECT question, indicator_name, oba.fy_quarter(period_start) AS quarter, numerator, denominator,
       round(value::numeric, 1) AS value, round(lower::numeric, 1) AS lower, round(upper::numeric, 1) AS upper, unit
  FROM oba.report_card
 WHERE service = 'Talk Together'
 ORDER BY array_position('{how_much,how_well,better_off}', question), period_start;

-- The population indicator: wards against the city, with suppression. In
-- 2023/24 the small ward is primary and the next smallest secondary, so
-- that neither can be worked out from the city total; in 2024/25, 6 of 9
-- would tell that 3 children did not reach the level, so it is primary too.
SELECT oba.academic_year(period_start) AS year, area_code, area_type, numerator, denominator,
       round(value::numeric, 1) AS value, round(lower::numeric, 1) AS lower, round(upper::numeric, 1) AS upper,
       round(parent_value::numeric, 1) AS city, suppressed
  FROM oba.report_card
 WHERE indicator_code = 'GLD'
 ORDER BY period_start, area_type, area_code;

-- the view agrees with oba.rate / oba.proportion, row by row
SELECT count(*) AS rows,
       count(*) FILTER (WHERE r.value = (oba.proportion(o.numerator, o.denominator)).value
                          AND r.lower = (oba.proportion(o.numerator, o.denominator)).lower
                          AND r.upper = (oba.proportion(o.numerator, o.denominator)).upper) AS equal
  FROM oba.report_card r JOIN oba.observation o USING (indicator_code, area_code, period_start)
 WHERE r.kind = 'proportion' AND r.suppressed IS NULL;
-- a rate per 1,000 and a mean with its own limits
INSERT INTO oba.indicator (code, name, question, service, polarity, kind, multiplier, unit, confidence) VALUES
  ('A_E', 'A&E attendances, under 5s', 'population', NULL, 'lower_is_better', 'rate', 1000, 'per 1,000', 0.998),
  ('WAIT', 'Mean wait for first contact', 'how_well', 'Talk Together', 'lower_is_better', 'mean', NULL, 'days', 0.95);
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator, value, lower, upper) VALUES
  ('A_E', 'E06000045', 'lad', '2024-04-01', 2450, 15200, NULL, NULL, NULL),
  ('WAIT', 'TT', 'service', '2024-04-01', NULL, 31, 38.5, 33.1, 43.9);
SELECT indicator_code, kind, multiplier, confidence, round(value::numeric, 4) AS value,
       round(value::numeric, 4) = round((oba.rate(2450, 15200, 1000, 0.998)).value::numeric, 4) AS rate_value,
       round(lower::numeric, 4) = round((oba.rate(2450, 15200, 1000, 0.998)).lower::numeric, 4) AS rate_lower,
       lower, upper
  FROM oba.report_card WHERE indicator_code IN ('A_E', 'WAIT') ORDER BY 1;

-- checks: a proportion's numerator above its denominator, missing values,
-- unknown indicator, vocabulary, duplicates, kind changes
SELECT pg_temp.err($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
                     VALUES ('GLD', 'E05002461', 'ward', '2025-09-01', 170, 160)$$);
SELECT pg_temp.err($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator)
                     VALUES ('GLD', 'E05002461', 'ward', '2025-09-01', 70)$$);
SELECT pg_temp.err($$UPDATE oba.observation SET numerator = denominator + 1 WHERE indicator_code = 'GLD' AND area_code = 'E05002461'$$);
SELECT pg_temp.err($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, value)
                     VALUES ('TT_SEEN', 'TT', 'service', '2030-04-01', 12)$$);
SELECT pg_temp.err($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator)
                     VALUES ('WAIT', 'TT', 'service', '2030-04-01', 12)$$);
SELECT pg_temp.err($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator)
                     VALUES ('NOPE', 'TT', 'service', '2030-04-01', 12)$$);
SELECT pg_temp.err($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator)
                     VALUES ('TT_SEEN', 'TT', 'service', '2024-04-01', 12)$$);
SELECT pg_temp.err($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
                     VALUES ('GLD', 'E05002461', 'ward', '2030-09-01', -1, 160)$$);
SELECT pg_temp.err($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
                     VALUES ('GLD', 'E05002461', 'ward', '2030-09-01', 1, 0)$$);
SELECT pg_temp.err($$INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, value, lower, upper)
                     VALUES ('WAIT', 'TT', 'service', '2030-04-01', 12, 14, 20)$$);
SELECT pg_temp.err($$INSERT INTO oba.indicator (code, name, question, kind) VALUES ('X', 'x', 'how_often', 'count')$$);
SELECT pg_temp.err($$INSERT INTO oba.indicator (code, name, question, polarity, kind) VALUES ('X', 'x', 'population', 'up', 'count')$$);
SELECT pg_temp.err($$INSERT INTO oba.indicator (code, name, question, kind) VALUES ('X', 'x', 'how_much', 'count')$$);
SELECT pg_temp.err($$INSERT INTO oba.indicator (code, name, question, kind, multiplier) VALUES ('X', 'x', 'population', 'count', 100)$$);
SELECT pg_temp.err($$INSERT INTO oba.indicator (code, name, question, kind, suppress_threshold) VALUES ('X', 'x', 'population', 'count', 0)$$);
SELECT pg_temp.err($$UPDATE oba.indicator SET kind = 'mean' WHERE code = 'GLD'$$);
SELECT pg_temp.err($$UPDATE oba.indicator SET kind = 'rate' WHERE code = 'GLD'$$);   -- fits: allowed
SELECT pg_temp.err($$UPDATE oba.indicator SET kind = 'proportion' WHERE code = 'GLD'$$);
SELECT pg_temp.err($$DELETE FROM oba.indicator WHERE code = 'GLD'$$);
-- renaming an indicator code carries its observations
UPDATE oba.indicator SET code = 'EYFSP_GLD' WHERE code = 'GLD';
SELECT indicator_code, count(*) FROM oba.observation WHERE indicator_code LIKE '%GLD' GROUP BY 1;
UPDATE oba.indicator SET code = 'GLD' WHERE code = 'EYFSP_GLD';

-- The materialised view recipe: a unique index on the view's key makes
-- REFRESH MATERIALIZED VIEW CONCURRENTLY work (readers are never blocked)
CREATE MATERIALIZED VIEW my_report_card AS SELECT * FROM oba.report_card;
CREATE UNIQUE INDEX ON my_report_card (indicator_code, area_code, period_start);
UPDATE oba.observation SET numerator = 1500 WHERE indicator_code = 'GLD' AND area_code = 'E05002464' AND period_start = '2024-09-01';
REFRESH MATERIALIZED VIEW CONCURRENTLY my_report_card;
SELECT numerator, round(value::numeric, 2) AS value FROM my_report_card
 WHERE indicator_code = 'GLD' AND area_code = 'E05002464' AND period_start = '2024-09-01';
SELECT (SELECT count(*) FROM my_report_card) = (SELECT count(*) FROM oba.observation) AS one_row_per_observation;

-- The pg_cron helper, here without pg_cron: it says so
SELECT pg_temp.err($$SELECT oba.schedule_refresh('my_report_card')$$);
SELECT pg_temp.err($$SELECT oba.unschedule_refresh('my_report_card')$$);
-- bad arguments are refused first
CREATE MATERIALIZED VIEW no_key AS SELECT * FROM oba.report_card;
SELECT pg_temp.err($$SELECT oba.schedule_refresh('no_key')$$);
SELECT pg_temp.err($$SELECT oba.schedule_refresh('oba.observation')$$);
SELECT pg_temp.err($$SELECT oba.schedule_refresh(NULL)$$);
SELECT pg_temp.err($$SELECT oba.schedule_refresh('my_report_card', NULL)$$);

-- The view runs with the caller's privileges (security_invoker): a role
-- without SELECT on the tables is refused, one with it reads
CREATE ROLE oba_rc_reader;
GRANT SELECT ON oba.report_card TO oba_rc_reader;
SET ROLE oba_rc_reader;
SELECT pg_temp.err($$SELECT count(*) FROM oba.report_card$$);
RESET ROLE;
GRANT SELECT ON oba.indicator, oba.observation TO oba_rc_reader;
SET ROLE oba_rc_reader;
SELECT count(*) > 0 AS reads FROM oba.report_card;
RESET ROLE;
REVOKE ALL ON oba.indicator, oba.observation, oba.report_card FROM oba_rc_reader;
DROP ROLE oba_rc_reader;

-- pg_dump keeps user rows: both tables are extension configuration tables
SELECT array(SELECT c::regclass::text FROM pg_extension e, unnest(e.extconfig) c
              WHERE e.extname = 'oba' ORDER BY 1) AS dumped_with_data;

DROP MATERIALIZED VIEW my_report_card, no_key;
TRUNCATE oba.observation;
DELETE FROM oba.indicator;

-- In a trusted extension the tables belong to the bootstrap superuser; the
-- database owner who creates the extension may use them and grant them.
DROP EXTENSION oba;
CREATE ROLE oba_rc_owner LOGIN;
CREATE ROLE oba_rc_analyst;
SELECT current_database() AS db \gset
ALTER DATABASE :"db" OWNER TO oba_rc_owner;
SET ROLE oba_rc_owner;
CREATE EXTENSION oba;
INSERT INTO oba.indicator (code, name, question, kind) VALUES ('P', 'p', 'population', 'proportion');
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  VALUES ('P', 'A', 'ward', '2024-04-01', 10, 20);
GRANT SELECT ON oba.indicator, oba.observation, oba.report_card TO oba_rc_analyst;
SET ROLE oba_rc_analyst;
SELECT indicator_code, value FROM oba.report_card;
SELECT pg_temp.err($$DELETE FROM oba.observation$$);
RESET ROLE;
ALTER DATABASE :"db" OWNER TO CURRENT_USER;
DROP EXTENSION oba;
CREATE EXTENSION oba;
DROP OWNED BY oba_rc_owner, oba_rc_analyst;
DROP ROLE oba_rc_owner, oba_rc_analyst;
