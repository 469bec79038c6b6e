-- docs/reference/curve.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- the admissions of the worked example (as sql/curve.sql)
CREATE TEMP TABLE admissions (area text, year_start date, rate float8);
INSERT INTO admissions VALUES
  ('Northam', '2012-04-01', 58), ('Northam', '2013-04-01', 60), ('Northam', '2014-04-01', 61),
  ('Northam', '2015-04-01', 63), ('Northam', '2016-04-01', 64), ('Northam', '2017-04-01', 66),
  ('Northam', '2018-04-01', 67), ('Northam', '2019-04-01', 69), ('Northam', '2020-04-01', 67),
  ('Northam', '2021-04-01', 65), ('Northam', '2022-04-01', 63), ('Northam', '2023-04-01', 61);

-- example >>>
SELECT (c).status, (c).n_pre, (c).n_post, (c).baseline_direction,
       round((c).baseline_slope::numeric, 3) AS baseline_slope_per_year,
       round((c).effect_at_last::numeric, 2) AS gap_at_latest,
       round((c).effect_se::numeric, 3) AS gap_se, (c).effect_p < 0.05 AS significant,
       (c).test_method, (c).curve_shape, (c).periods_better, (c).periods_worse,
       (c).current_trend_direction, (c).current_trend_periods, (c).current_trend_good
  FROM (SELECT oba.turn_the_curve_agg(year_start, rate, date '2020-04-01', 'lower_is_better') AS c
          FROM admissions WHERE area = 'Northam') s;
-- <<< example

-- example >>>
SELECT t, value, round(fitted_or_forecast::numeric, 2) AS fitted_or_forecast,
       round(pi_lower::numeric, 2) AS pi_lower, round(pi_upper::numeric, 2) AS pi_upper,
       point_class
  FROM oba.curve_points((SELECT array_agg(year_start ORDER BY year_start) FROM admissions),
                        (SELECT array_agg(rate ORDER BY year_start) FROM admissions),
                        date '2020-04-01', 'lower_is_better', horizon => 2);
-- <<< example
