-- A parallel plan (2 workers) splits the aggregates and gives identical results
-- (integer counts add exactly in any order).
CREATE TABLE par AS
  SELECT i % 70 AS ward, (i / 70) % 40 AS quarter, (i * 7919) % 13 AS events,
         1000 + (i % 97) AS population, (i % 3 = 0) AS flag
    FROM generate_series(1, 200000) i;
ANALYZE par;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS groups,
       md5(string_agg(format('%s|%s|%s|%s', ward, r, p, f), ',' ORDER BY ward)) AS digest
  FROM (SELECT ward, oba.rate_agg(events, population) AS r,
               oba.proportion_agg(events, population) AS p, oba.proportion_agg(flag) AS f
          FROM par GROUP BY ward) s \gset serial_
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
  SELECT ward, oba.rate_agg(events, population) AS r,
         oba.proportion_agg(events, population) AS p, oba.proportion_agg(flag) AS f
    FROM par GROUP BY ward;
SELECT count(*) AS groups,
       md5(string_agg(format('%s|%s|%s|%s', ward, r, p, f), ',' ORDER BY ward)) AS digest
  FROM (SELECT ward, oba.rate_agg(events, population) AS r,
               oba.proportion_agg(events, population) AS p, oba.proportion_agg(flag) AS f
          FROM par GROUP BY ward) s \gset parallel_
SELECT :serial_groups AS groups, :'serial_digest' = :'parallel_digest' AS identical;
RESET ALL;
