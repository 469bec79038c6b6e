-- bench/state_text.sql: the cost of oba.agg_state's exact text (issue 15),
-- and that the aggregates did not slow down.
--  1. Output and input of :rows states of 10 elements, oba.agg_state's own
--     functions against float8[]'s (array_out / array_in with float8out /
--     float8in) on the same values, at extra_float_digits 3 (where both
--     print the same text). Target: ratio <= 1.5 (text I/O happens once per
--     group and node under Citus, never per row).
--  2. Aggregates over :rows rows against a twin declared with a float8[]
--     state over the same C functions (what 0.1 had): the state is never
--     converted on the normal path, so the target is ratio ~ 1 (<= 1.05).
\if :{?rows}
\else
\set rows 1000000
\endif
\pset footer off
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET extra_float_digits = 3;

DROP TABLE IF EXISTS bench_states;
CREATE TABLE bench_states AS
  SELECT ARRAY(SELECT (random() - 0.5) * 10 ^ (random() * 12 - 4) FROM generate_series(1, 10) WHERE i > 0)::float8[] AS f
    FROM generate_series(1, :rows) i;
ALTER TABLE bench_states ADD COLUMN s oba.agg_state, ADD COLUMN t text;
UPDATE bench_states SET s = f::oba.agg_state, t = f::text;
VACUUM ANALYZE bench_states;
SELECT count(*) AS states, min(cardinality(f)) AS elements, bool_and(s::text = t) AS same_text_at_3 FROM bench_states;

SELECT * FROM bench.compare('output: oba.agg_state vs float8[] (array_out)',
  'SELECT sum(length(f::text)) FROM bench_states',
  'SELECT sum(length(s::text)) FROM bench_states')
UNION ALL
SELECT * FROM bench.compare('input: oba.agg_state vs float8[] (array_in)',
  'SELECT count(t::float8[]) FROM bench_states',
  'SELECT count(t::oba.agg_state) FROM bench_states');
SET extra_float_digits = 0;
SELECT * FROM bench.compare('output at extra_float_digits 0: oba.agg_state (exact) vs float8[] (rounded)',
  'SELECT sum(length(f::text)) FROM bench_states',
  'SELECT sum(length(s::text)) FROM bench_states');
RESET extra_float_digits;

-- Twins of three aggregates with a float8[] state: the same C functions,
-- declared as 0.1 declared them (found through the catalogue, whatever the
-- C symbols are called).
CREATE SCHEMA IF NOT EXISTS bench_twin;
CREATE FUNCTION bench.twin(agg regprocedure) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  g pg_aggregate%ROWTYPE;
  fn regprocedure;
  p pg_proc%ROWTYPE;
  sig text;
  names text[] := '{}';
BEGIN
  SELECT * INTO g FROM pg_aggregate WHERE aggfnoid = agg;
  FOREACH fn IN ARRAY ARRAY[g.aggtransfn, g.aggcombinefn, g.aggfinalfn]::regprocedure[] LOOP
    SELECT * INTO p FROM pg_proc WHERE oid = fn;
    sig := (SELECT string_agg(CASE WHEN t = 'oba.agg_state'::regtype THEN 'float8[]' ELSE format_type(t, NULL) END, ', ' ORDER BY o)
              FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY u(t, o));
    EXECUTE format('CREATE OR REPLACE FUNCTION bench_twin.%I(%s) RETURNS %s AS %L, %L LANGUAGE C IMMUTABLE%s PARALLEL SAFE',
                   p.proname, sig,
                   CASE WHEN p.prorettype = 'oba.agg_state'::regtype THEN 'float8[]' ELSE format_type(p.prorettype, NULL) END,
                   p.probin, p.prosrc, CASE WHEN p.proisstrict THEN ' STRICT' ELSE '' END);
    names := names || p.proname::text;
  END LOOP;
  EXECUTE format('CREATE AGGREGATE bench_twin.%I(%s) (SFUNC = bench_twin.%I, STYPE = float8[]%s, COMBINEFUNC = bench_twin.%I, FINALFUNC = bench_twin.%I, PARALLEL = SAFE)',
                 (SELECT proname FROM pg_proc WHERE oid = agg),
                 (SELECT string_agg(format_type(t, NULL), ', ' ORDER BY o) FROM pg_proc, unnest(proargtypes::oid[]) WITH ORDINALITY u(t, o) WHERE oid = agg),
                 names[1], CASE WHEN g.agginitval IS NULL THEN '' ELSE format(', INITCOND = %L', g.agginitval) END,
                 names[2], names[3]);
END $$;
SELECT a AS twin_of FROM unnest(ARRAY['oba.rate_agg(int4, int4)', 'oba.mean_agg(float8)',
                                     'oba.linear_trend_agg(float8, float8)']::regprocedure[]) a, bench.twin(a);

DROP TABLE IF EXISTS bench_rows;
CREATE TABLE bench_rows AS
  SELECT (i % 200)::int AS area, ((i * 2654435761) % 13)::int AS events, (500 + (i * 40503) % 1000)::int AS population,
         (i / 200)::float8 AS t, ((i * 7919) % 1000) / 10.0::float8 AS v
    FROM generate_series(1::bigint, :rows) i;
VACUUM ANALYZE bench_rows;

SELECT * FROM bench.compare('rate_agg: oba.agg_state vs float8[] state',
  'SELECT area, bench_twin.rate_agg(events, population) FROM bench_rows GROUP BY 1',
  'SELECT area, oba.rate_agg(events, population) FROM bench_rows GROUP BY 1')
UNION ALL
SELECT * FROM bench.compare('mean_agg: oba.agg_state vs float8[] state',
  'SELECT area, bench_twin.mean_agg(v) FROM bench_rows GROUP BY 1',
  'SELECT area, oba.mean_agg(v) FROM bench_rows GROUP BY 1')
UNION ALL
SELECT * FROM bench.compare('linear_trend_agg: oba.agg_state vs float8[] state',
  'SELECT area, bench_twin.linear_trend_agg(t, v) FROM bench_rows GROUP BY 1',
  'SELECT area, oba.linear_trend_agg(t, v) FROM bench_rows GROUP BY 1');
-- the twins answer the same
SELECT bool_and(a.r::text = b.r::text) AS twins_agree
  FROM (SELECT area, oba.linear_trend_agg(t, v) AS r FROM bench_rows GROUP BY 1) a
  JOIN (SELECT area, bench_twin.linear_trend_agg(t, v) AS r FROM bench_rows GROUP BY 1) b USING (area);

DROP SCHEMA bench_twin CASCADE;
DROP FUNCTION bench.twin(regprocedure);
DROP TABLE bench_states, bench_rows;
