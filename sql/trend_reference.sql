-- Every row of test/reference/trend_reference.csv (R 4.2.2 lm, predict.lm,
-- cor.test, prop.trend.test; trend 1.1.6; zyp 0.11-1; segmented 1.6.2; the
-- Fingertips and DHSC recent-trend rules) against the trend aggregates, on
-- the inputs of trend_series.csv, fingertips_trend_reference.csv, and
-- trend_tests_reference.csv (base R from the papers: Hamed and Rao, Yue and
-- Wang, Hirsch, Slack and Smith, Pettitt, the broken line and Davies' test).
-- Tolerances of the reference README: 1e-9 relative with an absolute
-- floor of 1e-9 x max(1,
-- max|y|) (1e-15 for p-values); counts, S, varS, ranks, df and k exactly;
-- the t of an exact straight line as +-Inf or |t| > 1e12 of the right sign;
-- labels and flags exactly; NA or NaN as NULL.
CREATE TEMP TABLE series (series_id text, t text, value text, numerator text,
                          denominator text, lower_ci text, upper_ci text);
\copy series FROM 'test/reference/trend_series.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE ref (series_id text, method text, params text, output text, value text,
                       authority text, note text);
\copy ref FROM 'test/reference/trend_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE FUNCTION pg_temp.num(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN t IN ('NA', 'NaN', '') THEN NULL ELSE t::float8 END $$;
CREATE TEMP VIEW s AS
  SELECT series_id, pg_temp.num(t) AS t, pg_temp.num(value) AS value,
         pg_temp.num(numerator) AS x, pg_temp.num(denominator) AS n,
         pg_temp.num(lower_ci) AS lo, pg_temp.num(upper_ci) AS hi
    FROM series;

-- the comparison rule of the reference README, per output
CREATE FUNCTION pg_temp.agree(output text, got float8, got_text text, want text, scale float8)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN got_text IS NOT NULL OR output IN ('loo_slope_signs', 'marker', 'significant', 'outlier_found')
      THEN coalesce(got_text, 'NULL') = CASE WHEN want LIKE 'NaN%' THEN 'NULL' ELSE want END
    WHEN want IN ('NA', 'NaN') THEN got IS NULL
    WHEN output = 't_slope' AND (want IN ('Inf', '-Inf') OR abs(want::float8) > 1e12)
      THEN sign(got) = sign(want::float8) AND abs(got) > 1e12
    WHEN output IN ('n_used', 'S', 'varS', 'n_pairs', 'rank_lo', 'rank_up', 'df', 'k')
      THEN got = want::float8
    WHEN output LIKE 'p\_%' OR output LIKE '%\_p'
      THEN abs(got - want::float8) <= greatest(1e-9 * abs(want::float8), 1e-15)
    ELSE abs(got - want::float8) <= greatest(1e-9 * abs(want::float8), 1e-9 * scale)
  END $$;

CREATE TEMP TABLE scale AS
  SELECT series_id, greatest(1, max(abs(value))) AS scale FROM s GROUP BY 1;

-- every method's outputs, long: (series_id, method, params, output, got, got_text)
CREATE TEMP TABLE got (series_id text, method text, params text, output text,
                       got float8, got_text text);

INSERT INTO got
  SELECT a.series_id, m.method, NULL, m.output, m.got, NULL
    FROM (SELECT series_id, oba.mann_kendall_agg(t, value) AS r FROM s GROUP BY 1) a,
   LATERAL (VALUES
     ('mann_kendall', 'n_used', (r).n::float8), ('mann_kendall', 'S', (r).s),
     ('mann_kendall', 'varS', (r).var_s), ('mann_kendall', 'tau_b', (r).tau),
     ('mann_kendall', 'z_cc', (r).z), ('mann_kendall', 'p_cc', (r).p),
     ('mann_kendall', 'z_nocc', (r).z_uncorrected), ('mann_kendall', 'p_nocc', (r).p_uncorrected),
     ('mann_kendall', 'p_exact', (r).p_exact),
     ('sens_slope', 'slope', (r).sen_slope), ('sens_slope', 'intercept', (r).sen_intercept),
     ('sens_slope', 'n_pairs', (r).sen_pairs), ('sens_slope', 'C_alpha', (r).sen_c_alpha),
     ('sens_slope', 'rank_lo', (r).sen_rank_lower), ('sens_slope', 'rank_up', (r).sen_rank_upper),
     ('sens_slope', 'ci_lower', (r).sen_lower), ('sens_slope', 'ci_upper', (r).sen_upper)
   ) m(method, output, got);

INSERT INTO got
  SELECT a.series_id, 'ols_linear', NULL, m.output, m.got, NULL
    FROM (SELECT series_id, oba.linear_trend_agg(t, value) AS r FROM s GROUP BY 1) a,
   LATERAL (VALUES
     ('intercept', (r).intercept), ('slope', (r).slope), ('se_intercept', (r).se_intercept),
     ('se_slope', (r).se_slope), ('t_slope', (r).t_slope), ('p_slope', (r).p_slope),
     ('sigma', (r).sigma), ('df', (r).df), ('r_squared', (r).r_squared)
   ) m(output, got);

-- predictions at the times the reference names (pred_t<time>_<what>)
INSERT INTO got
  SELECT r.series_id, 'ols_linear', NULL, r.output,
         CASE split_part(substr(r.output, 7), '_', 2) || '_' || split_part(substr(r.output, 7), '_', 3)
           WHEN 'fit_' THEN (p).fit WHEN 'pi_lower' THEN (p).pi_lower WHEN 'pi_upper' THEN (p).pi_upper
           WHEN 'ci_lower' THEN (p).ci_lower WHEN 'ci_upper' THEN (p).ci_upper END, NULL
    FROM ref r
    JOIN (SELECT series_id, oba.linear_trend_agg(t, value) AS fit FROM s GROUP BY 1) f USING (series_id),
   LATERAL oba.linear_predict(f.fit, split_part(substr(r.output, 7), '_', 1)::float8) p
   WHERE r.method = 'ols_linear' AND r.output LIKE 'pred\_t%';

INSERT INTO got
  SELECT a.series_id, 'its_segmented', NULL, m.output, m.got, NULL
    FROM (SELECT series_id, oba.its_agg(t, value, 11) AS r FROM s WHERE series_id = 'T26' GROUP BY 1) a,
   LATERAL (VALUES
     ('intercept_est', (r).intercept), ('intercept_se', (r).intercept_se),
     ('intercept_t', (r).intercept_t), ('intercept_p', (r).intercept_p),
     ('pre_slope_est', (r).pre_slope), ('pre_slope_se', (r).pre_slope_se),
     ('pre_slope_t', (r).pre_slope_t), ('pre_slope_p', (r).pre_slope_p),
     ('level_change_est', (r).level_change), ('level_change_se', (r).level_change_se),
     ('level_change_t', (r).level_change_t), ('level_change_p', (r).level_change_p),
     ('slope_change_est', (r).slope_change), ('slope_change_se', (r).slope_change_se),
     ('slope_change_t', (r).slope_change_t), ('slope_change_p', (r).slope_change_p),
     ('post_slope_est', (r).post_slope), ('post_slope_se', (r).post_slope_se),
     ('effect_at_last_t_est', (r).effect_at_last), ('effect_at_last_t_se', (r).effect_at_last_se),
     ('effect_at_last_t_p', (r).effect_at_last_p), ('sigma', (r).sigma), ('df', (r).df)
   ) m(output, got);

-- prop.trend.test with scores 1..k, and with the years as scores
INSERT INTO got
  SELECT a.series_id, 'prop_trend_test', a.params, m.output, m.got, NULL
    FROM (SELECT series_id, 'prop.trend.test(x=numerator, n=denominator), score = 1..k' AS params,
                 oba.trend_chisq_agg(t, x, n) AS r
            FROM s WHERE series_id LIKE 'P%' GROUP BY 1
          UNION ALL
          SELECT series_id, 'prop.trend.test(x, n, score = t (years))',
                 oba.trend_chisq_agg(t, x, n, 'time')
            FROM s WHERE series_id LIKE 'P%' GROUP BY 1) a,
   LATERAL (VALUES ('k', (r).k::float8), ('X2', (r).x2), ('p_value', (r).p_value)) m(output, got);

-- the recent trend: proportions with the service's constants; the CI-weighted
-- method of the O series with the DHSC port's SE constant (variant dhsc)
INSERT INTO got
  SELECT a.series_id, a.method, NULL, m.output, m.got, m.got_text
    FROM (SELECT series_id, 'fingertips_recent_trend' AS method,
                 oba.recent_trend_agg(t, x, n, 'neutral') AS r
            FROM s WHERE series_id LIKE 'P%' GROUP BY 1
          UNION ALL
          SELECT series_id, 'fingertips_recent_trend_other',
                 oba.recent_trend_ci_agg(t, value, lo, hi, 'neutral', 5, 'dhsc')
            FROM s WHERE series_id LIKE 'O%' GROUP BY 1) a,
   LATERAL (VALUES
     ('chi2', (r).chi2, NULL), ('p_value', (r).p_value, NULL),
     (CASE WHEN method = 'fingertips_recent_trend' THEN 'logit_slope' ELSE 'slope' END, (r).slope, NULL),
     ('loo_slope_signs', NULL, coalesce((r).loo_slope_signs, 'NULL')),
     ('significant', NULL, upper((r).significant::text)),
     ('outlier_found', NULL, upper((r).outlier_found::text)),
     ('marker', NULL, (r).trend)
   ) m(output, got, got_text);

CREATE TEMP TABLE checked AS
  SELECT r.series_id, r.method, r.output, r.value AS want, g.got, g.got_text,
         g.output IS NOT NULL AS computed, pg_temp.agree(r.output, g.got, g.got_text, r.value, sc.scale) AS agree
    FROM ref r
    JOIN scale sc USING (series_id)
    LEFT JOIN got g ON g.series_id = r.series_id AND g.method = r.method AND g.output = r.output
                   AND (g.params IS NULL OR g.params = r.params)
   WHERE r.method <> 'segmented_unknown_break';

-- segmented 1.6.2's iterative estimate of T26's breakpoint (psi started at
-- 9): oba.segmented_agg's exact least-squares breakpoint, to segmented's 1e-6
INSERT INTO checked
  SELECT r.series_id, r.method, r.output, r.value, m.got, NULL, true,
         abs(m.got - r.value::float8) <= 1e-6 * abs(r.value::float8)
    FROM ref r
    JOIN (SELECT series_id, oba.segmented_agg(t, value) AS b FROM s GROUP BY 1) a USING (series_id),
   LATERAL (VALUES ('psi_est', (b).psi), ('psi_se', (b).psi_se), ('slope1', (b).slope_before),
                   ('slope2', (b).slope_after), ('davies_p', (b).davies_p)) m(output, got)
   WHERE r.method = 'segmented_unknown_break' AND m.output = r.output;

SELECT method, count(*) AS rows, count(*) FILTER (WHERE computed) AS computed,
       count(*) FILTER (WHERE agree AND computed) AS agree
  FROM checked GROUP BY method ORDER BY method;
SELECT count(*) AS reference_rows FROM ref;
-- any disagreement, listed
SELECT series_id, method, output, want, got, got_text FROM checked
 WHERE agree IS NOT TRUE OR NOT computed;

-- fingertips_trend_reference.csv: both methods with the service's constants;
-- *_significant is the final decision (chi2 above the threshold and robust)
CREATE TEMP TABLE ft (case_id text, point int, year int, count float8, denominator float8,
  value float8, lower95 float8, upper95 float8, ci_method_chi2 float8, ci_method_slope float8,
  ci_method_robust boolean, ci_method_significant boolean, ci_method_marker text,
  spc_chi2 float8, spc_logit_slope float8, spc_robust boolean, spc_significant boolean,
  spc_marker text, description text);
\copy ft FROM 'test/reference/fingertips_trend_reference.csv' WITH (FORMAT csv, HEADER true)
SELECT f.case_id,
       abs((ci).chi2 - f.ci_method_chi2) <= 1e-9 * f.ci_method_chi2
         AND abs((ci).slope - f.ci_method_slope) <= 1e-9 * abs(f.ci_method_slope) AS ci_numbers,
       NOT (ci).outlier_found = f.ci_method_robust
         AND ((ci).significant AND NOT (ci).outlier_found) = f.ci_method_significant
         AND initcap((ci).trend) = initcap(f.ci_method_marker) AS ci_labels,
       abs((p).chi2 - f.spc_chi2) <= 1e-9 * f.spc_chi2
         AND abs((p).slope - f.spc_logit_slope) <= 1e-9 * abs(f.spc_logit_slope) AS prop_numbers,
       NOT (p).outlier_found = f.spc_robust
         AND ((p).significant AND NOT (p).outlier_found) = f.spc_significant
         AND initcap((p).trend) = initcap(f.spc_marker) AS prop_labels,
       (ci).trend AS ci_trend, (p).trend AS prop_trend
  FROM (SELECT case_id, oba.recent_trend_ci_agg(year, value, lower95, upper95, 'neutral') AS ci,
               oba.recent_trend_agg(year, count, denominator, 'neutral') AS p
          FROM ft GROUP BY case_id) g
  JOIN (SELECT DISTINCT ON (case_id) * FROM ft ORDER BY case_id, point) f USING (case_id)
 ORDER BY 1;

-- trend_tests_reference.csv: the tests of issue 14 on the T series and the
-- generated ones (trend_tests_series.csv); dated series through the date
-- overloads (their t is oba.date_to_years(date)), seasons by month there and
-- given for S03. The comparison rule of the reference README: 1e-9 relative,
-- floor 1e-9 x max(1, max|y|) (1e-15 for p-values); counts, S, varS, lags,
-- indices and break times exactly.
CREATE TEMP TABLE tseries (series_id text, t text, value text, date text, season text);
\copy tseries FROM 'test/reference/trend_tests_series.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE tref (series_id text, method text, params text, output text, value text,
                        authority text, note text);
\copy tref FROM 'test/reference/trend_tests_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE ts AS
  SELECT series_id, pg_temp.num(t) AS t, pg_temp.num(value) AS value, NULL::date AS d, NULL::int AS season
    FROM series WHERE series_id LIKE 'T%'
  UNION ALL
  SELECT series_id, pg_temp.num(t), pg_temp.num(value), nullif(date, 'NA')::date, nullif(season, 'NA')::int
    FROM tseries;
SELECT count(DISTINCT series_id) AS series, count(*) FILTER (WHERE d IS NOT NULL) AS dated_rows,
       bool_and(d IS NULL OR oba.date_to_years(d) = t) AS dates_are_the_times
  FROM ts;
CREATE TEMP TABLE tscale AS
  SELECT series_id, greatest(1, max(abs(value))) AS scale FROM ts GROUP BY 1;

CREATE TEMP TABLE tgot (series_id text, method text, params text, output text, got float8);
-- the date overloads where there are dates
INSERT INTO tgot
  SELECT a.series_id, 'hamed_rao', a.params, m.output, m.got
    FROM (SELECT series_id, 'alpha = 0.05, every lag' AS params,
                 CASE WHEN bool_or(d IS NOT NULL) THEN oba.mann_kendall_hamed_rao_agg(d, value)
                      ELSE oba.mann_kendall_hamed_rao_agg(t, value) END AS r
            FROM ts GROUP BY 1
          UNION ALL
          SELECT series_id, 'alpha = 0.1, lags 1..3',
                 CASE WHEN bool_or(d IS NOT NULL) THEN oba.mann_kendall_hamed_rao_agg(d, value, 0.1, 3)
                      ELSE oba.mann_kendall_hamed_rao_agg(t, value, 0.1, 3) END
            FROM ts GROUP BY 1) a,
   LATERAL (VALUES ('n_used', (r).n::float8), ('S', (r).s), ('varS', (r).var_s),
                   ('sen_slope', (r).sen_slope), ('lags', (r).lags), ('lags_significant', (r).lags_significant),
                   ('correction', (r).correction), ('n_effective', (r).n_effective),
                   ('varS_corrected', (r).var_s_corrected), ('z', (r).z), ('p', (r).p)) m(output, got);
INSERT INTO tgot
  SELECT a.series_id, 'tfpw', 'trend-free pre-whitening', m.output, m.got
    FROM (SELECT series_id, CASE WHEN bool_or(d IS NOT NULL) THEN oba.mann_kendall_prewhitened_agg(d, value)
                                 ELSE oba.mann_kendall_prewhitened_agg(t, value) END AS r
            FROM ts GROUP BY 1) a,
   LATERAL (VALUES ('n_used', (r).n::float8), ('lag1', (r).lag1), ('n_prewhitened', (r).n_prewhitened),
                   ('S', (r).s), ('varS', (r).var_s), ('z', (r).z), ('p', (r).p),
                   ('sen_slope', (r).sen_slope)) m(output, got);
INSERT INTO tgot
  SELECT a.series_id, 'seasonal_mann_kendall', 'season', m.output, m.got
    FROM (SELECT series_id, CASE WHEN bool_or(d IS NOT NULL) THEN oba.seasonal_mann_kendall_agg(d, value)
                                 ELSE oba.seasonal_mann_kendall_agg(t, value, season) END AS r
            FROM ts WHERE series_id IN (SELECT series_id FROM ts WHERE season IS NOT NULL) GROUP BY 1) a,
   LATERAL (VALUES ('n_used', (r).n::float8), ('seasons', (r).seasons), ('S', (r).s), ('varS', (r).var_s),
                   ('n_pairs', (r).sen_pairs), ('z', (r).z), ('p', (r).p), ('tau', (r).tau),
                   ('sen_slope', (r).sen_slope)) m(output, got);
INSERT INTO tgot
  SELECT a.series_id, 'pettitt', '', m.output, m.got
    FROM (SELECT series_id, CASE WHEN bool_or(d IS NOT NULL) THEN oba.pettitt_agg(d, value)
                                 ELSE oba.pettitt_agg(t, value) END AS r
            FROM ts GROUP BY 1) a,
   LATERAL (VALUES ('n_used', (r).n::float8), ('U', (r).u), ('K', (r).k), ('p', (r).p),
                   ('break_index', (r).break_index), ('t_last_before', (r).t_last_before),
                   ('t_first_after', (r).t_first_after)) m(output, got);
INSERT INTO tgot
  SELECT a.series_id, 'broken_line', a.params, m.output, m.got
    FROM (SELECT series_id, 'min_segment = 3' AS params,
                 CASE WHEN bool_or(d IS NOT NULL) THEN oba.segmented_agg(d, value)
                      ELSE oba.segmented_agg(t, value) END AS r
            FROM ts GROUP BY 1
          UNION ALL
          SELECT series_id, 'min_segment = 8',
                 CASE WHEN bool_or(d IS NOT NULL) THEN oba.segmented_agg(d, value, 8)
                      ELSE oba.segmented_agg(t, value, 8) END
            FROM ts GROUP BY 1) a,
   LATERAL (VALUES ('n_used', (r).n::float8), ('davies_p', (r).davies_p), ('df', (r).df),
                   ('n_before', (r).n_before), ('n_after', (r).n_after), ('psi', (r).psi),
                   ('psi_se', (r).psi_se), ('psi_lower', (r).psi_lower), ('psi_upper', (r).psi_upper),
                   ('intercept', (r).intercept), ('intercept_se', (r).intercept_se),
                   ('slope_before', (r).slope_before), ('slope_before_se', (r).slope_before_se),
                   ('slope_after', (r).slope_after), ('slope_after_se', (r).slope_after_se),
                   ('slope_change', (r).slope_change), ('slope_change_se', (r).slope_change_se),
                   ('sigma', (r).sigma)) m(output, got);

CREATE TEMP TABLE tchecked AS
  SELECT r.series_id, r.method, r.params, r.output, r.value AS want, g.got, g.output IS NOT NULL AS computed,
         CASE
           WHEN r.value = 'NA' THEN g.got IS NULL
           WHEN r.output IN ('n_used', 'S', 'varS', 'lags', 'lags_significant', 'seasons', 'n_pairs',
                             'n_prewhitened', 'U', 'K', 'break_index', 't_last_before', 't_first_after',
                             'df', 'n_before', 'n_after')
             THEN g.got = r.value::float8
           WHEN r.output IN ('p', 'davies_p')
             THEN abs(g.got - r.value::float8) <= greatest(1e-9 * abs(r.value::float8), 1e-15)
           ELSE abs(g.got - r.value::float8) <= greatest(1e-9 * abs(r.value::float8), 1e-9 * sc.scale)
         END AS agree
    FROM tref r
    JOIN tscale sc USING (series_id)
    LEFT JOIN tgot g ON g.series_id = r.series_id AND g.method = r.method AND g.params = r.params
                    AND g.output = r.output;
SELECT method, params, count(*) AS rows, count(*) FILTER (WHERE computed) AS computed,
       count(*) FILTER (WHERE agree AND computed) AS agree
  FROM tchecked GROUP BY 1, 2 ORDER BY 1, 2;
-- any disagreement, listed
SELECT series_id, method, params, output, want, got FROM tchecked
 WHERE agree IS NOT TRUE OR NOT computed;
