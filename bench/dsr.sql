-- bench/dsr.sql: oba.dsr_agg over 10 million age-band rows (19 ESP 2013 bands
-- x 20 years x about 26,000 areas) grouped by area and year, against the same
-- GROUP BY computing only sum(events), sum(population), and against the
-- Dobson DSR written in plain SQL, in the same run. Target: ratio to the
-- plain sums <= 1.3.
\if :{?rows}
\else
\set rows 10000000
\endif
\pset footer off
SET max_parallel_workers_per_gather = 0;

DROP TABLE IF EXISTS bench_dsr;
CREATE TABLE bench_dsr AS
  SELECT (i / 380)::int AS area, ((i / 19) % 20)::int + 2005 AS year, e.band,
         ((i * 2654435761) % 40)::int AS events,
         (200 + (i * 40503) % 1800)::int AS population,
         e.standard_population
    FROM generate_series(0::bigint, :rows - 1) i
    JOIN oba.esp2013 e ON e.band = (i % 19) + 1;
VACUUM ANALYZE bench_dsr;
SELECT count(*) AS rows, count(DISTINCT (area, year)) AS groups FROM bench_dsr;

SELECT * FROM bench.compare('dsr_agg vs sum(), sum()',
  'SELECT area, year, sum(events), sum(population) FROM bench_dsr GROUP BY 1, 2',
  'SELECT area, year, oba.dsr_agg(events, population, standard_population) FROM bench_dsr GROUP BY 1, 2')
UNION ALL
SELECT * FROM bench.compare('dsr_agg columns vs Dobson in plain SQL',
  $q$SELECT area, year, v, v + sqrt(var / o) * (o * (1 - 1 / (9 * o) - 1.959963984540054 / (3 * sqrt(o))) ^ 3 - o) * 100000,
            v + sqrt(var / o) * ((o + 1) * (1 - 1 / (9 * (o + 1)) + 1.959963984540054 / (3 * sqrt(o + 1))) ^ 3 - o) * 100000
       FROM (SELECT area, year, sum(events)::float8 AS o,
                    sum(events::float8 * standard_population / population) / sum(standard_population) * 100000 AS v,
                    sum(events::float8 * (standard_population::float8 / population) ^ 2) / sum(standard_population)::float8 ^ 2 AS var
               FROM bench_dsr GROUP BY 1, 2) s$q$,
  'SELECT area, year, (d).value, (d).lower, (d).upper
     FROM (SELECT area, year, oba.dsr_agg(events, population, standard_population) AS d FROM bench_dsr GROUP BY 1, 2) s');

-- The same with a parallel plan (2 workers).
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SELECT * FROM bench.compare('dsr_agg vs sum(), sum(), 2 workers',
  'SELECT area, year, sum(events), sum(population) FROM bench_dsr GROUP BY 1, 2',
  'SELECT area, year, oba.dsr_agg(events, population, standard_population) FROM bench_dsr GROUP BY 1, 2');
EXPLAIN (COSTS OFF) SELECT area, year, oba.dsr_agg(events, population, standard_population) FROM bench_dsr GROUP BY 1, 2;
DROP TABLE bench_dsr;
