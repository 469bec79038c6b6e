-- bench/neighbours.sql: oba.statistical_neighbours at the sizes issue 14
-- names (7,000 and 20,000 areas of 10 variables, and 20,000 of 50), with
-- its time, CPU time and peak memory (bench.measure), and against the same
-- ten neighbours written in plain SQL (z-scores by window functions, a
-- self-join over every pair, row_number) at 2,000 areas, in the same run.
-- Then how soon a statement_timeout stops the largest case.
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;

DROP TABLE IF EXISTS bench_nb_rows, bench_nb;
-- 20,000 areas of 50 variables; the cases take the first n areas and d variables
CREATE TABLE bench_nb_rows AS
SELECT i, 'E' || lpad(i::text, 8, '0') AS code,
       ARRAY(SELECT ((i * 7919 + j * 104729 + (i * j) % 97) % 1009)::float8 / 10 FROM generate_series(1, 50) j) AS v
  FROM generate_series(1, 20000) i;
CREATE TABLE bench_nb AS
SELECT format('%s areas x %s variables', n, d) AS label, n, d,
       (SELECT array_agg(code ORDER BY code) FROM bench_nb_rows WHERE i <= n) AS areas,
       (SELECT array_agg(v[1:d] ORDER BY code) FROM bench_nb_rows WHERE i <= n) AS variables
  FROM (VALUES (2000, 10), (7000, 10), (20000, 10), (20000, 50)) s(n, d);

SELECT b.label, round(m.ms::numeric) AS ms, round(m.cpu_ms::numeric) AS cpu_ms,
       round(m.peak_kb / 1024.0, 1) AS peak_mb, m.groups AS rows_out
  FROM bench_nb b,
       LATERAL bench.measure(format('SELECT n.* FROM bench_nb b, oba.statistical_neighbours(b.areas, b.variables, 10) n WHERE b.label = %L',
                                    b.label)) m
 ORDER BY b.n, b.d;

-- the same ten neighbours of 2,000 areas in plain SQL
DROP TABLE IF EXISTS bench_nb_2000;
CREATE TABLE bench_nb_2000 AS
SELECT code, v[1] AS v1, v[2] AS v2, v[3] AS v3, v[4] AS v4, v[5] AS v5, v[6] AS v6, v[7] AS v7, v[8] AS v8,
       v[9] AS v9, v[10] AS v10 FROM bench_nb_rows WHERE i <= 2000;
ANALYZE bench_nb_2000;
SELECT * FROM bench.compare('statistical_neighbours vs plain SQL, 2,000 areas x 10 variables',
  $q$WITH z AS (
       SELECT code, (v1 - avg(v1) OVER ()) / stddev_samp(v1) OVER () AS z1, (v2 - avg(v2) OVER ()) / stddev_samp(v2) OVER () AS z2,
              (v3 - avg(v3) OVER ()) / stddev_samp(v3) OVER () AS z3, (v4 - avg(v4) OVER ()) / stddev_samp(v4) OVER () AS z4,
              (v5 - avg(v5) OVER ()) / stddev_samp(v5) OVER () AS z5, (v6 - avg(v6) OVER ()) / stddev_samp(v6) OVER () AS z6,
              (v7 - avg(v7) OVER ()) / stddev_samp(v7) OVER () AS z7, (v8 - avg(v8) OVER ()) / stddev_samp(v8) OVER () AS z8,
              (v9 - avg(v9) OVER ()) / stddev_samp(v9) OVER () AS z9, (v10 - avg(v10) OVER ()) / stddev_samp(v10) OVER () AS z10
         FROM bench_nb_2000),
     d AS (
       SELECT a.code AS area, b.code AS neighbour,
              sqrt((a.z1 - b.z1) ^ 2 + (a.z2 - b.z2) ^ 2 + (a.z3 - b.z3) ^ 2 + (a.z4 - b.z4) ^ 2 + (a.z5 - b.z5) ^ 2
                   + (a.z6 - b.z6) ^ 2 + (a.z7 - b.z7) ^ 2 + (a.z8 - b.z8) ^ 2 + (a.z9 - b.z9) ^ 2 + (a.z10 - b.z10) ^ 2) AS distance
         FROM z a JOIN z b ON a.code <> b.code)
     SELECT * FROM (SELECT area, neighbour, distance,
                           row_number() OVER (PARTITION BY area ORDER BY distance, neighbour COLLATE "C") AS rank FROM d) r
      WHERE rank <= 10$q$,
  $q$SELECT n.* FROM bench_nb b, oba.statistical_neighbours(b.areas, b.variables, 10) n WHERE b.label = '2000 areas x 10 variables'$q$,
  3);

-- statement_timeout on the largest case: how long after the timeout the
-- statement ended
SET statement_timeout = '1s';
DO $$
DECLARE
  n bigint;
BEGIN
  SELECT count(*) INTO n FROM bench_nb b, oba.statistical_neighbours(b.areas, b.variables, 10) s
   WHERE b.label = '20000 areas x 50 variables';
  RAISE WARNING 'finished before the timeout';
EXCEPTION WHEN query_canceled THEN
  RAISE WARNING 'statistical_neighbours, 20,000 areas x 50 variables: cancelled % ms after the 1 s timeout',
    round(extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000 - 1000);
END $$;
RESET statement_timeout;
DROP TABLE bench_nb_rows, bench_nb, bench_nb_2000;
