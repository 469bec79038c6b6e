-- The README's examples, run verbatim. Each block between "-- README >>>"
-- and "-- <<< README" is a ```sql block of README.md (every block of its
-- tour, and the self-contained examples of the function reference), in
-- README order; test/check-readme checks that the README's blocks are
-- here and that the output they show as comments is what this suite prints.
-- Change a block here and in the README together. Outside the blocks: only
-- what keeps the suite independent of the others (the report card's rows
-- rolled back, PostGIS and oba_geo dropped).
\pset null NULL
SET datestyle = 'ISO, MDY';

-- README >>>
SELECT (oba.rate(12, 4310)).*;
--        value        |       lower        |       upper       | numerator | denominator
-- 27.842227378190252 | 14.370092443338814 | 48.63772170212691 |        12 |        4310

-- per 100,000 with the 99.8% interval used for funnel plots
SELECT (oba.rate(12, 4310, per => 100000, confidence => 0.998)).*;
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
-- <<< README

-- README >>>
SELECT (oba.proportion(231, 402)).*;
--       value       |       lower        |       upper        | numerator | denominator
-- 57.46268656716418 | 52.581499452519644 | 62.202598794699796 |       231 |         402

-- seen within six weeks of referral? true over non-NULL (a child not yet seen does not count)
SELECT (oba.proportion_agg(seen - referred <= 42)).*
  FROM (VALUES (date '2024-04-02', date '2024-04-20'), ('2024-04-03', '2024-05-30'),
               ('2024-04-08', '2024-05-10'), ('2024-04-15', NULL), ('2024-04-16', '2024-05-01')) AS t(referred, seen);
-- value |      lower       |       upper       | numerator | denominator
--    75 | 30.0641842582402 | 95.44127391902994 |         3 |           4
-- <<< README

-- README >>>
SELECT (oba.better_off_agg(before, after)).*
  FROM (VALUES (32, 41), (45, 45), (28, 39), (50, 44), (30, NULL), (36, 48), (40, 42)) AS asq(before, after);
-- measured | better | same | worse |    pct_better     |       lower        |       upper       | not_measured
--        6 |      4 |    1 |     1 | 66.66666666666666 | 29.999331513839213 | 90.32285888942195 |            1

-- better means up by 5 points or more
SELECT (oba.better_off_agg(before, after, 'higher_is_better', 5)).better
  FROM (VALUES (32, 41), (45, 45), (28, 39), (50, 44), (30, NULL), (36, 48), (40, 42)) AS asq(before, after);
-- better
--      3
-- <<< README

-- README >>>
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
-- <<< README

-- README >>>
-- children at a good level of development, by year
SELECT (m).n, (m).s, round((m).p::numeric, 4) AS p, round((m).sen_slope::numeric, 2) AS sen_slope,
       (r).trend, (r).marker
  FROM (SELECT oba.mann_kendall_agg(year, 100.0 * gld / cohort) AS m,
               oba.recent_trend_agg(year, gld, cohort, 'higher_is_better') AS r
          FROM (VALUES (2017, 281, 512), (2018, 290, 508), (2019, 287, 515), (2020, 301, 520),
                       (2021, 312, 511), (2022, 330, 518), (2023, 341, 516), (2024, 352, 521)) AS t(year, gld, cohort)) s;
-- n | s  |   p    | sen_slope |   trend    |            marker
-- 8 | 26 | 0.0020 |      2.04 | increasing | increasing and getting better
-- <<< README

-- README >>>
-- emergency admissions of children per 10,000 (lower is better), a prevention programme from April 2020
SELECT (c).status, (c).n_pre, (c).n_post, (c).baseline_direction,
       round((c).effect_at_last::numeric, 2) AS gap_now, (c).effect_p < 0.05 AS significant, (c).curve_shape
  FROM (SELECT oba.turn_the_curve_agg(make_date(2011 + i::int, 4, 1), rate, date '2020-04-01', 'lower_is_better') AS c
          FROM unnest('{58,60,61,63,64,66,67,69,67,65,63,61}'::float8[]) WITH ORDINALITY AS t(rate, i)) s;
--    status     | n_pre | n_post | baseline_direction | gap_now | significant |      curve_shape
-- turned_better |     8 |      4 | worsening          |  -13.93 | t           | reversed_to_improving
-- <<< README

-- README >>>
-- children waiting over 18 weeks, by month (lower is better, target 22); a new pathway from April 2023
SELECT (s).n, (s).value, round((s).mean::numeric, 2) AS mean, round((s).lpl::numeric, 2) AS lpl,
       round((s).upl::numeric, 2) AS upl, (s).special_cause, (s).variation, (s).assurance
  FROM (SELECT oba.spc_agg((date '2022-04-01' + (i - 1) * interval '1 month')::date, waiting, 'lower_is_better', 22) AS s
          FROM unnest('{30,32,31,29,33,30,31,32,30,31,29,32,24,25,23,24,26,24,25,23,24,25}'::float8[])
               WITH ORDINALITY AS t(waiting, i)) x;
-- n  | value | mean  |  lpl  |  upl  |   special_cause   |    variation    |    assurance
-- 22 |    25 | 27.86 | 23.21 | 32.52 | 7 Points Below CL | improvement_low | consistent_fail
-- <<< README

-- README >>>
SELECT oba.fy_quarter(date '2025-02-14') AS quarter, oba.fy_quarter_start(date '2025-02-14') AS starts,
       oba.academic_year(date '2025-02-14') AS school_year,
       oba.age_at(date '2020-02-29', date '2025-02-28') AS age_28_feb, oba.age_at(date '2020-02-29', date '2025-03-01') AS age_1_mar;
--  quarter   |   starts   | school_year | age_28_feb | age_1_mar
-- 2024-25 Q4 | 2025-01-01 | 2024/25     |          4 |         5
-- <<< README

-- README >>>
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
-- <<< README

-- the report card's rows are not kept
BEGIN;
-- README >>>
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
-- <<< README
ROLLBACK;

-- README >>>
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
-- <<< README
DROP VIEW lsoa, ward;
DROP EXTENSION oba_geo;
DROP EXTENSION postgis;
DROP SCHEMA postgis;

-- README >>>
-- no events: lower 0, and the exact upper limit (PHEindicatormethods: 36.888794541139355)
SELECT (oba.rate(0, 1000)).*;
-- value | lower |       upper        | numerator | denominator
--     0 |     0 | 36.888794541139355 |         0 |        1000

-- a rate may exceed per
SELECT (oba.rate(150, 100, per => 100)).value;         -- 150

-- per 100,000 with 99.8% limits, by ward: Byar's from 10 events, exact below
SELECT ward, (oba.rate_agg(admissions, children, 100000, 0.998)).*
  FROM (VALUES ('Bevois', 7, 2510), ('Bevois', 5, 1800), ('Coxford', 3, 2200)) AS t(ward, admissions, children)
 GROUP BY ward ORDER BY ward;
--  ward   |       value        |       lower       |       upper       | numerator | denominator
-- Bevois  |  278.4222737819025 | 92.81614826972155 | 628.3285232491971 |        12 |        4310
-- Coxford | 136.36363636363637 | 8.660608071291056 | 593.7382172358214 |         3 |        2200
-- <<< README

-- README >>>
-- none of 50: lower exactly 0
SELECT (oba.proportion(0, 50)).*;
-- value | lower |      upper       | numerator | denominator
--     0 |     0 | 7.13475991333587 |         0 |          50

-- a fraction rather than a percentage
SELECT (oba.proportion(231, 402, per => 1)).value;
--       value
-- 0.5746268656716418

-- counts by ward
SELECT ward, (oba.proportion_agg(gld, cohort)).*
  FROM (VALUES ('Bevois', 61, 130), ('Bevois', 70, 130), ('Coxford', 98, 170)) AS t(ward, gld, cohort)
 GROUP BY ward ORDER BY ward;
--  ward   |       value        |       lower       |       upper        | numerator | denominator
-- Bevois  |  50.38461538461539 | 44.34600732250834 | 56.412023659028634 |       131 |         260
-- Coxford | 57.647058823529406 | 50.13096582922023 |  64.82519030084151 |        98 |         170
-- <<< README

-- README >>>
SELECT target_code, oba.apportion_agg(children, weight) AS children,
       round(oba.apportion_mean_agg(pct, area)::numeric, 3) AS pct
  FROM (VALUES ('A', 'X', 0.75, 750, 100, 20), ('A', 'Y', 0.25, 250, 100, 20), ('B', 'Y', 1, 400, 40, 10))
         AS w(source_code, target_code, weight, area, children, pct)
 GROUP BY 1 ORDER BY 1;
-- target_code | children |  pct
-- X           |       75 | 20.000
-- Y           |       65 | 13.846

SELECT oba.largest_remainder('{4.5, 3.5, 2}') AS ten, oba.largest_remainder('{0.6, 0.6, 0.8}') AS two;
--   ten   |   two
-- {5,3,2} | {1,0,1}
-- <<< README

-- README >>>
SELECT oba.compare(oba.rate(12, 4310), 10, 'lower_is_better');            -- worse
SELECT oba.compare(oba.rate(12, 4310), oba.rate(12, 4310, confidence => 0.998),
                   10, 'lower_is_better');                                -- worse_95
SELECT oba.compare(50, 40, 60, 70, 'lower_is_better');                    -- better
-- <<< README

-- README >>>
-- R: poisson.test(c(12, 30), c(4310, 5120)) gives 0.47517 (0.22156 to 0.95573)
SELECT round(value::numeric, 4) AS value, round(lower::numeric, 4) AS lower, round(upper::numeric, 4) AS upper,
       round(p_value::numeric, 6) AS p_value, method
  FROM oba.rate_ratio(12, 4310, 30, 5120);
-- value  | lower  | upper  | p_value  |      method
-- 0.4752 | 0.2216 | 0.9557 | 0.035364 | exact_conditional

SELECT oba.gap_to_close(2732, 4937, 67, per => 100);                    -- 576
-- <<< README

-- README >>>
SELECT x, round(lower_2s::numeric, 2) AS lower_2s, round(upper_2s::numeric, 2) AS upper_2s
  FROM oba.funnel_limits('proportion', 250, 0.65);
--  x  | lower_2s | upper_2s
-- 250 |    59.09 |    70.91

-- a ratio: 12 observed; the lower limit lies at 20.96 expected events
SELECT x, round(lower_2s::numeric, 4) AS lower_2s, round(upper_2s::numeric, 4) AS upper_2s,
       round(lower_2s_denominator::numeric, 4) AS lower_2s_denominator
  FROM oba.funnel_limits('ratio', 12);
-- x  | lower_2s | upper_2s | lower_2s_denominator
-- 12 |   0.5725 |   1.9353 |              20.9616

SELECT oba.funnel_significance('ratio', 25, 14);                 -- High (0.025)

SELECT oba.funnel_significance('dsr', 9, 1000, 0.01);            -- Not applicable for events less than 10 for dsrs

-- the denominator of a DSR record: the population its rate implies (15 events at 153.15 per 100,000)
SELECT oba.funnel_denominator('dsr', 15, 9850, rate => 153.15110255037692);
-- funnel_denominator
--  9794.248784507417
-- <<< README

-- README >>>
-- DSRs per 100,000 over 3 years: the 9-event ward is blanked; the others sit at the
-- population per year their rate implies, beside oba.funnel_limits('dsr', ...)'s lines
SELECT ward, events, round(denominator::numeric, 1) AS denominator, value AS dsr
  FROM (VALUES ('Bevois', 9, 14200, 70.4), ('Coxford', 31, 15100, 221.9), ('Shirley', 48, 17900, 262.3))
         AS w(ward, events, population, dsr),
       LATERAL oba.funnel_points('dsr', events, population, dsr, 100000, 3);
--   ward  | events | denominator |  dsr
-- Bevois  |      9 |        NULL |  NULL
-- Coxford |     31 |      4656.8 | 221.9
-- Shirley |     48 |      6099.9 | 262.3

SELECT (oba.funnel_points('proportion', 140, 250)).*;
-- denominator |       value
--         250 | 56.00000000000001
-- <<< README

-- README >>>
-- the children's bands of the standard population, and the last band
SELECT age_band, age_lower, age_upper, standard_population FROM oba.esp2013 WHERE age_lower < 20 OR age_upper IS NULL;
-- age_band | age_lower | age_upper | standard_population
-- 0-4      |         0 |         4 |                5000
-- 5-9      |         5 |         9 |                5500
-- 10-14    |        10 |        14 |                5500
-- 15-19    |        15 |        19 |                5500
-- 90+      |        90 |      NULL |                1000

-- group D10 of test/reference/phe_dsr_reference.csv (four children's bands, 15 events): PHEindicatormethods
-- calculate_dsr gives 153.15110255037692 (85.517829298611119 to 252.81601366953871) per 100,000,
-- the same to 15 significant digits
SELECT (oba.dsr_agg(a.events, a.population, e.standard_population)).*
  FROM (VALUES ('0-4', 7, 2400), ('5-9', 2, 2600), ('10-14', 1, 2550), ('15-19', 5, 2300)) AS a(age_band, events, population)
  JOIN oba.esp2013 e USING (age_band);
--       value        |       lower       |       upper        | numerator | denominator
-- 153.15110255037692 | 85.51782929861113 | 252.81601366953868 |        15 |        9850

-- children admitted more than once: per band, events = Σ f·x_f and events_squared = Σ f²·x_f
-- (x_f children with f admissions); the tour's DSR, with wider limits
SELECT round(value::numeric, 2) AS value, round(lower::numeric, 2) AS lower, round(upper::numeric, 2) AS upper,
       numerator, denominator
  FROM (SELECT (oba.dsr_nonindependent_agg(a.events, a.events_squared, a.population, e.standard_population)).*
          FROM (VALUES (0, 48, 72, 5200), (5, 21, 25, 5600), (10, 15, 15, 5300), (15, 30, 38, 5100))
                 AS a(age_lower, events, events_squared, population)
          JOIN oba.esp2013 e USING (age_lower)) d;
-- value  | lower  | upper  | numerator | denominator
-- 533.48 | 426.59 | 656.34 |       114 |       21200
-- <<< README

-- README >>>
-- group I10 of test/reference/phe_isr_reference.csv: PHEindicatormethods calculate_ISRatio gives
-- 0.85036691255930985 (0.65485341548778964 to 1.0859169448078105), calculate_ISRate 86.365389556804914
-- (66.508550010478629 to 110.28843970704325) per 100,000
SELECT (i).observed, round((i).expected::numeric, 4) AS expected, (i).ratio, (i).ratio_lower, (i).ratio_upper,
       round((i).rate::numeric, 4) AS rate, round((i).rate_lower::numeric, 4) AS rate_lower,
       round((i).rate_upper::numeric, 4) AS rate_upper
  FROM (SELECT oba.isr_agg(w.admissions, w.children, r.admissions, r.children) AS i
          FROM (VALUES ('0-4', 22, 18200), ('5-9', 9, 19100), ('10-14', 8, 18800), ('15-19', 25, 17600))
                 AS w(band, admissions, children)
          JOIN (VALUES ('0-4', 5200, 3100000), ('5-9', 2100, 3350000), ('10-14', 1800, 3300000), ('15-19', 3900, 3050000))
                 AS r(band, admissions, children) USING (band)) s;
-- observed | expected |       ratio        |    ratio_lower     |    ratio_upper     |  rate   | rate_lower | rate_upper
--       64 |  75.2616 | 0.8503669125593099 | 0.6548534154877896 | 1.0859169448078105 | 86.3654 |    66.5086 |   110.2884
-- <<< README

-- README >>>
-- the package's own example (Area1: 20, 30, 40): phe_mean gives 30 (5.1586228824967009 to 54.841377117503299)
SELECT (oba.mean_agg(v)).* FROM (VALUES (20), (30), (40)) AS t(v);
-- value |       lower       |      upper       | value_sum | value_count | stdev
--    30 | 5.158622882496701 | 54.8413771175033 |        90 |           3 |    10

-- mean birth weight (grams) by ward, with 99.8% limits; the NULL weight is skipped
SELECT ward, round(value::numeric, 1) AS mean, round(lower::numeric, 1) AS lower, round(upper::numeric, 1) AS upper,
       value_count AS n
  FROM (SELECT ward, (oba.mean_agg(grams, 0.998)).*
          FROM (VALUES ('Bevois', 3310), ('Bevois', 3520), ('Bevois', 2980), ('Bevois', 3405), ('Bevois', 3150),
                       ('Coxford', 3620), ('Coxford', 3390), ('Coxford', 3475), ('Coxford', NULL)) AS b(ward, grams)
         GROUP BY ward) s
 ORDER BY ward;
--   ward  |  mean  | lower  | upper  | n
-- Bevois  | 3273.0 | 2591.0 | 3955.0 | 5
-- Coxford | 3495.0 | 1995.9 | 4994.1 | 3

-- from published numbers: 8 values, mean 53.704345, sd 20.975575 (the package's test Area1: 36.17 to 71.24)
SELECT round(lower::numeric, 2) AS lower, round(upper::numeric, 2) AS upper, value_sum
  FROM oba.mean(8, 53.704345, 20.975575257709352);
-- lower | upper | value_sum
-- 36.17 | 71.24 | 429.63476
-- <<< README

-- README >>>
-- PHEindicatormethods' example for phe_life_expectancy (a district), and the same rates in a ward of
-- 4,728 people. The package's tests (the PHE calculator) give the district 80.16960813 at birth and
-- 18.76856852 at 65. The ward is too small: 5,000 people or fewer give no life table.
WITH bands(start_age, deaths, population) AS (VALUES
       (0, 17, 7060), (1, 9, 35059), (5, 4, 46974), (10, 8, 48489), (15, 20, 43219), (20, 15, 38561),
       (25, 24, 46009), (30, 33, 57208), (35, 50, 61435), (40, 71, 55601), (45, 100, 50209), (50, 163, 56416),
       (55, 263, 46411), (60, 304, 39820), (65, 536, 37978), (70, 872, 37039), (75, 1390, 33288),
       (80, 1605, 23306), (85, 1936, 11936), (90, 1937, 11936)),
     areas(area, share) AS (VALUES ('district', 1), ('ward', 0.006))
SELECT area, (e).at_age, round((e).value::numeric, 4) AS value, round((e).lower::numeric, 2) AS lower,
       round((e).upper::numeric, 2) AS upper, round((e).standard_error::numeric, 4) AS se,
       round((e).population::numeric) AS population, round((e).deaths::numeric, 1) AS deaths, (e).note
  FROM (SELECT area, a, oba.life_expectancy_agg(start_age, deaths * share, population * share, a) AS e
          FROM bands, areas, (VALUES (0), (65)) AS ages(a)
         GROUP BY area, a) s
 ORDER BY area, 2;
-- area     | at_age |  value  | lower | upper |   se   | population | deaths |             note
-- district |      0 | 80.1696 | 79.88 | 80.46 | 0.1464 |     787954 | 9357.0 | NULL
-- district |     65 | 18.7686 | 18.58 | 18.96 | 0.0984 |     155483 | 8276.0 | NULL
-- ward     |      0 |    NULL |  NULL |  NULL |   NULL |       4728 |   56.1 | total population 5000 or less
-- ward     |     65 |    NULL |  NULL |  NULL |   NULL |        933 |   49.7 | total population 5000 or less
-- <<< README

-- README >>>
-- life expectancy by decile of deprivation (1 = most deprived) with 95% limits: Area2 of the example
-- of PHEindicatormethods phe_sii. The SII is the gap between the fitted ends of the gradient, in years;
-- the RII their ratio. Limits: 100,000 simulations drawn with seed 1.
SELECT quantiles, population, round(intercept::numeric, 3) AS intercept, round(sii::numeric, 3) AS sii,
       round(sii_lower::numeric, 2) AS sii_lower, round(sii_upper::numeric, 2) AS sii_upper,
       round(rii::numeric, 4) AS rii, round(rii_lower::numeric, 3) AS rii_lower,
       round(rii_upper::numeric, 3) AS rii_upper
  FROM (SELECT (oba.sii_agg(decile, population, le, lower, upper)).*
          FROM (VALUES (1, 21675, 70.5, 70.1, 71.0), (2, 20065, 71.6, 71.1, 72.1), (3, 19750, 72.5, 72.0, 73.2),
                       (4, 24713, 73.5, 73.1, 73.7), (5, 20112, 73.1, 72.7, 75.8), (6, 19618, 76.2, 75.7, 78.8),
                       (7, 22408, 78.7, 78.2, 79.8), (8, 19752, 80.6, 80.1, 81.2), (9, 18939, 80.9, 80.4, 81.3),
                       (10, 19312, 80.0, 79.5, 80.9)) AS t(decile, population, le, lower, upper)) s;
-- quantiles | population | intercept |  sii   | sii_lower | sii_upper |  rii   | rii_lower | rii_upper
--        10 |     206344 |    69.343 | 12.623 |     12.01 |     13.24 | 1.1820 |     1.172 |     1.192

-- deaths per 100,000 by quintile (1 = most deprived), limits from oba.rate; fitted on the log scale
-- (transform), so the RII is a rate ratio. With deprivation falling, the SII is negative.
SELECT round(sii::numeric, 1) AS sii, round(sii_lower::numeric, 1) AS sii_lower,
       round(sii_upper::numeric, 1) AS sii_upper, round(rii::numeric, 3) AS rii,
       round(rii_lower::numeric, 3) AS rii_lower, round(rii_upper::numeric, 3) AS rii_upper
  FROM (SELECT (oba.sii_agg(quintile, population, (r).value, (r).lower, (r).upper, 'rate', true)).*
          FROM (SELECT quintile, population, oba.rate(deaths, population, 100000) AS r
                  FROM (VALUES (1, 412, 52100), (2, 355, 50900), (3, 301, 53200), (4, 262, 51800), (5, 214, 50400))
                         AS t(quintile, deaths, population)) q) s;
--   sii   | sii_lower | sii_upper |  rii  | rii_lower | rii_upper
--  -465.9 |    -584.3 |    -351.7 | 0.459 |     0.381 |     0.552

-- the same deciles with standard errors; another seed, other limits within the simulation's error
SELECT seed, round(sii::numeric, 3) AS sii, round(sii_lower::numeric, 3) AS sii_lower,
       round(sii_upper::numeric, 3) AS sii_upper
  FROM (SELECT seed, (oba.sii_se_agg(decile, population, le, se, 'normal', 1, 0.95, 100000, seed)).*
          FROM (VALUES (1, 21675, 70.5, 0.23), (2, 20065, 71.6, 0.26), (3, 19750, 72.5, 0.3), (4, 24713, 73.5, 0.16),
                       (5, 20112, 73.1, 0.79), (6, 19618, 76.2, 0.78), (7, 22408, 78.7, 0.4), (8, 19752, 80.6, 0.28),
                       (9, 18939, 80.9, 0.23), (10, 19312, 80.0, 0.35)) AS t(decile, population, le, se),
               (VALUES (1), (2)) AS s(seed)
         GROUP BY seed) x
 ORDER BY seed;
-- seed |  sii   | sii_lower | sii_upper
--    1 | 12.623 |    12.012 |    13.235
--    2 | 12.623 |    12.010 |    13.230
-- <<< README

-- README >>>
-- a good level of development (higher is better, weight 2) and obesity (lower is better, weight 1);
-- with four wards, quintile k holds ranks above 4(k - 1)/5 up to 4k/5, so quintile 1 is empty
WITH indicator(ward, indicator, value, polarity, weight) AS (VALUES
  ('Bevois', 'gld', 58.0, 'higher_is_better', 2), ('Coxford', 'gld', 62.0, 'higher_is_better', 2),
  ('Portswood', 'gld', 71.0, 'higher_is_better', 2), ('Shirley', 'gld', 69.0, 'higher_is_better', 2),
  ('Bevois', 'obesity', 24.0, 'lower_is_better', 1), ('Coxford', 'obesity', 23.0, 'lower_is_better', 1),
  ('Portswood', 'obesity', 17.0, 'lower_is_better', 1), ('Shirley', 'obesity', 20.0, 'lower_is_better', 1)),
z AS (
  SELECT ward, indicator, weight,
         oba.need_z(value, avg(value) OVER w, stddev_samp(value) OVER w, polarity) AS z
    FROM indicator WINDOW w AS (PARTITION BY indicator)),
score AS (
  SELECT ward, oba.need_score_agg(z, weight) AS need FROM z GROUP BY ward)
SELECT ward, round(need::numeric, 3) AS need, rank() OVER (ORDER BY need DESC) AS need_rank,
       oba.quintile(rank() OVER (ORDER BY need DESC), count(need) OVER ()) AS quintile
  FROM score ORDER BY need DESC;
--   ward    |  need  | need_rank | quintile
-- Bevois    |  1.087 |         1 |        2
-- Coxford   |  0.541 |         2 |        3
-- Shirley   | -0.546 |         3 |        4
-- Portswood | -1.082 |         4 |        5

-- rank 7 of 30
SELECT oba.decile(7, 30) AS decile, oba.quintile(7, 30) AS quintile, oba.quantile_group(7, 30, 4) AS quartile;
-- decile | quintile | quartile
--      3 |        2 |        1

-- ties: rank() gives them the same rank, so they share a group
SELECT ward, need, rank() OVER w AS need_rank, oba.quintile(rank() OVER w, count(*) OVER ()) AS quintile
  FROM (VALUES ('A', 1.2), ('B', 0.8), ('C', 0.8), ('D', -0.1), ('E', -0.4), ('F', -1.5)) AS t(ward, need)
WINDOW w AS (ORDER BY need DESC) ORDER BY need DESC, ward;
-- ward | need | need_rank | quintile
-- A    |  1.2 |         1 |        1
-- B    |  0.8 |         2 |        2
-- C    |  0.8 |         2 |        2
-- D    | -0.1 |         4 |        4
-- E    | -0.4 |         5 |        5
-- F    | -1.5 |         6 |        5
-- <<< README

-- README >>>
-- the six wards above by both conventions: 'phe' fills from the bottom, so the extra ward goes to quintile 1
SELECT ward, need, rank() OVER w AS need_rank,
       oba.quintile(rank() OVER w, count(*) OVER ()) AS oba,
       oba.quintile(rank() OVER w, count(*) OVER (), 'phe') AS phe
  FROM (VALUES ('A', 1.2), ('B', 0.8), ('C', 0.8), ('D', -0.1), ('E', -0.4), ('F', -1.5)) AS t(ward, need)
WINDOW w AS (ORDER BY need DESC) ORDER BY need DESC, ward;
-- ward | need | need_rank | oba | phe
-- A    |  1.2 |         1 |   1 |   1
-- B    |  0.8 |         2 |   2 |   1
-- C    |  0.8 |         2 |   2 |   1
-- D    | -0.1 |         4 |   4 |   3
-- E    | -0.4 |         5 |   5 |   4
-- F    | -1.5 |         6 |   5 |   5

-- local deprivation deciles of 11 LSOAs by IMD score, decile 1 the most deprived (Fingertips' way);
-- the LSOA without a score gets none
SELECT lsoa, imd_score,
       CASE WHEN imd_score IS NOT NULL THEN oba.decile(rank() OVER w, count(imd_score) OVER (), 'phe') END AS phe,
       CASE WHEN imd_score IS NOT NULL THEN oba.decile(rank() OVER w, count(imd_score) OVER ()) END AS oba
  FROM (VALUES ('E01017140', 52.1), ('E01017141', 47.9), ('E01017142', 44.0), ('E01017143', 38.5),
               ('E01017144', 35.2), ('E01017145', 31.7), ('E01017146', 28.4), ('E01017147', 22.6),
               ('E01017148', 19.3), ('E01017149', 14.8), ('E01017150', 9.1), ('E01017151', NULL))
         AS l(lsoa, imd_score)
WINDOW w AS (ORDER BY imd_score DESC NULLS LAST) ORDER BY lsoa;
--   lsoa    | imd_score | phe  | oba
-- E01017140 |      52.1 |    1 |    1
-- E01017141 |      47.9 |    1 |    2
-- E01017142 |      44.0 |    2 |    3
-- E01017143 |      38.5 |    3 |    4
-- E01017144 |      35.2 |    4 |    5
-- E01017145 |      31.7 |    5 |    6
-- E01017146 |      28.4 |    6 |    7
-- E01017147 |      22.6 |    7 |    8
-- E01017148 |      19.3 |    8 |    9
-- E01017149 |      14.8 |    9 |   10
-- E01017150 |       9.1 |   10 |   10
-- E01017151 |      NULL | NULL | NULL
-- <<< README

-- README >>>
-- six wards: % of residents aged 0-15, % aged 60+, residents per hectare
WITH ward(code, pct_0_15, pct_60plus, density) AS (VALUES
  ('Bargate', 12.5, 9.8, 85.0), ('Bassett', 15.1, 24.6, 30.0), ('Bevois', 17.0, 8.5, 98.0),
  ('Coxford', 22.4, 18.1, 52.0), ('Redbridge', 23.9, 16.0, 48.0), ('Sholing', 19.8, 22.9, 41.0))
SELECT n.area, n.neighbour, n.rank, round(n.distance::numeric, 3) AS distance,
       round(n.relative_distance::numeric, 3) AS relative_distance
  FROM (SELECT array_agg(code ORDER BY code) AS areas,
               array_agg(ARRAY[pct_0_15, pct_60plus, density] ORDER BY code)::float8[] AS variables
          FROM ward) w,
       oba.statistical_neighbours(w.areas, w.variables, k => 2) n;
--    area   | neighbour | rank | distance | relative_distance
-- Bargate   | Bevois    |    1 |    1.155 |             0.324
-- Bargate   | Coxford   |    2 |    2.869 |             0.806
-- Bassett   | Sholing   |    1 |    1.179 |             0.331
-- Bassett   | Coxford   |    2 |    2.106 |             0.591
-- Bevois    | Bargate   |    1 |    1.155 |             0.324
-- Bevois    | Coxford   |    2 |    2.575 |             0.723
-- Coxford   | Redbridge |    1 |    0.491 |             0.138
-- Coxford   | Sholing   |    2 |    1.026 |             0.288
-- Redbridge | Coxford   |    1 |    0.491 |             0.138
-- Redbridge | Sholing   |    2 |    1.427 |             0.401
-- Sholing   | Coxford   |    1 |    1.026 |             0.288
-- Sholing   | Bassett   |    2 |    1.179 |             0.331

-- each ward against the average of its two statistical neighbours (a good level of development, %)
WITH ward(code, pct_0_15, pct_60plus, density, gld) AS (VALUES
  ('Bargate', 12.5, 9.8, 85.0, 61.0), ('Bassett', 15.1, 24.6, 30.0, 74.5), ('Bevois', 17.0, 8.5, 98.0, 55.2),
  ('Coxford', 22.4, 18.1, 52.0, 60.3), ('Redbridge', 23.9, 16.0, 48.0, 57.9), ('Sholing', 19.8, 22.9, 41.0, 66.8)),
nb AS (
  SELECT n.* FROM (SELECT array_agg(code ORDER BY code) AS areas,
                          array_agg(ARRAY[pct_0_15, pct_60plus, density] ORDER BY code)::float8[] AS variables
                     FROM ward) w,
                  oba.statistical_neighbours(w.areas, w.variables, 2) n)
SELECT a.code AS ward, a.gld, string_agg(nb.neighbour, ', ' ORDER BY nb.rank) AS neighbours,
       round(avg(b.gld), 1) AS neighbours_gld, round(a.gld - avg(b.gld), 1) AS difference
  FROM ward a JOIN nb ON nb.area = a.code JOIN ward b ON b.code = nb.neighbour
 GROUP BY a.code, a.gld ORDER BY a.code;
--    ward    | gld  |     neighbours     | neighbours_gld | difference
-- Bargate   | 61.0 | Bevois, Coxford    |           57.8 |        3.3
-- Bassett   | 74.5 | Sholing, Coxford   |           63.6 |       11.0
-- Bevois    | 55.2 | Bargate, Coxford   |           60.7 |       -5.5
-- Coxford   | 60.3 | Redbridge, Sholing |           62.4 |       -2.1
-- Redbridge | 57.9 | Coxford, Sholing   |           63.6 |       -5.7
-- Sholing   | 66.8 | Coxford, Bassett   |           67.4 |       -0.6

-- weights: density counts double; a missing value leaves the ward out (one row, no neighbour)
SELECT area, neighbour, round(distance::numeric, 3) AS distance
  FROM oba.statistical_neighbours(ARRAY['Bargate', 'Bassett', 'Bevois', 'Coxford'],
                                  ARRAY[[12.5, 85], [15.1, 30], [17.0, NULL], [22.4, 52]]::float8[],
                                  k => 1, weights => ARRAY[1, 2]::float8[]);
--   area   | neighbour | distance
-- Bargate | Coxford   |    2.562
-- Bassett | Coxford   |    1.813
-- Bevois  | NULL      |     NULL
-- Coxford | Bassett   |    1.813
-- <<< README

-- README >>>
SELECT oba.fy('2024-07-15'), oba.fy_quarter('2024-07-15'),
       oba.fy_quarter_start('2024-07-15'), oba.academic_year('2024-07-15');
-- 2024-25 | 2024-25 Q2 | 2024-07-01 | 2023/24
SELECT oba.age_at('2020-02-29', '2025-02-28'), oba.age_at('2020-02-29', '2025-03-01');     -- 4 | 5
SELECT oba.age_months_at('2024-01-31', '2024-02-29'), oba.age_months_at('2024-01-31', '2024-03-01');  -- 0 | 1
SELECT oba.age_band(7, '{0,5,10,15}'), oba.age_band(17, '{0,5,10,15}');                     -- 5-9 | 15+
SELECT oba.age_band(70, '{{0,4},{16,24},{65,NULL}}'), oba.age_band(10, '{{0,4},{16,24},{65,NULL}}');  -- 65+ | NULL
-- <<< README

-- README >>>
-- Enfield's FASH: 121 cases, 251,075 in all, an average benefit of 6,218 a case
SELECT round(value::numeric, 2) AS cost_per_case, round(lower::numeric, 2) AS lower, round(upper::numeric, 2) AS upper
  FROM oba.cost_per_outcome(251075, 121);
-- cost_per_case |  lower  |  upper
--       2075.00 | 1736.57 | 2500.72
SELECT round(value::numeric, 2) AS roi, round(lower::numeric, 2) AS lower, round(upper::numeric, 2) AS upper,
       numerator AS benefits, denominator AS cost
  FROM oba.return_on_investment(251075, 121, 6218);
--  roi | lower | upper | benefits |  cost
-- 3.00 |  2.49 |  3.58 |   752378 | 251075

-- no outcome yet: at least 271 an outcome, no upper bound
SELECT value, round(lower::numeric, 2) AS lower, upper FROM oba.cost_per_outcome(1000, 0);
-- value | lower  | upper
--  NULL | 271.09 |  NULL

-- case by case: open cases (no outcome yet) are left out; the unit benefit is the same for a group
SELECT team, round((c).value) AS cost_per_outcome, round((c).lower) AS lower, round((c).upper) AS upper,
       round((r).value::numeric, 2) AS roi, round((r).lower::numeric, 2) AS roi_lower, round((r).upper::numeric, 2) AS roi_upper
  FROM (SELECT team, oba.cost_per_outcome_agg(cost, avoided_care) AS c,
               oba.return_on_investment_agg(cost, avoided_care, 42000) AS r
          FROM (VALUES ('edge of care', 2900, 1), ('edge of care', 3400, 0), ('edge of care', 2600, 1),
                       ('edge of care', 3100, NULL), ('housing', 450, 1), ('housing', 500, 0), ('housing', 400, 0))
               AS cases(team, cost, avoided_care)
         GROUP BY team) s ORDER BY team;
--      team     | cost_per_outcome | lower | upper |  roi  | roi_lower | roi_upper
-- edge of care |             4450 |  1232 | 36745 |  9.44 |      1.14 |     34.09
-- housing      |             1350 |   242 | 53322 | 31.11 |      0.79 |    173.34

-- 1,000 in ten years at 3.5% and at 1.5%; a three-year programme's net present value
SELECT round(oba.present_value(1000, 10)::numeric, 2) AS pv_3_5, round(oba.present_value(1000, 10, 0.015)::numeric, 2) AS pv_1_5;
-- pv_3_5 | pv_1_5
-- 708.92 | 861.67
SELECT round(sum(oba.present_value(benefits - costs, year))::numeric) AS net_present_value
  FROM (VALUES (0, 769735, 0), (1, 769735, 1416000), (2, 769735, 1416000), (3, 0, 600000)) AS t(year, costs, benefits);
-- net_present_value
--            999137
-- <<< README

-- README >>>
SELECT oba.suppress(3), oba.suppress(0), oba.suppress(0, suppress_zero => true), oba.suppress(5);  -- NULL | 0 | NULL | 5
SELECT oba.round_to(12), oba.round_to(13), oba.round_to(15, 10);                                 -- 10 | 15 | 20
-- <<< README

-- README >>>
-- one-way: two small wards, 3 children between them, so a third ward goes too
SELECT * FROM oba.suppress_table(ARRAY['Bargate', 'Bevois', 'Coxford'], ARRAY[2, 1, 40]::bigint[]);
--  label  | is_total | published |   flag
-- Bargate | f        |      NULL | primary
-- Bevois  | f        |      NULL | primary
-- Coxford | f        |      NULL | secondary
-- NULL    | t        |        43 | NULL

-- two-way: ward by age band, with row, column and grand totals
SELECT * FROM oba.suppress_table(ARRAY['Bargate', 'Bargate', 'Bevois', 'Bevois'], ARRAY['0-4', '5-9', '0-4', '5-9'],
                                 ARRAY[12, 3, 20, 15]::bigint[]);
-- row_label | col_label | published |   flag
-- Bargate   | 0-4       |      NULL | secondary
-- Bargate   | 5-9       |      NULL | primary
-- Bargate   | NULL      |        15 | NULL
-- Bevois    | 0-4       |      NULL | secondary
-- Bevois    | 5-9       |      NULL | secondary
-- Bevois    | NULL      |        35 | NULL
-- NULL      | 0-4       |        32 | NULL
-- NULL      | 5-9       |        18 | NULL
-- NULL      | NULL      |        50 | NULL
-- <<< README

-- README >>>
SELECT oba.date_to_years('2019-04-01'), oba.years_to_date(2024.5);
--  2019.25 | 2024-07-01
-- <<< README

-- README >>>
-- smoking at delivery, one row per LSOA scored by its deprivation quintile; R's
-- prop.trend.test(x, n, score = quintile) gives X-squared = 4.9222581073490179, p = 0.02651
SELECT k, round(x2::numeric, 4) AS x2, round(p_value::numeric, 5) AS p_value
  FROM (SELECT (oba.trend_chisq_score_agg(quintile, smokers, deliveries)).*
          FROM (VALUES ('E01017140', 1, 29, 180), ('E01017141', 1, 24, 150), ('E01017142', 2, 25, 170),
                       ('E01017143', 2, 27, 190), ('E01017144', 3, 22, 160), ('E01017145', 3, 24, 175),
                       ('E01017146', 4, 18, 150), ('E01017147', 4, 21, 185), ('E01017148', 5, 15, 140),
                       ('E01017149', 5, 18, 165)) AS l(lsoa, quintile, smokers, deliveries)) s;
-- k  |   x2   | p_value
-- 10 | 4.9223 | 0.02651

-- admissions by age band, scored by the band's midpoint (R: X-squared = 2.1588, p = 0.1418)
SELECT round(x2::numeric, 4) AS x2, round(p_value::numeric, 4) AS p_value
  FROM (SELECT (oba.trend_chisq_score_agg(midpoint, admitted, children)).*
          FROM (VALUES (2.5, 41, 5200), (7.5, 30, 5600), (12.5, 33, 5300), (17.5, 52, 5100))
                 AS a(midpoint, admitted, children)) s;
--   x2   | p_value
-- 2.1588 | 0.1418
-- <<< README

-- README >>>
-- waiting over 18 weeks (%) by quarter: neighbouring quarters alike
SELECT (m).s, round((m).p::numeric, 4) AS p_plain, round((h).correction::numeric, 3) AS correction,
       round((h).n_effective::numeric, 1) AS n_effective, (h).lags_significant, round((h).p::numeric, 4) AS p_hamed_rao,
       round((w).lag1::numeric, 3) AS lag1, round((w).p::numeric, 4) AS p_prewhitened
  FROM (SELECT oba.mann_kendall_agg(q, pct) AS m, oba.mann_kendall_hamed_rao_agg(q, pct) AS h,
               oba.mann_kendall_prewhitened_agg(q, pct) AS w
          FROM (VALUES (date '2018-04-01', 12.5), ('2018-07-01', 12.6), ('2018-10-01', 13.2), ('2019-01-01', 12.9),
                       ('2019-04-01', 12.2), ('2019-07-01', 12.4), ('2019-10-01', 12.1), ('2020-01-01', 12.5),
                       ('2020-04-01', 12.3), ('2020-07-01', 12.2), ('2020-10-01', 12.4), ('2021-01-01', 12.5),
                       ('2021-04-01', 12.2), ('2021-07-01', 11.9), ('2021-10-01', 12.2), ('2022-01-01', 12.3),
                       ('2022-04-01', 12.5), ('2022-07-01', 13.3), ('2022-10-01', 13.0), ('2023-01-01', 13.0),
                       ('2023-04-01', 13.4), ('2023-07-01', 13.4), ('2023-10-01', 13.6), ('2024-01-01', 13.5))
               AS w(q, pct)) s;
-- s  | p_plain | correction | n_effective | lags_significant | p_hamed_rao | lag1  | p_prewhitened
-- 88 |  0.0298 |      2.669 |         9.0 |                3 |      0.1837 | 0.674 |        0.0006
-- <<< README

-- README >>>
-- A&E attendances by quarter: winter is always the busiest
SELECT (m).s AS s_plain, round((m).p::numeric, 4) AS p_plain, (k).seasons, (k).s,
       round((k).p::numeric, 6) AS p, round((k).sen_slope::numeric, 1) AS per_year
  FROM (SELECT oba.mann_kendall_agg(q, n) AS m, oba.seasonal_mann_kendall_agg(q, n) AS k
          FROM (VALUES (date '2019-04-01', 5120), ('2019-07-01', 4980), ('2019-10-01', 5460), ('2020-01-01', 5710),
                       ('2020-04-01', 5190), ('2020-07-01', 5050), ('2020-10-01', 5530), ('2021-01-01', 5800),
                       ('2021-04-01', 5240), ('2021-07-01', 5110), ('2021-10-01', 5600), ('2022-01-01', 5850),
                       ('2022-04-01', 5300), ('2022-07-01', 5090), ('2022-10-01', 5680), ('2023-01-01', 5930),
                       ('2023-04-01', 5370), ('2023-07-01', 5200), ('2023-10-01', 5720), ('2024-01-01', 6010))
               AS a(q, n)) s;
-- s_plain | p_plain | seasons | s  |    p     | per_year
--      64 |  0.0410 |       4 | 38 | 0.000006 |     65.0

-- two-year reviews done on time (%) by year: did it change, and when?
SELECT (p).n, (p).u, (p).k, round((p).p::numeric, 4) AS p, (p).break_index, (p).t_last_before, (p).t_first_after
  FROM (SELECT oba.pettitt_agg(year, pct) AS p
          FROM (VALUES (2010, 71), (2011, 73), (2012, 70), (2013, 72), (2014, 74), (2015, 71), (2016, 73),
                       (2017, 80), (2018, 82), (2019, 79), (2020, 81), (2021, 83), (2022, 80), (2023, 82))
               AS r(year, pct)) s;
--  n  |  u  | k  |   p    | break_index | t_last_before | t_first_after
--  14 | -49 | 49 | 0.0149 |           7 |          2016 |          2017

-- reception-year obesity (%) by year: when did the rise stop?
SELECT round((b).psi::numeric, 2) AS psi, round((b).psi_lower::numeric, 2) AS psi_lower,
       round((b).psi_upper::numeric, 2) AS psi_upper, round((b).slope_before::numeric, 3) AS slope_before,
       round((b).slope_after::numeric, 3) AS slope_after, (b).davies_p < 0.001 AS break_significant
  FROM (SELECT oba.segmented_agg(year, pct) AS b
          FROM (VALUES (2008, 8.1), (2009, 8.6), (2010, 9.0), (2011, 9.5), (2012, 9.9), (2013, 10.4),
                       (2014, 10.8), (2015, 11.1), (2016, 11.2), (2017, 11.1), (2018, 11.3), (2019, 11.2),
                       (2020, 11.4), (2021, 11.3), (2022, 11.5), (2023, 11.4)) AS r(year, pct)) s;
--    psi   | psi_lower | psi_upper | slope_before | slope_after | break_significant
--  2014.59 |   2014.25 |   2014.93 |        0.450 |       0.043 | t
-- <<< README

-- README >>>
SELECT oba.xml_escape('Bevois & St Mary''s <ward> "east"');
--                        xml_escape
-- Bevois &amp; St Mary&#39;s &lt;ward&gt; &quot;east&quot;
-- <<< README
