-- oba.turn_the_curve_agg and oba.curve_points: turning the curve,
-- definition v1. Reference numbers are checked in sql/curve_reference.sql;
-- here, a worked example, behaviour and bad input.
\pset null '(null)'
SET datestyle = 'ISO, MDY';
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- A worked example: emergency admissions of children per 10,000
-- (lower is better), by financial year; a prevention programme started in
-- April 2020. Time is a date, measured in years, so slopes are per year.
CREATE TEMP TABLE admissions (area text, year_start date, rate float8);
INSERT INTO admissions VALUES
  ('Northam', '2012-04-01', 58), ('Northam', '2013-04-01', 60), ('Northam', '2014-04-01', 61),
  ('Northam', '2015-04-01', 63), ('Northam', '2016-04-01', 64), ('Northam', '2017-04-01', 66),
  ('Northam', '2018-04-01', 67), ('Northam', '2019-04-01', 69), ('Northam', '2020-04-01', 67),
  ('Northam', '2021-04-01', 65), ('Northam', '2022-04-01', 63), ('Northam', '2023-04-01', 61);

SELECT (c).status, (c).n_pre, (c).n_post, (c).baseline_direction,
       round((c).baseline_slope::numeric, 3) AS baseline_slope_per_year,
       round((c).effect_at_last::numeric, 2) AS gap_at_latest,
       round((c).effect_se::numeric, 3) AS gap_se, (c).effect_p < 0.05 AS significant,
       (c).test_method, (c).curve_shape, (c).periods_better, (c).periods_worse,
       (c).current_trend_direction, (c).current_trend_periods, (c).current_trend_good
  FROM (SELECT oba.turn_the_curve_agg(year_start, rate, date '2020-04-01', 'lower_is_better') AS c
          FROM admissions WHERE area = 'Northam') s;

-- the chart: history with the fitted baseline, the forecast with its 95%
-- prediction interval, and two years ahead
SELECT t, value, round(fitted_or_forecast::numeric, 2) AS fitted_or_forecast,
       round(pi_lower::numeric, 2) AS pi_lower, round(pi_upper::numeric, 2) AS pi_upper,
       point_class
  FROM oba.curve_points((SELECT array_agg(year_start ORDER BY year_start) FROM admissions),
                        (SELECT array_agg(rate ORDER BY year_start) FROM admissions),
                        date '2020-04-01', 'lower_is_better', horizon => 2);

-- the same with years as float8: the same answer (dates are exact years apart)
SELECT a = b AS date_equals_years
  FROM (SELECT oba.turn_the_curve_agg(year_start, rate, date '2020-04-01', 'lower_is_better') AS a,
               oba.turn_the_curve_agg(oba.date_to_years(year_start), rate, 2020.25, 'lower_is_better') AS b
          FROM admissions) s;

-- rows arrive in any order: the aggregate sorts them
SELECT (oba.turn_the_curve_agg(year_start, rate, date '2020-04-01', 'lower_is_better')).status
  FROM (SELECT * FROM admissions ORDER BY rate DESC) s;

-- statuses
CREATE TEMP TABLE q (series text, t int, v float8);
INSERT INTO q SELECT 'flat_then_up', t, CASE WHEN t < 9 THEN 20 + (t % 2) * 0.1 ELSE 23 + t * 0.1 END
  FROM generate_series(1, 12) t;
INSERT INTO q SELECT 'steady', t, 50 - 0.5 * t + ((t * 7) % 5) * 0.1 FROM generate_series(1, 12) t;
INSERT INTO q SELECT 'two_points', t, 10 + t FROM generate_series(1, 2) t;
INSERT INTO q VALUES ('with_gaps', 1, 10), ('with_gaps', 2, NULL), ('with_gaps', 3, 12),
  ('with_gaps', 4, 12.5), ('with_gaps', 5, NULL), ('with_gaps', 6, 14), ('with_gaps', 7, 17);
SELECT series, (c).status, (c).n_pre, (c).n_post, (c).baseline_direction, (c).curve_shape,
       (c).test_method
  FROM (SELECT series, oba.turn_the_curve_agg(t, v, 9, 'neutral') AS c FROM q GROUP BY 1) s
 ORDER BY 1;
SELECT series, (c).status, (c).n_pre, (c).n_post
  FROM (SELECT series, oba.turn_the_curve_agg(t, v, 5) AS c FROM q GROUP BY 1) s ORDER BY 1;
-- a start after every period: no_post_data, with the baseline
SELECT (c).status, (c).n_pre, (c).n_post, round((c).baseline_slope::numeric, 4) AS slope,
       (c).effect_p, (c).current_trend_direction
  FROM (SELECT oba.turn_the_curve_agg(t, v, 100) AS c FROM q WHERE series = 'steady') s;
-- alpha changes the test and the interval, not the estimate
SELECT round((a).effect_at_last::numeric, 6) = round((b).effect_at_last::numeric, 6) AS same_gap,
       (a).t_quantile < (b).t_quantile AS wider_at_99
  FROM (SELECT oba.turn_the_curve_agg(t, v, 9, 'higher_is_better', 0.05) AS a,
               oba.turn_the_curve_agg(t, v, 9, 'higher_is_better', 0.01) AS b
          FROM q WHERE series = 'steady') s;
-- missing values are dropped, their periods not imputed
SELECT t, value, point_class FROM oba.curve_points(
  ARRAY[1, 2, 3, 4, 5, 6, 7], ARRAY[10, NULL, 12, 12.5, NULL, 14, 17], 5);
-- insufficient baseline: the points, no forecast, no future rows
SELECT t, value, fitted_or_forecast, point_class
  FROM oba.curve_points(ARRAY[1, 2, 3, 4], ARRAY[1, 2, 3, 4], 3, horizon => 2);
-- an element with a NULL time is skipped; a NULL array gives no rows
SELECT count(*) FROM oba.curve_points(ARRAY[1, NULL, 3, 4, 5], ARRAY[1, 2, 3, 4, 5], 4);
SELECT count(*) FROM oba.curve_points(NULL, ARRAY[1, 2, 3], 2);
-- empty input and FILTER (WHERE false): NULL
SELECT oba.turn_the_curve_agg(t, v, 9) IS NULL AS empty FROM q WHERE false;
SELECT oba.turn_the_curve_agg(t, v, 9) FILTER (WHERE false) IS NULL AS filtered FROM q;
-- rows whose value is NULL count as rows: a documented status, not NULL
SELECT (oba.turn_the_curve_agg(t, NULL::float8, 9)).status FROM q WHERE series = 'steady';

-- bad input: SQLSTATE and a message naming the argument
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(t, v, 9) FROM (VALUES (1, 1.0), (1, 2.0), (2, 3.0)) x(t, v)$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(t, v, 9, 'up') FROM q$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(t, v, 9, 'higher_is_better', 0) FROM q$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(t, v, 9, 'higher_is_better', 1) FROM q$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(t, v, 9, 'higher_is_better', 'NaN') FROM q$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(t, 'NaN'::float8, 9) FROM q$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg('Infinity'::float8, v, 9) FROM q$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(t, v, 'Infinity') FROM q$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(t, v, NULL) FROM q$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(t, v, NULL::float8, NULL::text) FROM q$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(t, v, t) FROM q$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(t, v, 9, CASE WHEN t < 5 THEN 'neutral' ELSE 'higher_is_better' END) FROM q$$);
SELECT pg_temp.err($$SELECT oba.turn_the_curve_agg(d, 1, date 'infinity') FROM (VALUES (date '2020-01-01')) x(d)$$);
SELECT pg_temp.err($$SELECT * FROM oba.curve_points(ARRAY[1, 2, 3], ARRAY[1, 2], 2)$$);
SELECT pg_temp.err($$SELECT * FROM oba.curve_points(ARRAY[1, 2, 2, 4], ARRAY[1, 2, 3, 4], 2)$$);
SELECT pg_temp.err($$SELECT * FROM oba.curve_points(ARRAY[[1, 2], [3, 4]], ARRAY[1, 2, 3, 4], 2)$$);
SELECT pg_temp.err($$SELECT * FROM oba.curve_points(ARRAY[1, 2, 3, 4], ARRAY[1, 2, 3, 4], 2, 'sideways')$$);
SELECT pg_temp.err($$SELECT * FROM oba.curve_points(ARRAY[1, 2, 3, 4], ARRAY[1, 2, 3, 4], 2, horizon => -1)$$);
SELECT pg_temp.err($$SELECT * FROM oba.curve_points(ARRAY[1, 2, 3, 4], ARRAY[1, 2, 3, 4], 2, alpha => 1.5)$$);
SELECT pg_temp.err($$SELECT * FROM oba.curve_points(ARRAY[1, 2, 3, 4], ARRAY[1, 2, 'Infinity'::float8, 4], 2)$$);
SELECT pg_temp.err($$SELECT * FROM oba.curve_points(ARRAY[1, 2, 3, 4], ARRAY[1, 2, 3, 4], 2, NULL)$$);
SELECT pg_temp.err($$SELECT * FROM oba.curve_points(ARRAY[1, 2, 3, 4], ARRAY[1, 2, 3, 4], NULL)$$);
