-- The report-card data model (oba.indicator, oba.observation) and the view
-- oba.report_card: a worked report card for one service (the three OBA
-- questions) and one population indicator, with the comparison, recent
-- trend, turn-the-curve and SPC columns; those columns against direct calls
-- of the same functions; checks; filters pushed down; the materialised-view
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
-- A new triage started on 1 April 2024 (the strategy start of the 6-week
-- measure); 60% of children should improve (the target of the ASQ-3 measure).
INSERT INTO oba.indicator (code, name, question, service, polarity, kind, unit, strategy_start, target) VALUES
  ('TT_SEEN', 'Children seen', 'how_much', 'Talk Together', 'neutral', 'count', 'children', NULL, NULL),
  ('TT_6WK', 'Seen within 6 weeks of referral', 'how_well', 'Talk Together', 'higher_is_better', 'proportion', '%',
   '2024-04-01', NULL),
  ('TT_ASQ', 'Children whose ASQ-3 communication score improved', 'better_off', 'Talk Together',
   'higher_is_better', 'proportion', '%', NULL, 60);
-- The population indicator: children at a good level of development at the
-- end of reception (EYFSP), by ward with the city as parent; counts under 5
-- are suppressed when published.
INSERT INTO oba.indicator (code, name, question, polarity, kind, unit, suppress_threshold) VALUES
  ('GLD', 'Good level of development at age 5', 'population', 'higher_is_better', 'proportion', '%', 5);

-- The service's clients, 17 quarters from April 2021: first contact, the
-- wait since referral (shorter from April 2024), ASQ-3 scores at the start
-- and at review (missing for some).
CREATE TABLE tt_client (client int, referred date, seen date, asq_before int, asq_after int);
INSERT INTO tt_client
  SELECT c, seen - CASE WHEN seen < '2024-04-01' THEN 22 ELSE 10 END - (c * 37) % 41, seen,
         20 + (c * 7) % 30,
         CASE WHEN c % 9 = 0 THEN NULL ELSE 20 + (c * 7) % 30 + (c * 11) % 25 - 8 END
    FROM generate_series(0, 16) q,
         LATERAL (SELECT 24 + (3 * q) / 2 + (q * 7) % 5 AS n) nn,
         generate_series(1, nn.n) j,
         LATERAL (SELECT q * 100 + j AS c,
                         ('2021-04-01'::date + make_interval(months => 3 * q))::date + (j * 89) / nn.n AS seen) s;

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

-- The population indicator, for the city and four wards (the city is their
-- sum), five assessment years: none took place in 2019/20 and 2020/21.
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator, parent_area_code) VALUES
  ('GLD', 'E06000045', 'lad', '2018-09-01', 1885, 2587, NULL),
  ('GLD', 'E05002461', 'ward', '2018-09-01', 125, 162, 'E06000045'),
  ('GLD', 'E05002462', 'ward', '2018-09-01', 5, 7, 'E06000045'),
  ('GLD', 'E05002463', 'ward', '2018-09-01', 150, 188, 'E06000045'),
  ('GLD', 'E05002464', 'ward', '2018-09-01', 1605, 2230, 'E06000045'),
  ('GLD', 'E06000045', 'lad', '2021-09-01', 1562, 2619, NULL),
  ('GLD', 'E05002461', 'ward', '2021-09-01', 75, 165, 'E06000045'),
  ('GLD', 'E05002462', 'ward', '2021-09-01', 4, 9, 'E06000045'),
  ('GLD', 'E05002463', 'ward', '2021-09-01', 113, 185, 'E06000045'),
  ('GLD', 'E05002464', 'ward', '2021-09-01', 1370, 2260, 'E06000045'),
  ('GLD', 'E06000045', 'lad', '2022-09-01', 1618, 2611, NULL),
  ('GLD', 'E05002461', 'ward', '2022-09-01', 94, 159, 'E06000045'),
  ('GLD', 'E05002462', 'ward', '2022-09-01', 6, 10, 'E06000045'),
  ('GLD', 'E05002463', 'ward', '2022-09-01', 118, 192, 'E06000045'),
  ('GLD', 'E05002464', 'ward', '2022-09-01', 1400, 2250, 'E06000045'),
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

-- The service's report card for the latest quarter: the three questions,
-- with the recent trend over the last five quarters, the curve since the
-- new triage and the SPC variation of 17 quarters
SELECT question, indicator_name, oba.fy_quarter(period_start) AS quarter, numerator, denominator,
       round(value::numeric, 1) AS value, round(lower::numeric, 1) AS lower, round(upper::numeric, 1) AS upper, unit
  FROM oba.report_card
 WHERE service = 'Talk Together' AND period_start = '2025-04-01'
 ORDER BY array_position('{how_much,how_well,better_off}', question);
SELECT indicator_code, recent_trend_marker, curve_status, round(curve_effect::numeric, 1) AS curve_effect,
       round(curve_effect_p::numeric, 4) AS curve_effect_p, spc_variation, spc_special_cause,
       round(spc_mean::numeric, 1) AS spc_mean, round(spc_lpl::numeric, 1) AS spc_lpl,
       round(spc_upl::numeric, 1) AS spc_upl, spc_assurance
  FROM oba.report_card
 WHERE service = 'Talk Together' AND period_start = '2025-04-01'
 ORDER BY array_position('{how_much,how_well,better_off}', question);

-- Each quarter's row shows the columns as they stood then: the 6-week
-- measure, quarter by quarter (no trend before five quarters, no SPC before
-- 13 points, no post data before the strategy start)
SELECT oba.fy_quarter(period_start) AS quarter, numerator, denominator, round(value::numeric, 1) AS value,
       recent_trend, curve_status, round(curve_effect::numeric, 1) AS curve_effect, spc_variation, spc_special_cause,
       round(spc_mean::numeric, 1) AS spc_mean, spc_assurance
  FROM oba.report_card
 WHERE indicator_code = 'TT_6WK'
 ORDER BY period_start;
-- every quarter, for the record
SELECT indicator_code, oba.fy_quarter(period_start) AS quarter, numerator, denominator,
       round(value::numeric, 1) AS value, round(lower::numeric, 1) AS lower, round(upper::numeric, 1) AS upper,
       recent_trend, spc_variation
  FROM oba.report_card
 WHERE service = 'Talk Together' AND indicator_code <> 'TT_6WK'
 ORDER BY indicator_code, period_start;

-- The population indicator: wards against the city, with suppression. In
-- 2023/24 the small ward is primary and the next smallest secondary, so
-- that neither can be worked out from the city total; in 2024/25, 6 of 9
-- would tell that 3 children did not reach the level, so it is primary too.
-- The comparison with the city at 95% and at 95% and 99.8%; the recent trend
-- over the indicator's five latest years (2018/19, then 2021/22 on), which a
-- ward suppressed in one of them cannot have.
SELECT oba.academic_year(period_start) AS year, area_code, area_type, numerator, denominator,
       round(value::numeric, 1) AS value, round(lower::numeric, 1) AS lower, round(upper::numeric, 1) AS upper,
       round(parent_value::numeric, 1) AS city, suppressed
  FROM oba.report_card
 WHERE indicator_code = 'GLD'
 ORDER BY period_start, area_type, area_code;
SELECT oba.academic_year(period_start) AS year, area_code, numerator, denominator,
       round(value::numeric, 1) AS value, round(parent_value::numeric, 1) AS city, suppressed,
       comparison, comparison_95_99_8, recent_trend_marker
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
SELECT pg_temp.err($$INSERT INTO oba.indicator (code, name, question, kind, target) VALUES ('X', 'x', 'population', 'count', 'Infinity')$$);
SELECT pg_temp.err($$DELETE FROM oba.indicator WHERE code = 'GLD'$$);
-- renaming an indicator code carries its observations
UPDATE oba.indicator SET code = 'EYFSP_GLD' WHERE code = 'GLD';
SELECT indicator_code, count(*) FROM oba.observation WHERE indicator_code LIKE '%GLD' GROUP BY 1;
UPDATE oba.indicator SET code = 'GLD' WHERE code = 'EYFSP_GLD';


-- More series for the derived columns: a rate per 10,000 by ward and city
-- with a strategy start and a target (ward W2 has no row for July 2023), the
-- same at 99.8% confidence, a count, and a mean at 95% and at 99.8%.
INSERT INTO oba.indicator (code, name, question, service, polarity, kind, confidence, strategy_start, target) VALUES
  ('ADM', 'Admissions for injuries, under 5s', 'population', NULL, 'lower_is_better', 'rate', 0.95, '2023-04-01', 120),
  ('ADM998', 'Admissions for injuries, under 5s (99.8%)', 'population', NULL, 'lower_is_better', 'rate', 0.998, NULL, NULL),
  ('VISITS', 'Home visits', 'how_much', 'Family Hub', 'neutral', 'count', 0.95, NULL, NULL),
  ('SCORE', 'Mean parenting confidence score', 'better_off', 'Family Hub', 'higher_is_better', 'mean', 0.95, NULL, 30),
  ('SCORE998', 'Mean parenting confidence score (99.8%)', 'better_off', 'Family Hub', 'higher_is_better', 'mean', 0.998, NULL, NULL);
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator, parent_area_code)
  SELECT code, a, CASE a WHEN 'C' THEN 'lad' ELSE 'ward' END, ('2021-04-01'::date + make_interval(months => 3 * q))::date,
         CASE a WHEN 'C' THEN 70 + (q * 3) % 13 + CASE WHEN q >= 8 THEN -12 ELSE 0 END
                WHEN 'W1' THEN 40 + (q * 7) % 11 + CASE WHEN q >= 8 THEN -8 ELSE 0 END
                ELSE 45 + (q * 5) % 9 END,
         CASE WHEN code = 'VISITS' THEN NULL WHEN a = 'C' THEN 5600 WHEN a = 'W1' THEN 3000 + 10 * q ELSE 2500 END,
         CASE WHEN a <> 'C' THEN 'C' END
    FROM unnest(ARRAY['ADM', 'ADM998', 'VISITS']) code, unnest(ARRAY['C', 'W1', 'W2']) a, generate_series(0, 15) q
   WHERE NOT (a = 'W2' AND q = 9);
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, value, lower, upper)
  SELECT code, 'FH', 'service', ('2023-04-01'::date + make_interval(months => 3 * q))::date,
         30 + q % 4 + q * 0.5, 28 + q % 4 + q * 0.5, 32 + q % 4 + q * 0.5
    FROM unnest(ARRAY['SCORE', 'SCORE998']) code, generate_series(0, 7) q;

-- The rate by ward: the comparison with the city; no trend for W2 while July
-- 2023 is among the last five quarters; the curve from April 2023 (baseline
-- of 8 quarters); SPC from the 13th quarter on, with assurance against 120
SELECT area_code, period_start, round(value::numeric, 1) AS value, round(parent_value::numeric, 1) AS city,
       comparison, comparison_95_99_8, recent_trend_marker, curve_status, spc_variation, spc_assurance
  FROM oba.report_card
 WHERE indicator_code = 'ADM' AND area_code <> 'C'
 ORDER BY area_code, period_start;
-- a count has no interval to compare (not_compared, and no two-level
-- comparison); its trend uses its Poisson interval. A mean at 95% has a
-- trend; at 99.8% it cannot (no 95% interval)
SELECT indicator_code, area_code, period_start, value, comparison, comparison_95_99_8, recent_trend, spc_variation
  FROM oba.report_card
 WHERE (indicator_code = 'VISITS' AND area_code = 'W1' AND period_start >= '2024-04-01')
    OR indicator_code IN ('SCORE', 'SCORE998')
 ORDER BY indicator_code, area_code, period_start;

-- The derived columns against direct calls of the same functions, row by row,
-- over the view's own published columns: the comparisons; the recent trend
-- over the area's rows in the indicator's five latest periods up to the row's
-- (95% limits: oba.rate, for a count oba.rate(count, 1, 1), a mean's own at 95%);
-- the curve and the SPC chart over the area's rows up to it. A suppressed row
-- has none of them.
CREATE TEMP TABLE direct AS
SELECT r.*,
       CASE WHEN r.suppressed IS NULL AND r.parent_value IS NOT NULL
            THEN oba.compare(r.value, r.lower, r.upper, r.parent_value, r.polarity) END AS d_comparison,
       CASE WHEN r.suppressed IS NULL AND r.parent_value IS NOT NULL AND r.kind = 'rate'
            THEN oba.compare(oba.rate(r.numerator, r.denominator, r.multiplier, 0.95),
                             oba.rate(r.numerator, r.denominator, r.multiplier, 0.998), r.parent_value, r.polarity)
            WHEN r.suppressed IS NULL AND r.parent_value IS NOT NULL AND r.kind = 'proportion'
            THEN oba.compare(oba.proportion(r.numerator, r.denominator, r.multiplier, 0.95),
                             oba.proportion(r.numerator, r.denominator, r.multiplier, 0.998), r.parent_value, r.polarity)
       END AS d_comparison_95_99_8,
       (SELECT CASE WHEN r.kind = 'proportion'
                    THEN oba.recent_trend_agg(h.period_start, h.numerator, h.denominator, r.polarity)
                    ELSE oba.recent_trend_ci_agg(h.period_start, h.value, (h.e95).lower, (h.e95).upper, r.polarity) END
          FROM (SELECT x.*, CASE x.kind WHEN 'rate' THEN oba.rate(x.numerator, x.denominator, x.multiplier, 0.95)
                                        WHEN 'count' THEN oba.rate(x.numerator, 1, 1, 0.95)
                                        WHEN 'mean' THEN CASE WHEN x.confidence = 0.95 THEN ROW(x.value, x.lower, x.upper, NULL, NULL)::oba.estimate END
                            END AS e95
                  FROM oba.report_card x) h
         WHERE h.indicator_code = r.indicator_code AND h.area_code = r.area_code
           AND h.period_start IN (SELECT DISTINCT o.period_start FROM oba.observation o
                                   WHERE o.indicator_code = r.indicator_code AND o.period_start <= r.period_start
                                   ORDER BY o.period_start DESC LIMIT 5)) AS d_trend,
       (SELECT oba.turn_the_curve_agg(h.period_start, h.value, r.strategy_start, r.polarity, 1 - r.confidence)
          FROM oba.report_card h
         WHERE h.indicator_code = r.indicator_code AND h.area_code = r.area_code AND h.period_start <= r.period_start
           AND r.strategy_start IS NOT NULL) AS d_curve,
       (SELECT oba.spc_agg(h.period_start, h.value, r.polarity, r.target)
          FROM oba.report_card h
         WHERE h.indicator_code = r.indicator_code AND h.area_code = r.area_code
           AND h.period_start <= r.period_start) AS d_spc
  FROM oba.report_card r;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE comparison IS NOT DISTINCT FROM d_comparison) AS comparison,
       count(*) FILTER (WHERE comparison_95_99_8 IS NOT DISTINCT FROM d_comparison_95_99_8) AS comparison_95_99_8,
       count(*) FILTER (WHERE recent_trend IS NOT DISTINCT FROM CASE WHEN suppressed IS NULL THEN (d_trend).trend END
                          AND recent_trend_marker IS NOT DISTINCT FROM CASE WHEN suppressed IS NULL THEN (d_trend).marker END) AS trend,
       count(*) FILTER (WHERE curve_status IS NOT DISTINCT FROM CASE WHEN suppressed IS NULL THEN (d_curve).status END
                          AND curve_effect IS NOT DISTINCT FROM CASE WHEN suppressed IS NULL THEN (d_curve).effect_at_last END
                          AND curve_effect_p IS NOT DISTINCT FROM CASE WHEN suppressed IS NULL THEN (d_curve).effect_p END) AS curve,
       count(*) FILTER (WHERE ROW(spc_variation, spc_special_cause, spc_mean, spc_lpl, spc_upl, spc_assurance)
                              IS NOT DISTINCT FROM
                              CASE WHEN suppressed IS NULL AND NOT (d_spc).short_group_warning
                                   THEN ROW((d_spc).variation, (d_spc).special_cause, (d_spc).mean, (d_spc).lpl,
                                            (d_spc).upl, (d_spc).assurance)
                                   ELSE ROW(NULL::text, NULL::text, NULL::float8, NULL::float8, NULL::float8, NULL::text) END) AS spc
  FROM direct;
-- and what they cover: every value of each column that the data reaches
SELECT 'comparison' AS col, comparison AS value, count(*) FROM direct GROUP BY 2
UNION ALL SELECT 'comparison_95_99_8', comparison_95_99_8, count(*) FROM direct GROUP BY 2
UNION ALL SELECT 'recent_trend', recent_trend, count(*) FROM direct GROUP BY 2
UNION ALL SELECT 'curve_status', curve_status, count(*) FROM direct GROUP BY 2
UNION ALL SELECT 'spc_variation', spc_variation, count(*) FROM direct GROUP BY 2
UNION ALL SELECT 'spc_assurance', spc_assurance, count(*) FROM direct GROUP BY 2
ORDER BY 1, 2 NULLS FIRST;
-- why a column is NULL: suppressed (all of them), no parent value
-- (comparisons), a count or mean (two-level comparison), no strategy start
-- (curve), fewer than 13 points (SPC), no target or a neutral polarity
-- (assurance); curve_effect without post data or a baseline
SELECT count(*) FILTER (WHERE suppressed IS NOT NULL) AS suppressed_rows,
       count(*) FILTER (WHERE suppressed IS NOT NULL
                          AND num_nonnulls(comparison, comparison_95_99_8, recent_trend, recent_trend_marker, curve_status,
                                           curve_effect, curve_effect_p, spc_variation, spc_special_cause, spc_mean,
                                           spc_lpl, spc_upl, spc_assurance) = 0) AS suppressed_all_null,
       count(*) FILTER (WHERE (comparison IS NULL) <> (parent_value IS NULL OR suppressed IS NOT NULL)) AS comparison_null_otherwise,
       count(*) FILTER (WHERE comparison_95_99_8 IS NOT NULL AND kind NOT IN ('rate', 'proportion')) AS two_level_for_count_or_mean,
       count(*) FILTER (WHERE curve_status IS NOT NULL AND strategy_start IS NULL) AS curve_without_start,
       count(*) FILTER (WHERE curve_effect IS NOT NULL AND curve_status IN ('insufficient_baseline', 'no_post_data')) AS effect_without_test,
       count(*) FILTER (WHERE spc_variation IS NOT NULL
                          AND (SELECT count(*) FROM oba.observation o WHERE o.indicator_code = r.indicator_code
                                  AND o.area_code = r.area_code AND o.period_start <= r.period_start) < 13) AS spc_under_13,
       count(*) FILTER (WHERE spc_assurance IS NOT NULL AND (target IS NULL OR polarity = 'neutral')) AS assurance_without_target
  FROM oba.report_card r;

-- Filters on the indicator, its service and question, the area and its type
-- reach the scans of the tables (a service's card reads that service's rows
-- only); other columns, such as the period, the parent and the values, filter
-- the computed rows (a row's trend needs the periods before it)
CREATE FUNCTION pg_temp.pushed(filter text, needle text) RETURNS bool LANGUAGE plpgsql AS $$
DECLARE
  plan jsonb;
BEGIN
  EXECUTE 'EXPLAIN (FORMAT JSON, COSTS OFF) SELECT * FROM oba.report_card WHERE ' || filter INTO plan;
  RETURN EXISTS (SELECT 1 FROM jsonb_path_query(plan, 'strict $.**') n
                  WHERE jsonb_typeof(n) = 'object' AND n->>'Relation Name' IN ('observation', 'indicator')
                    AND concat(n->>'Filter', n->>'Index Cond', n->>'Recheck Cond') LIKE '%' || needle || '%');
END $$;
SELECT f AS filter, pg_temp.pushed(f, n) AS reaches_the_tables
  FROM (VALUES ('indicator_code = ''TT_6WK''', '''TT_6WK'''),
               ('service = ''Talk Together''', '''Talk Together'''),
               ('question = ''better_off''', '''better_off'''),
               ('area_code = ''E05002463''', '''E05002463'''),
               ('area_type = ''ward''', '''ward'''),
               ('indicator_name = ''Children seen''', '''Children seen'''),
               ('kind = ''count''', 'kind = ''count'''),
               ('period_start = ''2025-04-01''', '2025-04-01'),
               ('parent_area_code = ''E06000045''', '''E06000045'''),
               ('value > 50', '50')) t(f, n);
-- and the card of one service equals the rows of the whole card
SELECT (SELECT count(*) FROM oba.report_card WHERE service = 'Talk Together') AS filtered,
       (SELECT count(*) FROM (SELECT * FROM oba.report_card OFFSET 0) r WHERE service = 'Talk Together') AS whole,
       (SELECT count(*) FROM ((SELECT * FROM oba.report_card WHERE service = 'Talk Together')
                              EXCEPT (SELECT * FROM (SELECT * FROM oba.report_card OFFSET 0) r WHERE service = 'Talk Together')) d)
         AS differing;

-- The materialised view recipe: a unique index on the view's key makes
-- REFRESH MATERIALIZED VIEW CONCURRENTLY work (readers are never blocked).
-- A change to one quarter changes that row and the trend, curve and SPC of
-- the quarters after it, which the refresh picks up
CREATE MATERIALIZED VIEW my_report_card AS SELECT * FROM oba.report_card;
CREATE UNIQUE INDEX ON my_report_card (indicator_code, area_code, period_start);
CREATE TEMP TABLE card_before AS SELECT * FROM my_report_card;
UPDATE oba.observation SET numerator = 1500 WHERE indicator_code = 'GLD' AND area_code = 'E05002464' AND period_start = '2024-09-01';
UPDATE oba.observation SET numerator = 25 WHERE indicator_code = 'TT_6WK' AND period_start = '2024-10-01';
REFRESH MATERIALIZED VIEW CONCURRENTLY my_report_card;
SELECT numerator, round(value::numeric, 2) AS value FROM my_report_card
 WHERE indicator_code = 'GLD' AND area_code = 'E05002464' AND period_start = '2024-09-01';
SELECT indicator_code, area_code, period_start,
       b.recent_trend AS trend_before, m.recent_trend AS trend_after,
       round(b.curve_effect::numeric, 1) AS effect_before, round(m.curve_effect::numeric, 1) AS effect_after,
       round(b.spc_mean::numeric, 2) AS spc_mean_before, round(m.spc_mean::numeric, 2) AS spc_mean_after
  FROM my_report_card m JOIN card_before b USING (indicator_code, area_code, period_start)
 WHERE ROW(m.*) IS DISTINCT FROM ROW(b.*)
 ORDER BY 1, 2, 3;
SELECT (SELECT count(*) FROM my_report_card) = (SELECT count(*) FROM oba.observation) AS one_row_per_observation,
       (SELECT count(*) FROM ((TABLE my_report_card EXCEPT ALL TABLE oba.report_card)
                              UNION ALL (TABLE oba.report_card EXCEPT ALL TABLE my_report_card)) d) AS differs_from_the_view;

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
DROP TABLE direct, card_before;
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
