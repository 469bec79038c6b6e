-- bench/scale/cases.sql: what the scale table measures. Each case is an oba
-- aggregate and its baseline: the same GROUP BY over the same table with the
-- plain sum()/count() it builds on, or the built-in regr_slope and
-- regr_intercept for the time-series aggregates.
--   area:   GROUP BY ward, quarter, indicator (19 band rows per group)
--   series: GROUP BY ward, indicator, band (a series of 40 quarters)
DROP TABLE IF EXISTS bench.scale_case, bench.scale_result;
CREATE TABLE bench.scale_case (
  id int PRIMARY KEY,
  aggregate text NOT NULL,
  shape text NOT NULL CHECK (shape IN ('area', 'series')),
  baseline text NOT NULL,		-- the select list of the baseline
  candidate text NOT NULL		-- the select list of the oba query
);

INSERT INTO bench.scale_case VALUES
  (1, 'rate_agg', 'area', 'sum(events), sum(population)',
      'oba.rate_agg(events, population)'),
  (2, 'proportion_agg(x, n)', 'area', 'sum(events), sum(population)',
      'oba.proportion_agg(events, population)'),
  (3, 'proportion_agg(flag)', 'area', 'count(*) FILTER (WHERE flag), count(flag)',
      'oba.proportion_agg(flag)'),
  (4, 'dsr_agg', 'area', 'sum(events), sum(population)',
      'oba.dsr_agg(events, population, standard_population)'),
  (5, 'isr_agg', 'area', 'sum(events), sum(population)',
      'oba.isr_agg(events, population, reference_events, reference_population)'),
  (6, 'better_off_agg', 'area',
      'count(*) FILTER (WHERE score_after > score_before), count(*) FILTER (WHERE score_after < score_before), count(*)',
      'oba.better_off_agg(score_before, score_after)'),
  (7, 'need_score_agg', 'area', 'sum(value), count(value)',
      'oba.need_score_agg(value)'),
  (8, 'apportion_agg', 'area', 'sum(value * share)',
      'oba.apportion_agg(value, share)'),
  (9, 'apportion_mean_agg', 'area', 'sum(value * share), sum(share)',
      'oba.apportion_mean_agg(value, share)'),
  (10, 'linear_trend_agg', 'series', 'regr_slope(value, t), regr_intercept(value, t)',
      'oba.linear_trend_agg(t, value)'),
  (11, 'mann_kendall_agg', 'series', 'regr_slope(value, t), regr_intercept(value, t)',
      'oba.mann_kendall_agg(t, value)'),
  (12, 'its_agg', 'series', 'regr_slope(value, t), regr_intercept(value, t)',
      'oba.its_agg(t, value, 2020.0)'),
  (13, 'trend_chisq_agg', 'series', 'regr_slope(value, t), regr_intercept(value, t)',
      'oba.trend_chisq_agg(t, events, population)'),
  (14, 'recent_trend_agg', 'series', 'regr_slope(value, t), regr_intercept(value, t)',
      'oba.recent_trend_agg(t, events, population, ''higher_is_better'')'),
  (15, 'recent_trend_ci_agg', 'series', 'regr_slope(value, t), regr_intercept(value, t)',
      'oba.recent_trend_ci_agg(t, value, value - 1, value + 1, ''higher_is_better'')'),
  (16, 'turn_the_curve_agg', 'series', 'regr_slope(value, t), regr_intercept(value, t)',
      'oba.turn_the_curve_agg(t, value, 2020.0)'),
  (17, 'spc_agg', 'series', 'regr_slope(value, t), regr_intercept(value, t)',
      'oba.spc_agg(t, value)'),
  (18, 'mean_agg', 'area', 'avg(value), stddev_samp(value), count(value)',
      'oba.mean_agg(value)'),
  (19, 'trend_chisq_score_agg', 'area', 'sum(events), sum(population), sum(band * population)',
      'oba.trend_chisq_score_agg(band, events, population)');

-- The query of a case: role 'baseline' or 'oba'.
CREATE OR REPLACE FUNCTION bench.scale_query(c bench.scale_case, role text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format('SELECT %1$s, %2$s FROM bench_scale GROUP BY %1$s',
                CASE c.shape WHEN 'area' THEN 'ward, quarter, indicator' ELSE 'ward, indicator, band' END,
                CASE role WHEN 'baseline' THEN c.baseline ELSE c.candidate END)
$$;

-- Every measurement, each in a backend of its own.
CREATE TABLE bench.scale_result (
  case_id int NOT NULL REFERENCES bench.scale_case,
  mode text NOT NULL,			-- 'serial' or 'parallel'
  role text NOT NULL,			-- 'baseline' or 'oba'
  rep int NOT NULL,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  ms float8,					-- execution time
  cpu_ms float8,				-- CPU time of the backend (the leader, in parallel)
  peak_kb bigint,				-- rise of the backend's peak RSS (VmHWM) over its RSS before
  hash_kb bigint,				-- the top aggregate's peak hash table memory (EXPLAIN)
  batches int,					-- hash aggregation batches (more than 1: it spilled to disk)
  groups bigint,
  workers int,					-- parallel workers launched
  default_parallel bool,		-- does the planner choose a parallel plan at default costs?
  load1 float8,					-- the machine's 1-minute load average just after (this run's own processes included)
  PRIMARY KEY (case_id, mode, role, rep)
);

-- Measure case id in this backend and record it. Serial: no parallel
-- workers. Parallel: 2 workers, with parallel_setup_cost and
-- parallel_tuple_cost 0 so that the planner takes the parallel plan.
CREATE OR REPLACE FUNCTION bench.scale_record(id int, mode text, role text, rep int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  c bench.scale_case;
  q text;
  m record;
  dflt bool;
  load1 float8;
BEGIN
  SELECT * INTO STRICT c FROM bench.scale_case WHERE scale_case.id = scale_record.id;
  q := bench.scale_query(c, role);
  IF mode = 'parallel' THEN
    PERFORM set_config('max_parallel_workers_per_gather', '2', true);
    dflt := bench.plan_is_parallel(q);
    PERFORM set_config('parallel_setup_cost', '0', true);
    PERFORM set_config('parallel_tuple_cost', '0', true);
  ELSE
    PERFORM set_config('max_parallel_workers_per_gather', '0', true);
  END IF;
  m := bench.measure(q);
  BEGIN
    load1 := split_part(pg_read_file('/proc/loadavg'), ' ', 1)::float8;
  EXCEPTION WHEN OTHERS THEN
    load1 := NULL;
  END;
  INSERT INTO bench.scale_result (case_id, mode, role, rep, ms, cpu_ms, peak_kb, hash_kb, batches, groups, workers, default_parallel, load1)
  VALUES (id, mode, role, rep, m.ms, m.cpu_ms, m.peak_kb, m.hash_kb, m.batches, m.groups, m.workers, dflt, load1);
END $$;
