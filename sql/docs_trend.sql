-- docs/reference/trend.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
SELECT oba.date_to_years('2019-04-01'), oba.years_to_date(2024.5);
--  2019.25 | 2024-07-01
-- <<< example

-- the tables of the examples (as sql/trend.sql)
CREATE TEMP TABLE gld (ward text, year int, pct float8, achieved int, cohort int);
INSERT INTO gld VALUES
  ('Bevois', 2016, 61.2, 153, 250), ('Bevois', 2017, 62.0, 161, 260), ('Bevois', 2018, 63.1, 164, 260),
  ('Bevois', 2019, 62.7, 166, 265), ('Bevois', 2020, 64.4, 171, 266), ('Bevois', 2021, 65.0, 175, 269),
  ('Bevois', 2022, 66.3, 181, 273), ('Bevois', 2023, NULL, NULL, NULL), ('Bevois', 2024, 67.1, 185, 276),
  ('Coxford', 2016, 70.5, 205, 291), ('Coxford', 2017, 69.8, 201, 288), ('Coxford', 2018, 70.9, 207, 292),
  ('Coxford', 2019, 70.1, 204, 291), ('Coxford', 2020, 69.7, 203, 291), ('Coxford', 2021, 70.6, 205, 290),
  ('Coxford', 2022, 70.2, 204, 291), ('Coxford', 2023, 70.4, 206, 293), ('Coxford', 2024, 69.9, 203, 290);
CREATE TEMP TABLE other (year int, value float8, lo float8, hi float8);
INSERT INTO other VALUES (2014, 24.67, 23.16, 26.25), (2015, 24.6, 23.15, 26.19),
  (2016, 28, 26.44, 29.64), (2017, 30.2, 28.63, 31.9), (2018, 30.6, 28.98, 32.25);
CREATE TEMP TABLE its (t int, y float8);
INSERT INTO its SELECT t, CASE WHEN t < 11 THEN 30 + 0.8 * t ELSE 44 - 0.4 * (t - 11) END
                          + ((t * 37) % 7 - 3) * 0.1
  FROM generate_series(1, 18) t;

-- example >>>
-- the percentage of children at a good level of development, by ward and year
SELECT ward, (m).n, (m).s, round((m).p::numeric, 4) AS p, round((m).tau::numeric, 3) AS tau,
       round((m).sen_slope::numeric, 3) AS sen_slope, round((m).sen_lower::numeric, 3) AS sen_lower,
       round((m).sen_upper::numeric, 3) AS sen_upper
  FROM (SELECT ward, oba.mann_kendall_agg(year, pct) AS m FROM gld GROUP BY ward) s ORDER BY ward;
--   ward   | n | s  |   p    |  tau   | sen_slope | sen_lower | sen_upper
--  Bevois  | 8 | 26 | 0.0020 |  0.929 |     0.780 |     0.633 |     0.950
--  Coxford | 9 | -4 | 0.7545 | -0.111 |    -0.037 |    -0.175 |     0.150

SELECT ward, round((l).slope::numeric, 4) AS slope, round((l).se_slope::numeric, 4) AS se_slope,
       round((l).p_slope::numeric, 6) AS p_slope, round((l).r_squared::numeric, 4) AS r_squared, (l).df
  FROM (SELECT ward, oba.linear_trend_agg(year, pct) AS l FROM gld GROUP BY ward) s ORDER BY ward;
--  Bevois  |  0.7664 |   0.0606 | 0.000015 |    0.9639 |  6
--  Coxford | -0.0250 |   0.0544 | 0.659710 |    0.0293 |  7

-- where the line says 2026 will be, with 95% intervals
SELECT round(fit::numeric, 2) AS fit, round(ci_lower::numeric, 2) AS ci_lower,
       round(ci_upper::numeric, 2) AS ci_upper, round(pi_lower::numeric, 2) AS pi_lower,
       round(pi_upper::numeric, 2) AS pi_upper
  FROM (SELECT oba.linear_trend_agg(year, pct) AS l FROM gld WHERE ward = 'Bevois') s,
       LATERAL oba.linear_predict(l, 2026);
--  fit  | ci_lower | ci_upper | pi_lower | pi_upper
-- 68.86 |    67.85 |    69.88 |    67.40 |    70.32

-- chi-squared test for trend in the proportions, and the Fingertips marker
SELECT ward, (c).k, round((c).x2::numeric, 4) AS x2, round((c).p_value::numeric, 4) AS p_value
  FROM (SELECT ward, oba.trend_chisq_agg(year, achieved, cohort) AS c FROM gld GROUP BY ward) s
 ORDER BY ward;
--  Bevois  | 8 | 3.3858 |  0.0658
--  Coxford | 9 | 0.0036 |  0.9522

-- (Bevois: 2023 is missing, so its last five points are not unbroken)
SELECT ward, (r).trend, (r).marker
  FROM (SELECT ward, oba.recent_trend_agg(year, achieved, cohort, 'higher_is_better') AS r
          FROM gld GROUP BY ward) s ORDER BY ward;
--  Bevois  | cannot be calculated  | cannot be calculated
--  Coxford | no significant change | no significant change

-- values with 95% limits: the CI-weighted method
SELECT (r).trend, (r).marker
  FROM (SELECT oba.recent_trend_ci_agg(year, value, lo, hi, 'lower_is_better') AS r FROM other) s;
--  increasing | increasing and getting worse

-- an interrupted time series: the break is the first period after the change
SELECT round((r).level_change::numeric, 3) AS level_change,
       round((r).slope_change::numeric, 3) AS slope_change, (r).slope_change_p < 0.001 AS significant
  FROM (SELECT oba.its_agg(t, y, 11) AS r FROM its) s;
--  5.037 | -1.192 | t
-- <<< example

-- example >>>
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
-- <<< example

-- example >>>
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
-- <<< example

-- example >>>
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
-- <<< example
