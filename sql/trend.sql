-- The trend aggregates: Mann-Kendall with Sen's slope, least squares with
-- predictions, interrupted time series, the chi-squared test for trend and
-- the Fingertips recent trend. Reference numbers are checked in
-- sql/trend_reference.sql; here, worked examples, behaviour and bad input.
\pset null '(null)'
SET datestyle = 'ISO, MDY';
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- worked examples: the percentage of children at a good level of
-- development, by year (2023 missing), for two wards
CREATE TEMP TABLE gld (ward text, year int, pct float8, achieved int, cohort int);
INSERT INTO gld VALUES
  ('Bevois', 2016, 61.2, 153, 250), ('Bevois', 2017, 62.0, 161, 260), ('Bevois', 2018, 63.1, 164, 260),
  ('Bevois', 2019, 62.7, 166, 265), ('Bevois', 2020, 64.4, 171, 266), ('Bevois', 2021, 65.0, 175, 269),
  ('Bevois', 2022, 66.3, 181, 273), ('Bevois', 2023, NULL, NULL, NULL), ('Bevois', 2024, 67.1, 185, 276),
  ('Coxford', 2016, 70.5, 205, 291), ('Coxford', 2017, 69.8, 201, 288), ('Coxford', 2018, 70.9, 207, 292),
  ('Coxford', 2019, 70.1, 204, 291), ('Coxford', 2020, 69.7, 203, 291), ('Coxford', 2021, 70.6, 205, 290),
  ('Coxford', 2022, 70.2, 204, 291), ('Coxford', 2023, 70.4, 206, 293), ('Coxford', 2024, 69.9, 203, 290);

SELECT ward, (m).n, (m).s, round((m).p::numeric, 4) AS p, round((m).tau::numeric, 3) AS tau,
       round((m).sen_slope::numeric, 3) AS sen_slope, round((m).sen_lower::numeric, 3) AS sen_lower,
       round((m).sen_upper::numeric, 3) AS sen_upper
  FROM (SELECT ward, oba.mann_kendall_agg(year, pct) AS m FROM gld GROUP BY ward) s ORDER BY ward;

SELECT ward, round((l).slope::numeric, 4) AS slope, round((l).se_slope::numeric, 4) AS se_slope,
       round((l).p_slope::numeric, 6) AS p_slope, round((l).r_squared::numeric, 4) AS r_squared, (l).df
  FROM (SELECT ward, oba.linear_trend_agg(year, pct) AS l FROM gld GROUP BY ward) s ORDER BY ward;

-- where the line says 2026 will be, with 95% intervals
SELECT round(fit::numeric, 2) AS fit, round(ci_lower::numeric, 2) AS ci_lower,
       round(ci_upper::numeric, 2) AS ci_upper, round(pi_lower::numeric, 2) AS pi_lower,
       round(pi_upper::numeric, 2) AS pi_upper
  FROM (SELECT oba.linear_trend_agg(year, pct) AS l FROM gld WHERE ward = 'Bevois') s,
       LATERAL oba.linear_predict(l, 2026);

-- chi-squared test for trend in the proportions, and the Fingertips marker
SELECT ward, (c).k, round((c).x2::numeric, 4) AS x2, round((c).p_value::numeric, 4) AS p_value
  FROM (SELECT ward, oba.trend_chisq_agg(year, achieved, cohort) AS c FROM gld GROUP BY ward) s
 ORDER BY ward;
SELECT ward, (r).points, round((r).chi2::numeric, 3) AS chi2, (r).loo_slope_signs, (r).significant,
       (r).outlier_found, (r).trend, (r).marker
  FROM (SELECT ward, oba.recent_trend_agg(year, achieved, cohort, 'higher_is_better') AS r
          FROM gld GROUP BY ward) s ORDER BY ward;
SELECT ward, (r).trend, (r).marker
  FROM (SELECT ward, oba.recent_trend_agg(year, achieved, cohort, 'higher_is_better') AS r
          FROM gld GROUP BY ward) s ORDER BY ward;
-- Bevois: 2023 is missing, so the last five points are not unbroken
SELECT (oba.recent_trend_agg(year, achieved, cohort, 'higher_is_better', 5)).trend AS five,
       (oba.recent_trend_agg(year, achieved, cohort, 'higher_is_better', 3)).marker AS three
  FROM gld WHERE ward = 'Bevois';
-- the CI-weighted method (values with 95% limits), both constants
CREATE TEMP TABLE other (year int, value float8, lo float8, hi float8);
INSERT INTO other VALUES (2014, 24.67, 23.16, 26.25), (2015, 24.6, 23.15, 26.19),
  (2016, 28, 26.44, 29.64), (2017, 30.2, 28.63, 31.9), (2018, 30.6, 28.98, 32.25);
SELECT round((f).chi2::numeric, 2) AS fingertips_chi2, round((d).chi2::numeric, 4) AS dhsc_chi2,
       (f).marker AS lower_is_better_marker
  FROM (SELECT oba.recent_trend_ci_agg(year, value, lo, hi, 'lower_is_better') AS f,
               oba.recent_trend_ci_agg(year, value, lo, hi, 'lower_is_better', 5, 'dhsc') AS d
          FROM other) s;

SELECT (r).trend, (r).marker
  FROM (SELECT oba.recent_trend_ci_agg(year, value, lo, hi, 'lower_is_better') AS r FROM other) s;

-- interrupted time series with a known break
CREATE TEMP TABLE its (t int, y float8);
INSERT INTO its SELECT t, CASE WHEN t < 11 THEN 30 + 0.8 * t ELSE 44 - 0.4 * (t - 11) END
                          + ((t * 37) % 7 - 3) * 0.1
  FROM generate_series(1, 18) t;
SELECT (r).n, (r).n_pre, (r).n_post, (r).df, round((r).level_change::numeric, 3) AS level_change,
       round((r).slope_change::numeric, 3) AS slope_change, round((r).post_slope::numeric, 3) AS post_slope,
       (r).slope_change_p < 0.001 AS slope_change_significant,
       round((r).effect_at_last::numeric, 3) AS effect_at_last
  FROM (SELECT oba.its_agg(t, y, 11) AS r FROM its) s;
SELECT round((r).level_change::numeric, 3) AS level_change,
       round((r).slope_change::numeric, 3) AS slope_change, (r).slope_change_p < 0.001 AS significant
  FROM (SELECT oba.its_agg(t, y, 11) AS r FROM its) s;
-- fewer than 2 points after the break: the counts, NULL estimates
SELECT (r).n_pre, (r).n_post, (r).level_change, (r).sigma FROM (SELECT oba.its_agg(t, y, 18) AS r FROM its) s;

-- dates: time in years, so the slope is per year
CREATE TEMP TABLE quarterly (q date, v float8);
INSERT INTO quarterly SELECT date '2020-04-01' + make_interval(months => 3 * i), 10 + 2 * i
  FROM generate_series(0, 7) i;
SELECT (l).slope AS slope_per_year, (m).sen_slope AS sen_per_year, (l).t_mean
  FROM (SELECT oba.linear_trend_agg(q, v) AS l, oba.mann_kendall_agg(q, v) AS m FROM quarterly) s;
SELECT round(fit::numeric, 6) AS fit_2022_q2 FROM (SELECT oba.linear_trend_agg(q, v) AS l FROM quarterly) s,
       LATERAL oba.linear_predict(l, date '2022-04-01');
SELECT (oba.its_agg(q, v, date '2021-04-01')).n_pre FROM quarterly;

-- edge cases: a constant series, two points, one point, no rows
SELECT (m).n, (m).s, (m).var_s, (m).z, (m).p, (m).tau, (m).sen_slope, (m).p_exact
  FROM (SELECT oba.mann_kendall_agg(t, 5) AS m FROM generate_series(1, 6) t) s;
SELECT (l).slope, (l).sigma, (l).t_slope, (l).p_slope, (l).r_squared
  FROM (SELECT oba.linear_trend_agg(t, 5) AS l FROM generate_series(1, 6) t) s;
SELECT (l).slope, (l).se_slope, (l).t_slope, (l).p_slope, (l).r_squared
  FROM (SELECT oba.linear_trend_agg(t, 2 * t + 1) AS l FROM generate_series(1, 6) t) s;
SELECT (m).n, (m).s, (m).sen_slope, (l).n, (l).df, (l).slope, (l).sigma
  FROM (SELECT oba.mann_kendall_agg(t, t * 1.5) AS m, oba.linear_trend_agg(t, t * 1.5) AS l
          FROM generate_series(1, 2) t) s;
SELECT (l).n, (l).df, (l).slope FROM (SELECT oba.linear_trend_agg(1, 1) AS l) s;
SELECT oba.mann_kendall_agg(t, t) IS NULL AS empty, oba.its_agg(t, t, 1) IS NULL AS its_empty,
       oba.trend_chisq_agg(t, 1, 2) IS NULL AS chisq_empty,
       oba.recent_trend_agg(t, 1, 2, 'neutral') IS NULL AS recent_empty
  FROM generate_series(1, 0) t;
SELECT (oba.linear_predict(l, 3)).* FROM (SELECT oba.linear_trend_agg(t, t) AS l FROM generate_series(1, 2) t) s;
-- all proportions zero: the statistic is undefined, the marker cannot be calculated
SELECT (c).k, (c).x2, (r).trend, (r).chi2
  FROM (SELECT oba.trend_chisq_agg(t, 0, 50) AS c, oba.recent_trend_agg(t, 0, 50, 'neutral') AS r
          FROM generate_series(1, 5) t) s;
-- scores: positions by default, or the times (gaps then count)
SELECT round((oba.trend_chisq_agg(year, achieved, cohort)).x2::numeric, 6) =
       round((oba.trend_chisq_agg(year, achieved, cohort, 'position')).x2::numeric, 6) AS default_is_position,
       round((oba.trend_chisq_agg(year, achieved, cohort, 'time')).x2::numeric, 4) AS by_time
  FROM gld WHERE ward = 'Bevois';

-- bad input: SQLSTATE and a message naming the argument
SELECT pg_temp.err($$SELECT oba.mann_kendall_agg(t, v) FROM (VALUES (1, 1.0), (2, 2.0), (2, 3.0)) x(t, v)$$);
SELECT pg_temp.err($$SELECT oba.linear_trend_agg(t, 'NaN') FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_agg('-Infinity'::float8, 1)$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_agg(date 'infinity', 1)$$);
SELECT pg_temp.err($$SELECT (oba.linear_predict(oba.linear_trend_agg(t, t * t), 4, 1)).fit FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.its_agg(t, t, NULL::float8) FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.its_agg(t, t, t) FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_agg(t, 12, 10) FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_agg(t, -1, 10) FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_agg(t, 1, 0) FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.trend_chisq_agg(t, 1, 10, 'years') FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.recent_trend_agg(t, 1, 10, 'up') FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.recent_trend_agg(t, 1, 10, NULL) FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.recent_trend_agg(t, 1, 10, 'neutral', 2) FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.recent_trend_agg(t, 1, 10, 'neutral', 5, 'ons') FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.recent_trend_agg(t, 1, 10, CASE WHEN t = 1 THEN 'neutral' ELSE 'lower_is_better' END) FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.recent_trend_ci_agg(t, 5, 6, 4, 'neutral') FROM generate_series(1, 3) t$$);
SELECT pg_temp.err($$SELECT oba.recent_trend_agg(t, 1, 10, 'neutral') FROM (VALUES (1), (1)) x(t)$$);

-- Mann-Kendall for autocorrelated and seasonal series, and change points
-- (the docs' examples are sql/docs_trend.sql's; the reference numbers
-- sql/trend_reference.sql's). One query accumulates once for the tests
-- without parameters: they share mann_kendall_agg's state.
CREATE TEMP TABLE wq (q date, pct float8);
INSERT INTO wq SELECT date '2018-04-01' + make_interval(months => 3 * i::int), v
  FROM unnest(ARRAY[12.5, 12.6, 13.2, 12.9, 12.2, 12.4, 12.1, 12.5, 12.3, 12.2, 12.4, 12.5,
                    12.2, 11.9, 12.2, 12.3, 12.5, 13.3, 13.0, 13.0, 13.4, 13.4, 13.6, 13.5]) WITH ORDINALITY u(v, i0),
       LATERAL (SELECT i0 - 1 AS i) x;
SELECT (m).n, (m).s, (h).n, (h).s, (h).var_s = (m).var_s AS same_var_s, (h).lags, (h).lags_significant,
       round((h).correction::numeric, 6) AS correction, round((h).var_s_corrected::numeric, 4) AS var_s_corrected,
       (h).sen_slope = (m).sen_slope AS same_sen_slope, (w).n_prewhitened, round((w).lag1::numeric, 6) AS lag1,
       (w).s AS s_prewhitened, (p).break_index, oba.years_to_date((p).t_first_after) AS shift_from,
       oba.years_to_date((b).psi) AS turn
  FROM (SELECT oba.mann_kendall_agg(q, pct) AS m, oba.mann_kendall_hamed_rao_agg(q, pct) AS h,
               oba.mann_kendall_prewhitened_agg(q, pct) AS w, oba.pettitt_agg(q, pct) AS p,
               oba.segmented_agg(q, pct) AS b FROM wq) s;
-- the date overloads equal the float8 ones on oba.date_to_years
SELECT (SELECT oba.mann_kendall_hamed_rao_agg(q, pct)::text FROM wq) =
       (SELECT oba.mann_kendall_hamed_rao_agg(oba.date_to_years(q), pct)::text FROM wq) AS hamed_rao,
       (SELECT oba.segmented_agg(q, pct, 4)::text FROM wq) =
       (SELECT oba.segmented_agg(oba.date_to_years(q), pct, 4)::text FROM wq) AS segmented;
-- alpha and lags: the first three lags only (modifiedmk's mmkh3lag); NULL max_lag is every lag
SELECT (oba.mann_kendall_hamed_rao_agg(q, pct, 0.05, 3)).lags AS three,
       (oba.mann_kendall_hamed_rao_agg(q, pct, 0.05, NULL)).lags AS every,
       (oba.mann_kendall_hamed_rao_agg(q, pct, 0.05)).correction = (oba.mann_kendall_hamed_rao_agg(q, pct)).correction
         AS alpha_default_is_005,
       (oba.mann_kendall_hamed_rao_agg(q, pct, 0.5)).lags_significant AS at_alpha_05
  FROM wq;

-- seasons: a date's month; a quarterly series dated on the same months has 4,
-- and extract(quarter) gives the same; a missing value is dropped
CREATE TEMP TABLE ae (q date, n float8);
INSERT INTO ae SELECT date '2019-04-01' + make_interval(months => 3 * (i::int - 1)), v
  FROM unnest(ARRAY[5120, 4980, 5460, 5710, 5190, 5050, 5530, 5800, 5240, 5110, 5600, 5850,
                    5300, 5090, 5680, 5930, 5370, 5200, 5720, 6010]) WITH ORDINALITY u(v, i);
SELECT (k).n, (k).seasons, (k).s, (k).var_s, round((k).z::numeric, 6) AS z, (k).tau, (k).sen_slope, (k).sen_pairs,
       (oba.seasonal_mann_kendall_agg(q, n, extract(quarter from q)::int))::text = k::text AS quarters_same,
       (oba.seasonal_mann_kendall_agg(oba.date_to_years(q), n, extract(month from q)::int))::text = k::text AS float8_same
  FROM (SELECT oba.seasonal_mann_kendall_agg(q, n) AS k FROM ae) s, ae GROUP BY k;
SELECT (oba.seasonal_mann_kendall_agg(q, CASE WHEN q = '2021-07-01' THEN NULL ELSE n END)).n AS without_one FROM ae;
-- one value per season: no pairs, NULL statistics
SELECT (k).n, (k).seasons, (k).s, (k).p, (k).sen_slope
  FROM (SELECT oba.seasonal_mann_kendall_agg(t, t * 2, t::int) AS k FROM generate_series(1, 5) t) s;

-- Pettitt's break feeds oba.its_agg's known break
SELECT (p).u, (p).k, round((p).p::numeric, 6) AS p, (p).t_last_before, (p).t_first_after,
       round((i).level_change::numeric, 3) AS its_level_change
  FROM (SELECT oba.pettitt_agg(year, pct) AS p FROM (VALUES (2010, 71), (2011, 73), (2012, 70), (2013, 72),
          (2014, 74), (2015, 71), (2016, 73), (2017, 80), (2018, 82), (2019, 79), (2020, 81), (2021, 83),
          (2022, 80), (2023, 82)) r(year, pct)) a,
       LATERAL (SELECT oba.its_agg(year, pct, (a.p).t_first_after) AS i FROM (VALUES (2010, 71), (2011, 73),
          (2012, 70), (2013, 72), (2014, 74), (2015, 71), (2016, 73), (2017, 80), (2018, 82), (2019, 79),
          (2020, 81), (2021, 83), (2022, 80), (2023, 82)) r(year, pct)) b;

-- the broken line: min_segment bounds psi; on a line there is nothing to estimate
SELECT (b).n_before, (b).n_after, round((b).psi::numeric, 4) AS psi, round((b).psi_se::numeric, 4) AS psi_se,
       round((b).slope_change::numeric, 4) AS slope_change, round((b).davies_p::numeric, 6) AS davies_p
  FROM (SELECT oba.segmented_agg(t, CASE WHEN t <= 10 THEN t ELSE 10 + 0.2 * (t - 10) END + 0.1 * ((t * 7) % 3))
               AS b FROM generate_series(1, 20) t
        UNION ALL
        SELECT oba.segmented_agg(t, CASE WHEN t <= 10 THEN t ELSE 10 + 0.2 * (t - 10) END + 0.1 * ((t * 7) % 3), 12)
          FROM generate_series(1, 20) t) s;
SELECT (b).n, (b).df, (b).psi, (b).davies_p FROM (SELECT oba.segmented_agg(t, 3 * t + 1) AS b FROM generate_series(1, 10) t) s;
SELECT (b).n, (b).psi, (b).davies_p IS NOT NULL AS davies FROM (SELECT oba.segmented_agg(t, t % 4, 4) AS b FROM generate_series(1, 7) t) s;

-- edge cases: too few values, all equal, a line, no rows
SELECT (h).n, (h).s, (h).z, (w).n, (w).s, (p).n, (p).k
  FROM (SELECT oba.mann_kendall_hamed_rao_agg(t, t) AS h, oba.mann_kendall_prewhitened_agg(t, t) AS w,
               oba.pettitt_agg(t, t) AS p FROM generate_series(1, 2) t) s;
SELECT (h).s, (h).correction, (h).z, (h).p, (w).lag1, (w).z, (w).p, (p).k, (p).p, (p).break_index
  FROM (SELECT oba.mann_kendall_hamed_rao_agg(t, 5) AS h, oba.mann_kendall_prewhitened_agg(t, 5) AS w,
               oba.pettitt_agg(t, 5) AS p FROM generate_series(1, 8) t) s;
SELECT (h).s, (h).correction, (h).z, (h).p, (w).lag1, (w).s, (w).n_prewhitened
  FROM (SELECT oba.mann_kendall_hamed_rao_agg(t, 2 * t) AS h, oba.mann_kendall_prewhitened_agg(t, 2 * t) AS w
          FROM generate_series(1, 8) t) s;
SELECT oba.mann_kendall_hamed_rao_agg(t, t) IS NULL AS hr, oba.mann_kendall_prewhitened_agg(t, t) IS NULL AS pw,
       oba.seasonal_mann_kendall_agg(t, t, 1) IS NULL AS seasonal, oba.pettitt_agg(t, t) IS NULL AS pettitt,
       oba.segmented_agg(t, t) IS NULL AS segmented, oba.segmented_agg(t, t, 3) IS NULL AS segmented3
  FROM generate_series(1, 0) t;

-- bad input: SQLSTATE and a message naming the argument
SELECT pg_temp.err($$SELECT oba.mann_kendall_hamed_rao_agg(t, t, 0) FROM generate_series(1, 5) t$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_hamed_rao_agg(t, t, NULL) FROM generate_series(1, 5) t$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_hamed_rao_agg(t, t, 0.05, 0) FROM generate_series(1, 5) t$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_hamed_rao_agg(t, t, CASE WHEN t < 3 THEN 0.05 ELSE 0.1 END) FROM generate_series(1, 5) t$$);
SELECT pg_temp.err($$SELECT oba.seasonal_mann_kendall_agg(t, t, NULL) FROM generate_series(1, 5) t$$);
SELECT pg_temp.err($$SELECT oba.seasonal_mann_kendall_agg(date '2020-01-01', 1)$$);
SELECT pg_temp.err($$SELECT oba.seasonal_mann_kendall_agg(t, t, 1) FROM (VALUES (1), (2), (2)) x(t)$$);
SELECT pg_temp.err($$SELECT oba.segmented_agg(t, t, 1) FROM generate_series(1, 5) t$$);
SELECT pg_temp.err($$SELECT oba.segmented_agg(t, t, NULL) FROM generate_series(1, 5) t$$);
SELECT pg_temp.err($$SELECT oba.pettitt_agg(t, 1) FROM (VALUES (1), (1)) x(t)$$);
SELECT pg_temp.err($$SELECT oba.pettitt_agg_final('{1,9,3,1,0,0}'::oba.agg_state)$$);
SELECT pg_temp.err($$SELECT oba.segmented_agg_final('{1,8,2,2,0,0.05,0}'::oba.agg_state)$$);
SELECT pg_temp.err($$SELECT oba.mann_kendall_hamed_rao_agg_final('{1,8,2,2,1,2,0,1,5}'::oba.agg_state)$$);
