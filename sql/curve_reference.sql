-- Every row of test/reference/curve_reference.csv (the turn-the-curve
-- definition v1 evaluated with R 4.2.2 lm, summary.lm, vcov, predict.lm, qt,
-- pt) against oba.turn_the_curve_agg (case-level outputs) and
-- oba.curve_points (per post period), on the C series of trend_series.csv.
-- Tolerances of the reference README: 1e-9 relative with an absolute floor
-- of 1e-9 x max(1, max|y|) (1e-15 for p-values); statuses, classes, shapes,
-- counts and directions exactly; NA as NULL.
CREATE TEMP TABLE series (series_id text, t text, value text, numerator text,
                          denominator text, lower_ci text, upper_ci text);
\copy series FROM 'test/reference/trend_series.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE ref (case_id text, params text, t text, output text, value text, authority text);
\copy ref FROM 'test/reference/curve_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE FUNCTION pg_temp.num(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN t IN ('NA', 'NaN', '') THEN NULL ELSE t::float8 END $$;

-- one row per case: its parameters, parsed from params
CREATE TEMP TABLE cases AS
  SELECT DISTINCT case_id,
         substring(params FROM 't_start=([0-9.]+)')::float8 AS t_start,
         substring(params FROM 'direction=([a-z_]+)') AS direction,
         substring(params FROM 'alpha=([0-9.]+)')::float8 AS alpha
    FROM ref;
CREATE TEMP VIEW s AS
  SELECT series_id AS case_id, pg_temp.num(t) AS t, pg_temp.num(value) AS value FROM series;
CREATE TEMP TABLE scale AS
  SELECT case_id, greatest(1, max(abs(value))) AS scale FROM s GROUP BY 1;

CREATE TEMP TABLE got (case_id text, t float8, output text, got float8, got_text text);
INSERT INTO got
  SELECT c.case_id, NULL, o.output, o.got, o.got_text
    FROM cases c,
   LATERAL (SELECT oba.turn_the_curve_agg(s.t, s.value, c.t_start, c.direction, c.alpha) AS r
              FROM s WHERE s.case_id = c.case_id) a,
   LATERAL (VALUES
     ('n_pre', (r).n_pre::float8, NULL), ('n_post', (r).n_post, NULL), ('status', NULL, (r).status),
     ('baseline_intercept', (r).baseline_intercept, NULL), ('baseline_slope', (r).baseline_slope, NULL),
     ('baseline_sigma', (r).baseline_sigma, NULL), ('baseline_df', (r).baseline_df, NULL),
     ('baseline_slope_se', (r).baseline_slope_se, NULL), ('baseline_slope_p', (r).baseline_slope_p, NULL),
     ('baseline_direction', NULL, (r).baseline_direction), ('t_quantile', (r).t_quantile, NULL),
     ('level_change', (r).level_change, NULL), ('slope_change', (r).slope_change, NULL),
     ('post_slope', (r).post_slope, NULL), ('slope_change_p', (r).slope_change_p, NULL),
     ('test_method', NULL, (r).test_method), ('effect_at_last', (r).effect_at_last, NULL),
     ('effect_se', (r).effect_se, NULL), ('effect_df', (r).effect_df, NULL),
     ('effect_t', (r).effect_t, NULL), ('effect_p', (r).effect_p, NULL),
     ('periods_better', (r).periods_better, NULL), ('periods_worse', (r).periods_worse, NULL),
     ('periods_beyond_pi_better', (r).periods_beyond_pi_better, NULL),
     ('periods_beyond_pi_worse', (r).periods_beyond_pi_worse, NULL),
     ('trailing_periods_better', (r).trailing_periods_better, NULL),
     ('curve_shape', NULL, (r).curve_shape),
     ('current_trend_direction', NULL, (r).current_trend_direction),
     ('current_trend_periods', (r).current_trend_periods, NULL),
     ('current_trend_good', NULL, upper((r).current_trend_good::text)),
     ('baseline_pct_change', (r).baseline_pct_change, NULL)
   ) o(output, got, got_text);
INSERT INTO got
  SELECT c.case_id, p.t, o.output, o.got, o.got_text
    FROM cases c,
   LATERAL (SELECT array_agg(s.t ORDER BY s.t) AS ts, array_agg(s.value ORDER BY s.t) AS vs
              FROM s WHERE s.case_id = c.case_id) a,
   LATERAL oba.curve_points(a.ts, a.vs, c.t_start, c.direction, 0, c.alpha) p,
   LATERAL (VALUES
     ('value', p.value, NULL), ('forecast', p.fitted_or_forecast, NULL),
     ('pi_lower', p.pi_lower, NULL), ('pi_upper', p.pi_upper, NULL),
     ('se_pred', p.se_pred, NULL), ('residual', p.residual, NULL),
     ('point_class', NULL, p.point_class)
   ) o(output, got, got_text)
   WHERE p.t >= c.t_start;

CREATE TEMP TABLE checked AS
  SELECT r.case_id, r.t, r.output, r.value AS want, g.got, g.got_text,
         g.output IS NOT NULL AS computed,
         CASE
           WHEN r.output IN ('status', 'baseline_direction', 'test_method', 'curve_shape',
                             'current_trend_direction', 'current_trend_good', 'point_class')
             THEN coalesce(g.got_text, 'NA') = r.value
           WHEN r.value IN ('NA', 'NaN') THEN g.got IS NULL
           WHEN r.output IN ('n_pre', 'n_post', 'baseline_df', 'effect_df', 'periods_better',
                             'periods_worse', 'periods_beyond_pi_better', 'periods_beyond_pi_worse',
                             'trailing_periods_better', 'current_trend_periods', 'value')
             THEN g.got = r.value::float8
           WHEN r.output LIKE '%\_p'
             THEN abs(g.got - r.value::float8) <= greatest(1e-9 * abs(r.value::float8), 1e-15)
           WHEN r.output IN ('t_quantile', 'effect_t')
             THEN abs(g.got - r.value::float8) <= greatest(1e-9 * abs(r.value::float8), 1e-9)
           ELSE abs(g.got - r.value::float8) <= greatest(1e-9 * abs(r.value::float8), 1e-9 * sc.scale)
         END AS agree
    FROM ref r
    JOIN scale sc USING (case_id)
    LEFT JOIN got g ON g.case_id = r.case_id AND g.output = r.output
                   AND g.t IS NOT DISTINCT FROM pg_temp.num(r.t);

SELECT case_id, count(*) AS rows, count(*) FILTER (WHERE agree AND computed) AS agree,
       max(want) FILTER (WHERE output = 'status') AS status
  FROM checked GROUP BY case_id ORDER BY case_id;
SELECT count(*) AS reference_rows, count(*) FILTER (WHERE computed) AS computed,
       count(*) FILTER (WHERE agree AND computed) AS agree FROM checked;
-- any disagreement, listed
SELECT case_id, t, output, want, got, got_text FROM checked WHERE agree IS NOT TRUE OR NOT computed;
