-- bench/rate_proportion.sql: oba.rate_agg and oba.proportion_agg over 10
-- million rows in about 70 wards x 40 quarters, against the same GROUP BY
-- computing only sum()/count(), and against the Byar and Wilson formulas
-- written in plain SQL over those sums, in the same run. Targets: ratio to
-- sum()/count() <= 1.15; oba at least as fast as the plain SQL (ratio <= 1).
\if :{?rows}
\else
\set rows 10000000
\endif
\pset footer off
SET max_parallel_workers_per_gather = 0;

DROP TABLE IF EXISTS bench_wq;
CREATE TABLE bench_wq AS
  SELECT (i % 70) AS ward, ((i / 70) % 40) AS quarter,
         ((i * 2654435761) % 13)::int AS events,
         (500 + (i * 40503) % 1000)::int AS population,
         ((i * 7) % 10 < 6) AS flag
    FROM generate_series(1::bigint, :rows) i;
VACUUM ANALYZE bench_wq;
SELECT count(*) AS rows, count(DISTINCT (ward, quarter)) AS groups FROM bench_wq;

-- z for 95%, written out: plain SQL has no normal quantile.
\set z 1.959963984540054

SELECT * FROM bench.compare('rate_agg vs sum(), sum()',
  'SELECT ward, quarter, sum(events), sum(population) FROM bench_wq GROUP BY 1, 2',
  'SELECT ward, quarter, oba.rate_agg(events, population) FROM bench_wq GROUP BY 1, 2')
UNION ALL
SELECT * FROM bench.compare('proportion_agg(x, n) vs sum(), sum()',
  'SELECT ward, quarter, sum(events), sum(population) FROM bench_wq GROUP BY 1, 2',
  'SELECT ward, quarter, oba.proportion_agg(events, population) FROM bench_wq GROUP BY 1, 2')
UNION ALL
SELECT * FROM bench.compare('proportion_agg(flag) vs count() filter, count()',
  'SELECT ward, quarter, count(*) FILTER (WHERE flag), count(flag) FROM bench_wq GROUP BY 1, 2',
  'SELECT ward, quarter, oba.proportion_agg(flag) FROM bench_wq GROUP BY 1, 2')
UNION ALL
SELECT * FROM bench.compare('rate_agg vs Byar in plain SQL',
  format($q$SELECT ward, quarter, x / n * 10000 AS value,
                   x * (1 - 1 / (9 * x) - %1$s / (3 * sqrt(x))) ^ 3 / n * 10000 AS lower,
                   (x + 1) * (1 - 1 / (9 * (x + 1)) + %1$s / (3 * sqrt(x + 1))) ^ 3 / n * 10000 AS upper
              FROM (SELECT ward, quarter, sum(events)::float8 AS x, sum(population)::float8 AS n
                      FROM bench_wq GROUP BY 1, 2) s$q$, :'z'),
  'SELECT ward, quarter, (r).value, (r).lower, (r).upper
     FROM (SELECT ward, quarter, oba.rate_agg(events, population) AS r FROM bench_wq GROUP BY 1, 2) s')
UNION ALL
SELECT * FROM bench.compare('proportion_agg vs Wilson in plain SQL',
  format($q$SELECT ward, quarter, x / n * 100 AS value,
                   (2 * x + %1$s ^ 2 - %1$s * sqrt(%1$s ^ 2 + 4 * x * (1 - x / n))) / (2 * (n + %1$s ^ 2)) * 100 AS lower,
                   (2 * x + %1$s ^ 2 + %1$s * sqrt(%1$s ^ 2 + 4 * x * (1 - x / n))) / (2 * (n + %1$s ^ 2)) * 100 AS upper
              FROM (SELECT ward, quarter, sum(events)::float8 AS x, sum(population)::float8 AS n
                      FROM bench_wq GROUP BY 1, 2) s$q$, :'z'),
  'SELECT ward, quarter, (p).value, (p).lower, (p).upper
     FROM (SELECT ward, quarter, oba.proportion_agg(events, population) AS p FROM bench_wq GROUP BY 1, 2) s');

-- The same with a parallel plan (2 workers), and its results against serial.
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SELECT * FROM bench.compare('rate_agg vs sum(), sum(), 2 workers',
  'SELECT ward, quarter, sum(events), sum(population) FROM bench_wq GROUP BY 1, 2',
  'SELECT ward, quarter, oba.rate_agg(events, population) FROM bench_wq GROUP BY 1, 2')
UNION ALL
SELECT * FROM bench.compare('proportion_agg(flag) vs count(), 2 workers',
  'SELECT ward, quarter, count(*) FILTER (WHERE flag), count(flag) FROM bench_wq GROUP BY 1, 2',
  'SELECT ward, quarter, oba.proportion_agg(flag) FROM bench_wq GROUP BY 1, 2');

-- identical results: a digest of every group's estimates, serial and parallel
\set digest 'SELECT count(*) AS groups, md5(string_agg(format(''%s %s %s %s %s'', ward, quarter, r, q, f), '','' ORDER BY ward, quarter)) AS d FROM (SELECT ward, quarter, oba.rate_agg(events, population) AS r, oba.proportion_agg(events, population) AS q, oba.proportion_agg(flag) AS f FROM bench_wq GROUP BY 1, 2) s'
EXPLAIN (COSTS OFF) SELECT ward, quarter, oba.rate_agg(events, population) FROM bench_wq GROUP BY 1, 2;
:digest \gset par_
SET max_parallel_workers_per_gather = 0;
:digest \gset ser_
SELECT :ser_groups AS groups, :'ser_d' = :'par_d' AS parallel_identical_to_serial;
DROP TABLE bench_wq;
