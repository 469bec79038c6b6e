-- bench/scale/report.sql: the scale table from bench.scale_result:
-- bench.scale_summary, and bench.scale_markdown(), the same as Markdown lines
-- followed by every raw measurement. Over repetitions, times are the best
-- (other processes on the machine only ever slow a query down, so the fastest
-- run is the closest to its own cost) and memory the median.
CREATE OR REPLACE VIEW bench.scale_summary AS
WITH m AS (
  SELECT case_id, mode, role,
         min(ms) AS ms,
         min(cpu_ms) AS cpu_ms,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY peak_kb) AS peak_kb,
         max(hash_kb) AS hash_kb, max(batches) AS batches, max(groups) AS groups,
         min(workers) AS workers, bool_or(default_parallel) AS default_parallel
    FROM bench.scale_result GROUP BY 1, 2, 3
), w AS (
  SELECT c.id, c.aggregate, c.shape,
         max(m.groups) FILTER (WHERE m.role = 'oba' AND m.mode = 'serial') AS groups,
         max(m.ms) FILTER (WHERE m.role = 'baseline' AND m.mode = 'serial') AS base_s,
         max(m.ms) FILTER (WHERE m.role = 'oba' AND m.mode = 'serial') AS oba_s,
         max(m.cpu_ms) FILTER (WHERE m.role = 'baseline' AND m.mode = 'serial') AS base_cpu,
         max(m.cpu_ms) FILTER (WHERE m.role = 'oba' AND m.mode = 'serial') AS oba_cpu,
         max(m.ms) FILTER (WHERE m.role = 'baseline' AND m.mode = 'parallel') AS base_p,
         max(m.ms) FILTER (WHERE m.role = 'oba' AND m.mode = 'parallel') AS oba_p,
         max(m.peak_kb) FILTER (WHERE m.role = 'baseline' AND m.mode = 'serial') AS base_peak,
         max(m.peak_kb) FILTER (WHERE m.role = 'oba' AND m.mode = 'serial') AS oba_peak,
         max(m.hash_kb) FILTER (WHERE m.role = 'baseline' AND m.mode = 'serial') AS base_hash,
         max(m.hash_kb) FILTER (WHERE m.role = 'oba' AND m.mode = 'serial') AS oba_hash,
         max(m.batches) FILTER (WHERE m.role = 'oba') AS oba_batches,
         min(m.workers) FILTER (WHERE m.mode = 'parallel') AS workers,
         bool_or(m.default_parallel) FILTER (WHERE m.role = 'oba') AS default_parallel,
         bool_or(m.default_parallel) FILTER (WHERE m.role = 'baseline') AS base_default_parallel
    FROM bench.scale_case c JOIN m ON m.case_id = c.id
   GROUP BY 1, 2, 3
)
SELECT aggregate, shape, groups,
       round((base_s / 1000)::numeric, 2) AS "base s",
       round((oba_s / 1000)::numeric, 2) AS "oba s",
       round((oba_s / base_s)::numeric, 2) AS ratio,
       round((oba_cpu / base_cpu)::numeric, 2) AS "cpu ratio",
       round((base_p / 1000)::numeric, 2) AS "base 2w s",
       round((oba_p / 1000)::numeric, 2) AS "oba 2w s",
       round((oba_p / base_p)::numeric, 2) AS "ratio 2w",
       round((base_s / base_p)::numeric, 2) AS "base speed-up",
       round((oba_s / oba_p)::numeric, 2) AS "oba speed-up",
       round((base_peak / 1024.0)::numeric) AS "base peak MB",
       round((oba_peak / 1024.0)::numeric) AS "oba peak MB",
       round(base_hash * 1024.0 / groups) AS "base B/group",
       round(oba_hash * 1024.0 / groups) AS "oba B/group",
       concat_ws(', ', CASE WHEN oba_batches > 1 THEN 'spilled (' || oba_batches || ' batches)' END,
                 CASE WHEN workers < 2 THEN workers || ' workers launched' END,
                 CASE WHEN NOT default_parallel THEN 'serial plan at default costs'
                      || CASE WHEN base_default_parallel THEN ' (baseline: parallel)' ELSE ' (baseline too)' END END) AS notes
  FROM w ORDER BY id;

CREATE OR REPLACE FUNCTION bench.scale_markdown() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  RETURN NEXT '| aggregate | shape | groups | base s | oba s | ratio | cpu ratio | base 2w s | oba 2w s | ratio 2w | base speed-up | oba speed-up | base peak MB | oba peak MB | base B/group | oba B/group | notes |';
  RETURN NEXT '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|';
  FOR r IN SELECT * FROM bench.scale_summary LOOP
    RETURN NEXT format('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |',
      r.aggregate, r.shape, r.groups, r."base s", r."oba s", r.ratio, r."cpu ratio", r."base 2w s", r."oba 2w s",
      r."ratio 2w", r."base speed-up", r."oba speed-up", r."base peak MB", r."oba peak MB",
      r."base B/group", r."oba B/group", r.notes);
  END LOOP;
  -- the issue's targets, read off the table
  RETURN NEXT '';
  SELECT 'Targets: serial time within 1.2x of the baseline for the rate, proportion and DSR aggregates: '
         || string_agg(format('%s %s (%s)', aggregate, ratio, CASE WHEN ratio <= 1.2 THEN 'met' ELSE 'not met' END), ', ')
         || '.' AS line
    INTO r FROM bench.scale_summary
   WHERE aggregate IN ('rate_agg', 'proportion_agg(x, n)', 'proportion_agg(flag)', 'dsr_agg');
  RETURN NEXT r.line;
  SELECT format('Speed-up with 2 parallel workers of at least 1.7: %s of %s oba aggregates (from %s to %s, median %s); their baselines %s of %s (from %s to %s, median %s).',
                count(*) FILTER (WHERE "oba speed-up" >= 1.7), count(*), min("oba speed-up"), max("oba speed-up"),
                round(percentile_cont(0.5) WITHIN GROUP (ORDER BY "oba speed-up")::numeric, 2),
                count(*) FILTER (WHERE "base speed-up" >= 1.7), count(*), min("base speed-up"), max("base speed-up"),
                round(percentile_cont(0.5) WITHIN GROUP (ORDER BY "base speed-up")::numeric, 2)) AS line
    INTO r FROM bench.scale_summary;
  RETURN NEXT r.line;
  RETURN NEXT '';
  RETURN NEXT 'Raw figures (every measurement, in the order run):';
  RETURN NEXT '';
  RETURN NEXT '| aggregate | mode | role | rep | ms | cpu ms | peak kB | hash kB | batches | groups | workers | parallel at default costs | load |';
  RETURN NEXT '|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|';
  FOR r IN SELECT c.aggregate, s.* FROM bench.scale_result s JOIN bench.scale_case c ON c.id = s.case_id ORDER BY s.at LOOP
    RETURN NEXT format('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |',
      r.aggregate, r.mode, r.role, r.rep, round(r.ms::numeric, 1), round(r.cpu_ms::numeric, 1), r.peak_kb, r.hash_kb,
      r.batches, r.groups, r.workers, coalesce(r.default_parallel::text, ''), r.load1);
  END LOOP;
END $$;
