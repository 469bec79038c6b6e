-- bench/lib.sql: timing helpers shared by every benchmark (loaded by bench/run).
-- Times are medians of several runs, interleaved so that a drift in machine
-- load hits the baseline and the candidate alike; only ratios are reported.
CREATE SCHEMA IF NOT EXISTS bench;

-- Run a query, discarding its rows; return the elapsed milliseconds.
CREATE OR REPLACE FUNCTION bench.run_ms(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz;
BEGIN
  t0 := clock_timestamp();
  EXECUTE q;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

-- Median over reps of baseline and candidate, run alternately, after one warm-up each.
CREATE OR REPLACE FUNCTION bench.compare(label text, baseline text, candidate text, reps int DEFAULT 5)
RETURNS TABLE (benchmark text, baseline_ms numeric, oba_ms numeric, ratio numeric)
LANGUAGE plpgsql AS $$
DECLARE
  b float8[] := '{}';
  c float8[] := '{}';
  i int;
BEGIN
  PERFORM bench.run_ms(baseline);
  PERFORM bench.run_ms(candidate);
  FOR i IN 1 .. reps LOOP
    b := b || bench.run_ms(baseline);
    c := c || bench.run_ms(candidate);
  END LOOP;
  benchmark := label;
  baseline_ms := round((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(b) x)::numeric, 1);
  oba_ms := round((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(c) x)::numeric, 1);
  ratio := round(oba_ms / nullif(baseline_ms, 0), 3);
  RETURN NEXT;
END $$;
