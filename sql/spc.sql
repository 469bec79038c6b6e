-- oba.spc_points and oba.spc_agg: NHS Making Data Count XmR charts.
-- Reference numbers are checked in sql/spc_reference.sql; here, a worked
-- example, options, behaviour and bad input.
\pset null '(null)'
SET datestyle = 'ISO, MDY';
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- A worked example: children waiting more than 18 weeks for a
-- community paediatric appointment, by month (lower is better, target 22).
-- A new triage pathway started in April 2023.
CREATE TEMP TABLE waits (month date, waiting float8);
INSERT INTO waits SELECT date '2022-04-01' + make_interval(months => (i - 1)::int), v
  FROM unnest(ARRAY[30, 32, 31, 29, 33, 30, 31, 32, 30, 31, 29, 32,
                    24, 25, 23, 24, 26, 24, 25, 23, 24, 25]::float8[]) WITH ORDINALITY u(v, i);

-- one chart over the whole period: the new pathway shows as special cause
SELECT t AS month, value, round(mean::numeric, 2) AS mean, round(lpl::numeric, 2) AS lpl,
       round(upl::numeric, 2) AS upl, special_cause, point_type, assurance
  FROM oba.spc_points((SELECT array_agg(month ORDER BY month) FROM waits),
                      (SELECT array_agg(waiting ORDER BY month) FROM waits),
                      'lower_is_better', target => 22);

-- rebased at the change: new limits from April 2023
SELECT t AS month, value, rebase_group, round(mean::numeric, 2) AS mean, round(lpl::numeric, 2) AS lpl,
       round(upl::numeric, 2) AS upl, point_type, short_group_warning, assurance
  FROM oba.spc_points((SELECT array_agg(month ORDER BY month) FROM waits),
                      (SELECT array_agg(waiting ORDER BY month) FROM waits),
                      'lower_is_better', target => 22, rebase => ARRAY[date '2023-04-01'])
 WHERE t >= date '2023-01-01';

-- for a report card: the latest point's variation and assurance
SELECT (s).* FROM (SELECT oba.spc_agg(month, waiting, 'lower_is_better', 22) AS s FROM waits) x;
SELECT (s).variation, (s).assurance, round((s).upl::numeric, 2) AS upl
  FROM (SELECT oba.spc_agg(month, waiting, 'lower_is_better', 22, ARRAY[date '2023-04-01'],
                           NULL, true, 7, false) AS s FROM waits) x;

-- float8 times give the same chart; the aggregate sorts its rows
SELECT bool_and(a.special_cause = b.special_cause AND a.mean = b.mean) AS same_chart
  FROM oba.spc_points((SELECT array_agg(month ORDER BY month) FROM waits),
                      (SELECT array_agg(waiting ORDER BY month) FROM waits)) WITH ORDINALITY a
  JOIN oba.spc_points((SELECT array_agg(oba.date_to_years(month) ORDER BY month DESC) FROM waits),
                      (SELECT array_agg(waiting ORDER BY month DESC) FROM waits)) WITH ORDINALITY b
    USING (ordinality);
SELECT (oba.spc_agg(month, waiting)).point_type = (oba.spc_agg(oba.date_to_years(month), waiting)).point_type AS same
  FROM (SELECT * FROM waits ORDER BY waiting) s;

-- options: no screening reproduces the MDC Excel tool (wider limits on an outlier)
SELECT round(upl::numeric, 2) AS screened_upl,
       (SELECT round(upl::numeric, 2) FROM oba.spc_points(ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18],
          ARRAY[1,2,1,2,10,1,2,1,2,1,2,1,2,1,2,1,2,1], screen_outliers => false) LIMIT 1) AS unscreened_upl
  FROM oba.spc_points(ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18],
                      ARRAY[1,2,1,2,10,1,2,1,2,1,2,1,2,1,2,1,2,1]) LIMIT 1;
-- limits fixed after 12 points
SELECT count(DISTINCT mean) AS means, min(mean) AS mean
  FROM oba.spc_points(ARRAY(SELECT generate_series(1, 20)::float8),
                      ARRAY[50,52,49,51,50,53,48,51,50,52,49,51,56,57,55,58,57,56,58,57], fix_after => 12);
-- six points below the mean: only the 6-point rule flags them
SELECT count(*) FILTER (WHERE point_type <> 'common_cause') AS seven_rule,
       (SELECT count(*) FILTER (WHERE point_type <> 'common_cause')
          FROM oba.spc_points(ARRAY(SELECT generate_series(1, 20)::float8),
                              ARRAY[20,24,19,23,21,25,22,20,23,19,19.5,20.5,21,20,19.5,24,22,25,21,23],
                              'lower_is_better', run_length => 6)) AS six_rule
  FROM oba.spc_points(ARRAY(SELECT generate_series(1, 20)::float8),
                      ARRAY[20,24,19,23,21,25,22,20,23,19,19.5,20.5,21,20,19.5,24,22,25,21,23],
                      'lower_is_better');
-- a neutral polarity: high and low, no assurance
SELECT DISTINCT point_type, assurance FROM oba.spc_points(ARRAY[1,2,3,4,5,6,7,8,9,10],
  ARRAY[5,6,5,6,5,6,5,30,5,6], 'neutral', target => 3) ORDER BY 1;
-- a missing value keeps its row: NULL flags, common cause, and it breaks the trend
SELECT t, value, outside_limits, relative_to_mean, special_cause
  FROM oba.spc_points(ARRAY[1,2,3,4,5,6,7,8,9], ARRAY[1,2,3,4,NULL,5,6,7,8]);
-- a constant series: with screening the limits are undefined
SELECT DISTINCT mean, lpl, upl, amr, outside_limits, close_to_limits, point_type
  FROM oba.spc_points(ARRAY[1,2,3,4,5], ARRAY[5,5,5,5,5]);
SELECT DISTINCT mean, lpl, upl, amr, outside_limits, point_type
  FROM oba.spc_points(ARRAY[1,2,3,4,5], ARRAY[5,5,5,5,5], screen_outliers => false);
-- one point; no rows; NULL arrays
SELECT t, value, mean, lpl, special_cause, short_group_warning FROM oba.spc_points(ARRAY[1], ARRAY[7]);
SELECT count(*) FROM oba.spc_points('{}'::float8[], '{}'::float8[]);
SELECT count(*) FROM oba.spc_points(NULL::float8[], ARRAY[1]);
SELECT oba.spc_agg(t, t) IS NULL AS empty FROM generate_series(1, 0) t;
-- variation icons by polarity
SELECT (oba.spc_agg(t, CASE WHEN t = 10 THEN 40 ELSE 5 + t % 2 END)).variation AS up_high,
       (oba.spc_agg(t, CASE WHEN t = 10 THEN 40 ELSE 5 + t % 2 END, 'lower_is_better')).variation AS down_high,
       (oba.spc_agg(t, CASE WHEN t = 10 THEN -40 ELSE 5 + t % 2 END)).variation AS up_low,
       (oba.spc_agg(t, CASE WHEN t = 10 THEN -40 ELSE 5 + t % 2 END, 'neutral')).variation AS neutral_low
  FROM generate_series(1, 10) t;

-- bad input: SQLSTATE and a message naming the argument
SELECT pg_temp.err($$SELECT * FROM oba.spc_points(ARRAY[1, 2, 3], ARRAY[1, 2])$$);
SELECT pg_temp.err($$SELECT * FROM oba.spc_points(ARRAY[1, 2, 2], ARRAY[1, 2, 3])$$);
SELECT pg_temp.err($$SELECT * FROM oba.spc_points(ARRAY[1, 2, 3], ARRAY[1, 'NaN'::float8, 3])$$);
SELECT pg_temp.err($$SELECT * FROM oba.spc_points(ARRAY[1, 2, 3], ARRAY[1, 2, 3], 'increase')$$);
SELECT pg_temp.err($$SELECT * FROM oba.spc_points(ARRAY[1, 2, 3], ARRAY[1, 2, 3], NULL)$$);
SELECT pg_temp.err($$SELECT * FROM oba.spc_points(ARRAY[1, 2, 3], ARRAY[1, 2, 3], fix_after => 5)$$);
SELECT pg_temp.err($$SELECT * FROM oba.spc_points(ARRAY[1, 2, 3], ARRAY[1, 2, 3], run_length => 8)$$);
SELECT pg_temp.err($$SELECT * FROM oba.spc_points(ARRAY[1, 2, 3], ARRAY[1, 2, 3], target => 'Infinity')$$);
SELECT pg_temp.err($$SELECT * FROM oba.spc_points(ARRAY[1, 2, 3], ARRAY[1, 2, 3], rebase => ARRAY['NaN'::float8])$$);
SELECT pg_temp.err($$SELECT * FROM oba.spc_points(ARRAY[1, 2, 3], ARRAY[1, 2, 3], screen_outliers => NULL)$$);
SELECT pg_temp.err($$SELECT oba.spc_agg(t, t, CASE WHEN t < 3 THEN 'neutral' ELSE 'higher_is_better' END) FROM generate_series(1, 5) t$$);
SELECT pg_temp.err($$SELECT oba.spc_agg(t, t, 'higher_is_better', t) FROM generate_series(1, 5) t$$);
SELECT pg_temp.err($$SELECT oba.spc_agg(t, 1) FROM (VALUES (1), (1)) x(t)$$);
