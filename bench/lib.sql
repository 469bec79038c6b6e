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

-- A field of this backend's /proc/self/status in kB (VmHWM, RssAnon ...); NULL
-- where there is no /proc (or it cannot be read).
CREATE OR REPLACE FUNCTION bench.proc_kb(field text) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN substring(pg_read_file('/proc/self/status') FROM field || ':\s+(\d+) kB')::bigint;
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- This backend's CPU time so far in nanoseconds (Linux); NULL elsewhere.
CREATE OR REPLACE FUNCTION bench.cpu_ns() RETURNS float8 LANGUAGE plpgsql AS $$
BEGIN
  RETURN split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::float8;
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- Run a query once in this backend, its rows discarded, under EXPLAIN
-- ANALYZE without per-node timing (so the time is the query's own, and
-- nothing is dropped: unlike count(*) over a subquery, which lets the planner
-- remove unused aggregates). Returns:
--   ms       the execution time;
--   cpu_ms   the CPU time of this backend over the query (/proc/self/schedstat;
--            without the parallel workers'): unlike the elapsed time, it
--            hardly moves when other processes load the machine;
--   peak_kb  the backend's private memory at its peak over its private memory
--            before the query: VmHWM (the peak resident set, reset through
--            /proc/self/clear_refs first) less the file-backed and shared
--            pages resident after the query (libraries, LLVM's for JIT among
--            them, and shared buffers), less the anonymous resident memory
--            before. Linux and a superuser only; NULL otherwise;
--   hash_kb  the peak memory of the top node's hash table as EXPLAIN reports
--            it, and batches, its batches (more than 1: it spilled to disk);
--   groups   the rows of the result; workers, the parallel workers launched.
DROP FUNCTION IF EXISTS bench.measure(text);
CREATE FUNCTION bench.measure(q text,
  OUT ms float8, OUT cpu_ms float8, OUT peak_kb bigint, OUT hash_kb bigint, OUT batches int,
  OUT groups bigint, OUT workers int)
LANGUAGE plpgsql AS $$
DECLARE
  plan jsonb;
  anon bigint;
  cpu0 float8;
BEGIN
  anon := bench.proc_kb('RssAnon');
  BEGIN
    EXECUTE 'COPY (SELECT 5) TO ''/proc/self/clear_refs''';
  EXCEPTION WHEN OTHERS THEN
    anon := NULL;
  END;
  cpu0 := bench.cpu_ns();
  EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF, FORMAT JSON) ' || q INTO plan;
  cpu_ms := (bench.cpu_ns() - cpu0) / 1e6;
  peak_kb := bench.proc_kb('VmHWM') - bench.proc_kb('RssFile') - bench.proc_kb('RssShmem') - anon;
  ms := (plan->0->>'Execution Time')::float8;
  hash_kb := (plan->0->'Plan'->>'Peak Memory Usage')::bigint;
  batches := (plan->0->'Plan'->>'HashAgg Batches')::int;
  groups := (plan->0->'Plan'->>'Actual Rows')::bigint;
  workers := coalesce(jsonb_path_query_first(plan, 'strict $.**."Workers Launched"')::int, 0);
END $$;

-- Does the planner choose a parallel plan for q under the current settings?
CREATE OR REPLACE FUNCTION bench.plan_is_parallel(q text) RETURNS bool LANGUAGE plpgsql AS $$
DECLARE
  plan jsonb;
BEGIN
  EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || q INTO plan;
  RETURN jsonb_path_exists(plan, 'strict $.**."Workers Planned"');
END $$;
