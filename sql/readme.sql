-- README.md's examples (the tour), run verbatim. Each block between
-- "-- example >>>" and "-- <<< example" is a ```sql block of README.md, in
-- page order; test/check-docs checks that the page's blocks are here and
-- that the output they show as comments is what this suite prints. Change
-- a block here and in the page together. Outside the blocks: only what
-- keeps the suite independent of the others (the report card's rows
-- rolled back, PostGIS and oba_geo dropped).
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
SELECT * FROM oba.rate(12, 4310);
--        value        |       lower        |       upper       | numerator | denominator
-- 27.842227378190252 | 14.370092443338814 | 48.63772170212691 |        12 |        4310

-- per 100,000 with the 99.8% interval used for funnel plots
SELECT * FROM oba.rate(12, 4310, per => 100000, confidence => 0.998);
--       value       |       lower       |       upper       | numerator | denominator
-- 278.4222737819025 | 92.81614826972155 | 628.3285232491971 |        12 |        4310

-- rows in, one estimate per group: children seen per 10,000 children, by ward
SELECT ward, (oba.rate_agg(seen, children)).*
  FROM (VALUES ('Bevois', 120, 1510), ('Bevois', 95, 1490), ('Coxford', 60, 1380)) AS t(ward, seen, children)
 GROUP BY ward ORDER BY ward;
--  ward   |       value       |       lower       |       upper       | numerator | denominator
-- Bevois  | 716.6666666666667 | 624.0620954265377 | 819.1382729513845 |       215 |        3000
-- Coxford | 434.7826086956522 | 331.7663733008003 |  559.661043096806 |        60 |        1380

-- a rolling four-quarter rate is a window frame
SELECT quarter, round((oba.rate_agg(admissions, children)
                         OVER (ORDER BY quarter ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)).value::numeric, 2) AS rolling
  FROM (VALUES ('2023-24 Q1', 7, 2510), ('2023-24 Q2', 4, 2515), ('2023-24 Q3', 9, 2520),
               ('2023-24 Q4', 6, 2522), ('2024-25 Q1', 3, 2530), ('2024-25 Q2', 5, 2534)) AS t(quarter, admissions, children);
--  quarter   | rolling
-- 2023-24 Q1 |   27.89
-- 2023-24 Q2 |   21.89
-- 2023-24 Q3 |   26.51
-- 2023-24 Q4 |   25.83
-- 2024-25 Q1 |   21.81
-- 2024-25 Q2 |   22.76
-- <<< example

-- example >>>
SELECT * FROM oba.proportion(231, 402);
--       value       |       lower        |       upper        | numerator | denominator
-- 57.46268656716418 | 52.581499452519644 | 62.202598794699796 |       231 |         402

-- seen within six weeks of referral? true over non-NULL (a child not yet seen does not count)
SELECT (oba.proportion_agg(seen - referred <= 42)).*
  FROM (VALUES (date '2024-04-02', date '2024-04-20'), ('2024-04-03', '2024-05-30'),
               ('2024-04-08', '2024-05-10'), ('2024-04-15', NULL), ('2024-04-16', '2024-05-01')) AS t(referred, seen);
-- value |      lower       |       upper       | numerator | denominator
--    75 | 30.0641842582402 | 95.44127391902994 |         3 |           4
-- <<< example

-- example >>>
SELECT (oba.better_off_agg(before, after)).*
  FROM (VALUES (32, 41), (45, 45), (28, 39), (50, 44), (30, NULL), (36, 48), (40, 42)) AS asq(before, after);
-- measured | better | same | worse |    pct_better     |       lower        |       upper       | not_measured
--        6 |      4 |    1 |     1 | 66.66666666666666 | 29.999331513839213 | 90.32285888942195 |            1

-- better means up by 5 points or more
SELECT (oba.better_off_agg(before, after, 'higher_is_better', 5)).better
  FROM (VALUES (32, 41), (45, 45), (28, 39), (50, 44), (30, NULL), (36, 48), (40, 42)) AS asq(before, after);
-- better
--      3
-- <<< example

-- example >>>
-- 120 of 200 children (60%) against England's 67.7%
SELECT oba.compare(oba.proportion(120, 200), 67.7) AS one_level,
       oba.compare(oba.proportion(120, 200), oba.proportion(120, 200, confidence => 0.998), 67.7) AS two_levels;
-- one_level | two_levels
-- worse     | worse_95

-- funnel limits around a 65% average for a cohort of 250, and where 140 and 150 of 250 fall
SELECT round(lower_3s::numeric, 2) AS lower_998, round(lower_2s::numeric, 2) AS lower_95,
       round(upper_2s::numeric, 2) AS upper_95, round(upper_3s::numeric, 2) AS upper_998
  FROM oba.funnel_limits('proportion', 250, 0.65);
-- lower_998 | lower_95 | upper_95 | upper_998
--     55.68 |    59.09 |    70.91 |     74.32

SELECT oba.funnel_significance('proportion', 140, 250, 0.65) AS "140",
       oba.funnel_significance('proportion', 150, 250, 0.65) AS "150";
--     140     |       150
-- Low (0.025) | Not significant

-- admissions of children per 100,000, standardised over the four children's bands
SELECT (oba.dsr_agg(a.admissions, a.children, e.standard_population)).*
  FROM (VALUES (0, 48, 5200), (5, 21, 5600), (10, 15, 5300), (15, 30, 5100)) AS a(age_lower, admissions, children)
  JOIN oba.esp2013 e USING (age_lower);
--       value       |       lower        |       upper       | numerator | denominator
-- 533.4782561217014 | 439.93259406742914 | 641.0053718587056 |       114 |       21200
-- <<< example

-- example >>>
-- children at a good level of development, by year
SELECT (m).n, (m).s, round((m).p::numeric, 4) AS p, round((m).sen_slope::numeric, 2) AS sen_slope,
       (r).trend, (r).marker
  FROM (SELECT oba.mann_kendall_agg(year, 100.0 * gld / cohort) AS m,
               oba.recent_trend_agg(year, gld, cohort, 'higher_is_better') AS r
          FROM (VALUES (2017, 281, 512), (2018, 290, 508), (2019, 287, 515), (2020, 301, 520),
                       (2021, 312, 511), (2022, 330, 518), (2023, 341, 516), (2024, 352, 521)) AS t(year, gld, cohort)) s;
-- n | s  |   p    | sen_slope |   trend    |            marker
-- 8 | 26 | 0.0020 |      2.04 | increasing | increasing and getting better
-- <<< example

-- example >>>
-- emergency admissions of children per 10,000 (lower is better), a prevention programme from April 2020
SELECT (c).status, (c).n_pre, (c).n_post, (c).baseline_direction,
       round((c).effect_at_last::numeric, 2) AS gap_now, (c).effect_p < 0.05 AS significant, (c).curve_shape
  FROM (SELECT oba.turn_the_curve_agg(make_date(2011 + i::int, 4, 1), rate, date '2020-04-01', 'lower_is_better') AS c
          FROM unnest('{58,60,61,63,64,66,67,69,67,65,63,61}'::float8[]) WITH ORDINALITY AS t(rate, i)) s;
--    status     | n_pre | n_post | baseline_direction | gap_now | significant |      curve_shape
-- turned_better |     8 |      4 | worsening          |  -13.93 | t           | reversed_to_improving
-- <<< example

-- example >>>
-- children waiting over 18 weeks, by month (lower is better, target 22); a new pathway from April 2023
SELECT (s).n, (s).value, round((s).mean::numeric, 2) AS mean, round((s).lpl::numeric, 2) AS lpl,
       round((s).upl::numeric, 2) AS upl, (s).special_cause, (s).variation, (s).assurance
  FROM (SELECT oba.spc_agg((date '2022-04-01' + (i - 1) * interval '1 month')::date, waiting, 'lower_is_better', 22) AS s
          FROM unnest('{30,32,31,29,33,30,31,32,30,31,29,32,24,25,23,24,26,24,25,23,24,25}'::float8[])
               WITH ORDINALITY AS t(waiting, i)) x;
-- n  | value | mean  |  lpl  |  upl  |   special_cause   |    variation    |    assurance
-- 22 |    25 | 27.86 | 23.21 | 32.52 | 7 Points Below CL | improvement_low | consistent_fail
-- <<< example

-- example >>>
SELECT oba.fy_quarter(date '2025-02-14') AS quarter, oba.fy_quarter_start(date '2025-02-14') AS starts,
       oba.academic_year(date '2025-02-14') AS school_year,
       oba.age_at(date '2020-02-29', date '2025-02-28') AS age_28_feb, oba.age_at(date '2020-02-29', date '2025-03-01') AS age_1_mar;
--  quarter   |   starts   | school_year | age_28_feb | age_1_mar
-- 2024-25 Q4 | 2025-01-01 | 2024/25     |          4 |         5
-- <<< example

-- example >>>
SELECT oba.suppress(3) AS three, oba.suppress(12) AS twelve, oba.round_to(12) AS rounded;
-- three | twelve | rounded
--  NULL |     12 |      10

SELECT * FROM oba.suppress_table('{Bargate,Bevois,Coxford,Millbrook}'::text[], '{12,3,40,25}'::bigint[]);
--   label   | is_total | published |   flag
-- Bargate   | f        |      NULL | secondary
-- Bevois    | f        |      NULL | primary
-- Coxford   | f        |        40 | NULL
-- Millbrook | f        |        25 | NULL
-- NULL      | t        |        80 | NULL
-- <<< example

-- the report card's rows are not kept
BEGIN;
-- example >>>
INSERT INTO oba.indicator (code, name, question, service, polarity, kind) VALUES
  ('FS_SEEN', 'Families supported', 'how_much', 'Family support', 'neutral', 'count'),
  ('FS_REVIEW', 'Reviewed within 12 weeks', 'how_well', 'Family support', 'higher_is_better', 'proportion'),
  ('FS_BETTER', 'Score improved at review', 'better_off', 'Family support', 'higher_is_better', 'proportion');
-- eight quarters from April 2023
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
SELECT m.code, 'FS', 'service', (date '2023-04-01' + (q - 1) * interval '3 months')::date, x, n
  FROM (VALUES ('FS_SEEN', '{41,44,40,47,52,50,55,58}'::float8[], NULL::float8[]),
               ('FS_REVIEW', '{20,22,21,24,26,31,37,44}', '{41,44,40,47,52,50,55,58}'),
               ('FS_BETTER', '{15,16,15,18,22,22,26,27}', '{24,25,25,28,35,36,40,44}')) AS m(code, xs, ns),
       unnest(xs, ns) WITH ORDINALITY AS u(x, n, q);
SELECT question, indicator_name, oba.fy_quarter(period_start) AS quarter, numerator, denominator,
       round(value::numeric, 1) AS value, round(lower::numeric, 1) AS lower, round(upper::numeric, 1) AS upper,
       recent_trend_marker
  FROM oba.report_card
 WHERE service = 'Family support' AND period_start = '2025-01-01'
 ORDER BY array_position('{how_much,how_well,better_off}', question);
--  question  |      indicator_name      |  quarter   | numerator | denominator | value | lower | upper |      recent_trend_marker
-- how_much   | Families supported       | 2024-25 Q4 |        58 |        NULL |  58.0 |  NULL |  NULL | no significant change
-- how_well   | Reviewed within 12 weeks | 2024-25 Q4 |        44 |          58 |  75.9 |  63.5 |  85.0 | increasing and getting better
-- better_off | Score improved at review | 2024-25 Q4 |        27 |          44 |  61.4 |  46.6 |  74.3 | no significant change
-- <<< example
ROLLBACK;

-- example >>>
-- with weights: each LSOA's count shared out by weight
SELECT ward, oba.apportion_agg(children, weight) AS children
  FROM (VALUES ('L1', 'W1', 0.75, 120), ('L1', 'W2', 0.25, 120), ('L2', 'W2', 1, 60)) AS t(lsoa, ward, weight, children)
 GROUP BY ward ORDER BY ward;
-- ward | children
-- W1   |       90
-- W2   |       90

-- from the boundaries: PostGIS in its own schema, then oba_geo (as a superuser)
CREATE SCHEMA postgis;
CREATE EXTENSION postgis SCHEMA postgis;
CREATE EXTENSION oba_geo;
-- two LSOAs and two wards, rectangles in British National Grid metres
CREATE TEMP VIEW lsoa (code, children, geom) AS VALUES
  ('L1', 120, postgis.ST_MakeEnvelope(0, 0, 2000, 1000, 27700)),
  ('L2', 60, postgis.ST_MakeEnvelope(2000, 0, 3000, 1000, 27700));
CREATE TEMP VIEW ward (code, geom) AS VALUES
  ('W1', postgis.ST_MakeEnvelope(0, 0, 1500, 1000, 27700)),
  ('W2', postgis.ST_MakeEnvelope(1500, 0, 3000, 1000, 27700));
SELECT * FROM oba.areal_weights('lsoa', 'ward') ORDER BY 1, 2;
-- source_code | target_code | weight
-- L1          | W1          |   0.75
-- L1          | W2          |   0.25
-- L2          | W2          |      1

SELECT * FROM oba.apportion('lsoa', 'ward', 'children') ORDER BY 1;
-- target_code | value | sources | null_sources
-- W1          |    90 |       1 |            0
-- W2          |    90 |       2 |            0
-- <<< example
DROP VIEW lsoa, ward;
DROP EXTENSION oba_geo;
DROP EXTENSION postgis;
DROP SCHEMA postgis;
