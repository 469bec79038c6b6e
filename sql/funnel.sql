-- oba.funnel_limits, oba.funnel_axis, oba.funnel_denominator, oba.funnel_significance.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.num(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN t IN ('NA', 'NaN', '') THEN NULL ELSE t::float8 END $$;
CREATE FUNCTION pg_temp.close(got float8, want float8, rel float8, abs_floor float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN want IS NULL THEN got IS NULL
                 ELSE abs(got - want) <= greatest(rel * abs(want), abs_floor) END $$;

-- Every record of PHEindicatormethods assign_funnel_significance
-- (phe_funnel_significance_reference.csv): the average from the records
-- (1e-9), and the label (exactly).
CREATE TEMP TABLE sig_ref (
  dataset_id text, statistic text, subtype text, multiplier text, numerator float8,
  denominator float8, rate text, average text, significance text);
\copy sig_ref FROM 'test/reference/phe_funnel_significance_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE sig AS
  SELECT *, CASE subtype WHEN 'dsr' THEN 'dsr' WHEN 'crude' THEN 'rate' ELSE statistic END AS stat,
         pg_temp.num(multiplier) AS per
    FROM sig_ref;
CREATE TEMP TABLE sig_avg AS
  SELECT dataset_id,
         sum(numerator) / sum(oba.funnel_denominator(stat, numerator, denominator, pg_temp.num(rate), per)) AS average,
         pg_temp.num(min(average)) AS want
    FROM sig GROUP BY dataset_id;
SELECT count(*) AS data_sets, count(want) AS with_average,
       count(*) FILTER (WHERE pg_temp.close(average, want, 1e-9, 1e-12)) AS average_agrees
  FROM sig_avg WHERE want IS NOT NULL;
CREATE TEMP TABLE sig_got AS
  SELECT s.dataset_id, s.stat, s.numerator, s.denominator, s.significance,
         oba.funnel_significance(s.stat, s.numerator, s.denominator, a.average,
                                 pg_temp.num(s.rate), s.per) AS got
    FROM sig s JOIN sig_avg a USING (dataset_id);
SELECT stat, count(*) AS records, count(*) FILTER (WHERE got = significance) AS labels_agree
  FROM sig_got GROUP BY stat ORDER BY stat;
SELECT * FROM sig_got WHERE got IS DISTINCT FROM significance;

-- Every point of calculate_funnel_limits (phe_funnel_limits_reference.csv):
-- proportion limits at 1e-9 (absolute floor 1e-12), Poisson limits and their
-- denominators at 1e-4 (the package bisects, oba uses exact quantiles).
CREATE TEMP TABLE lim_ref (
  dataset_id text, statistic text, subtype text, multiplier float8, average text,
  x_axis_name text, x_axis float8, lower_2s_limit text, upper_2s_limit text,
  lower_3s_limit text, upper_3s_limit text, baseline text, lower_2s_aux text,
  upper_2s_aux text, lower_3s_aux text, upper_3s_aux text);
\copy lim_ref FROM 'test/reference/phe_funnel_limits_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE lim_got AS
  SELECT r.*,
         -- the package's ratio type count reports x / lambda - 1 (centre 0)
         CASE WHEN r.subtype = 'count' THEN 1 ELSE 0 END AS shift,
         CASE WHEN r.statistic = 'proportion' THEN 1e-9 ELSE 1e-4 END AS rel,
         CASE WHEN r.statistic = 'proportion' THEN 1e-12 ELSE 0 END AS abs_floor,
         oba.funnel_limits(CASE r.subtype WHEN 'dsr' THEN 'dsr' WHEN 'crude' THEN 'rate' ELSE r.statistic END,
                           r.x_axis, pg_temp.num(r.average),
                           CASE r.subtype WHEN 'count' THEN 1 WHEN 'isr' THEN 100 ELSE r.multiplier END,
                           CASE r.subtype WHEN 'dsr' THEN 3 ELSE 1 END) AS f
    FROM lim_ref r;
SELECT statistic, subtype, count(*) AS points,
       count(*) FILTER (WHERE (f).x = x_axis
         AND pg_temp.close((f).lower_2s - shift, pg_temp.num(lower_2s_limit), rel, abs_floor)
         AND pg_temp.close((f).upper_2s - shift, pg_temp.num(upper_2s_limit), rel, abs_floor)
         AND pg_temp.close((f).lower_3s - shift, pg_temp.num(lower_3s_limit), rel, abs_floor)
         AND pg_temp.close((f).upper_3s - shift, pg_temp.num(upper_3s_limit), rel, abs_floor)
         AND pg_temp.close((f).baseline, pg_temp.num(baseline), 1e-9, 1e-12)
         AND pg_temp.close((f).lower_2s_denominator, pg_temp.num(lower_2s_aux), 1e-4, 0)
         AND pg_temp.close((f).upper_2s_denominator, pg_temp.num(upper_2s_aux), 1e-4, 0)
         AND pg_temp.close((f).lower_3s_denominator, pg_temp.num(lower_3s_aux), 1e-4, 0)
         AND pg_temp.close((f).upper_3s_denominator, pg_temp.num(upper_3s_aux), 1e-4, 0)) AS agree
  FROM lim_got GROUP BY 1, 2 ORDER BY 1, 2;
-- the 100 axis values from the records' smallest and largest denominators
-- (where the records are in the reference), exactly
SELECT l.dataset_id, l.subtype, count(*) AS points, count(*) FILTER (WHERE a.x = l.x_axis) AS axis_agrees
  FROM (SELECT *, row_number() OVER (PARTITION BY dataset_id, subtype ORDER BY x_axis) AS point FROM lim_ref) l
  JOIN (SELECT dataset_id, min(stat) AS stat, min(denominator) AS lo, max(denominator) AS hi
          FROM sig GROUP BY dataset_id) d USING (dataset_id)
  CROSS JOIN LATERAL oba.funnel_axis(d.stat, d.lo, d.hi) a
 WHERE a.point = l.point
 GROUP BY 1, 2 ORDER BY 1, 2;

-- scalar examples
SELECT x, round(lower_2s::numeric, 6) AS lower_2s, round(upper_2s::numeric, 6) AS upper_2s,
       round(lower_3s::numeric, 6) AS lower_3s, round(upper_3s::numeric, 6) AS upper_3s, baseline,
       lower_2s_denominator
  FROM oba.funnel_limits('proportion', 250, 0.65);
SELECT x, round(lower_2s::numeric, 6) AS lower_2s, round(upper_2s::numeric, 6) AS upper_2s,
       round(lower_2s_denominator::numeric, 6) AS at_expected
  FROM oba.funnel_limits('ratio', 12);
SELECT x, round(lower_3s::numeric, 4) AS lower_3s, round(upper_3s::numeric, 4) AS upper_3s, baseline
  FROM oba.funnel_limits('rate', 40, average => 0.004, per => 10000);
SELECT count(*) AS points, min(x) AS first, max(x) AS last FROM oba.funnel_axis('proportion', 120, 130);
SELECT count(*) AS points, min(x) AS first, max(x) AS last
  FROM oba.funnel_axis('dsr', 250000, 310000, average => 0.00116, years_of_data => 3);
-- edge and NULL behaviour
SELECT lower_2s, upper_2s, baseline FROM oba.funnel_limits('ratio', 0);
SELECT lower_2s, upper_2s FROM oba.funnel_limits('proportion', 1, 0.5, 1);
SELECT oba.funnel_limits(NULL, 10, 0.5) IS NULL AS null_statistic,
       oba.funnel_limits('proportion', NULL, 0.5) IS NULL AS null_x,
       oba.funnel_limits('proportion', 10) IS NULL AS no_average,
       (oba.funnel_limits('ratio', 10)).lower_2s IS NOT NULL AS ratio_needs_no_average;
SELECT count(*) AS no_rows FROM oba.funnel_axis('proportion', NULL, 10);
SELECT oba.funnel_significance('proportion', 60, 100, 0.5) AS high_025,
       oba.funnel_significance('proportion', 70, 100, 0.5) AS high_001,
       oba.funnel_significance('ratio', 25, 14) AS ratio_high,
       oba.funnel_significance('dsr', 9, 1000, 0.01) AS dsr_few,
       oba.funnel_significance('rate', 0, 297820, 0.0067) AS rate_zero,
       oba.funnel_significance('proportion', NULL, 100, 0.5) AS null_numerator,
       oba.funnel_significance('proportion', 50, 100) AS no_average;
SELECT oba.funnel_denominator('dsr', 0, 1000, NULL) AS dsr_zero,
       oba.funnel_denominator('rate', 5, 1000, 250, 100000) AS derived,
       oba.funnel_denominator('rate', 0, 1000, 0, 100000) AS zero_events;

-- bad input
SELECT pg_temp.err($$SELECT oba.funnel_limits('smr', 10, 0.5)$$);
SELECT pg_temp.err($$SELECT oba.funnel_limits('proportion', 0, 0.5)$$);
SELECT pg_temp.err($$SELECT oba.funnel_limits('proportion', 10, 1.5)$$);
SELECT pg_temp.err($$SELECT oba.funnel_limits('rate', 10, 0)$$);
SELECT pg_temp.err($$SELECT oba.funnel_limits('ratio', -1)$$);
SELECT pg_temp.err($$SELECT oba.funnel_limits('ratio', 5, per => 0)$$);
SELECT pg_temp.err($$SELECT oba.funnel_limits('rate', 5, 0.01, years_of_data => 0)$$);
SELECT pg_temp.err($$SELECT oba.funnel_limits('proportion', 'NaN', 0.5)$$);
SELECT pg_temp.err($$SELECT * FROM oba.funnel_axis('proportion', 100, 50)$$);
SELECT pg_temp.err($$SELECT * FROM oba.funnel_axis('proportion', 0, 50)$$);
SELECT pg_temp.err($$SELECT oba.funnel_significance('proportion', 11, 10, 0.5)$$);
SELECT pg_temp.err($$SELECT oba.funnel_significance('proportion', -1, 10, 0.5)$$);
SELECT pg_temp.err($$SELECT oba.funnel_significance('ratio', 1, 0)$$);
SELECT pg_temp.err($$SELECT oba.funnel_significance('rate', 5, NULL, 0.01, 0, 100000)$$);
SELECT pg_temp.err($$SELECT oba.funnel_significance('count', 5, 10)$$);
SELECT pg_temp.err($$SELECT oba.funnel_denominator('rate', 5, 100, -1)$$);
