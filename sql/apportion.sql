-- oba.largest_remainder, oba.apportion_agg and oba.apportion_mean_agg: the
-- arithmetic of apportionment, on any weights table (no PostGIS needed).
-- The Southampton reference is checked in sql/geo_reference.sql and in
-- test/unit/test_apportion.c.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- largest remainder: whole numbers that keep the (rounded) total
SELECT oba.largest_remainder('{4.5, 3.5, 2}');
SELECT oba.largest_remainder(ARRAY[100 * 0.99483203412457599, 100 * 0.0051679658752524209]);
SELECT oba.largest_remainder(ARRAY[1/3.0, 1/3.0, 1/3.0]::float8[]);   -- ties: the earlier element
SELECT oba.largest_remainder('{0.25, 0.25}'), oba.largest_remainder('{0.75, 0.25}');  -- total rounded half to even
SELECT oba.largest_remainder('{}'), oba.largest_remainder(NULL) IS NULL AS strict;
SELECT pg_temp.err($$SELECT oba.largest_remainder('{1, -0.5}')$$);
SELECT pg_temp.err($$SELECT oba.largest_remainder('{1, NaN}')$$);
SELECT pg_temp.err($$SELECT oba.largest_remainder('{1, NULL}')$$);
SELECT pg_temp.err($$SELECT oba.largest_remainder('{{1, 2}, {3, 4}}')$$);

-- a weights table, as from an ONS lookup or oba.areal_weights
CREATE TABLE w (source_code text, target_code text, weight float8, area float8);
INSERT INTO w VALUES ('A', 'X', 0.75, 750), ('A', 'Y', 0.25, 250), ('B', 'Y', 1, 400),
                     ('C', 'Y', 0.5, 100), ('C', 'Z', 0.5, 100);
CREATE TABLE v (code text, children float8, pct float8);
INSERT INTO v VALUES ('A', 100, 20), ('B', 40, 10), ('C', NULL, NULL);

-- extensive: the sum of value x weight; a NULL source makes its targets NULL
SELECT target_code, oba.apportion_agg(children, weight) AS children,
       oba.apportion_mean_agg(pct, area) AS pct
  FROM w JOIN v ON v.code = w.source_code GROUP BY 1 ORDER BY 1;
-- skipping NULL sources is explicit
SELECT target_code, oba.apportion_agg(children, weight) FILTER (WHERE children IS NOT NULL) AS children,
       oba.apportion_mean_agg(pct, area) FILTER (WHERE pct IS NOT NULL) AS pct
  FROM w JOIN v ON v.code = w.source_code GROUP BY 1 ORDER BY 1;
-- no rows, FILTER (WHERE false), zero weight
SELECT oba.apportion_agg(children, weight) IS NULL AS no_rows,
       oba.apportion_mean_agg(children, weight) IS NULL AS no_rows_mean
  FROM w JOIN v ON v.code = w.source_code WHERE false;
SELECT oba.apportion_agg(1, 0) AS zero_weight_sum, oba.apportion_mean_agg(1, 0) AS zero_weight_mean;
-- bad rows
SELECT pg_temp.err($$SELECT oba.apportion_agg(1, NULL)$$);
SELECT pg_temp.err($$SELECT oba.apportion_agg(1, -0.5)$$);
SELECT pg_temp.err($$SELECT oba.apportion_agg('Infinity', 1)$$);
SELECT pg_temp.err($$SELECT oba.apportion_mean_agg(1, 'NaN')$$);
SELECT pg_temp.err($$SELECT oba.apportion_agg_final('{0,0,1,2}')$$);
-- each aggregate names itself in its messages
SELECT pg_temp.err($$SELECT oba.apportion_mean_agg(1, NULL)$$);
SELECT pg_temp.err($$SELECT oba.apportion_mean_agg('Infinity', 1)$$);
SELECT pg_temp.err($$SELECT oba.apportion_mean_agg_final('{0,0,1,2}')$$);
SELECT pg_temp.err($$SELECT oba.apportion_agg_combine('{0,0,1,0}', '{1,2}')$$);
SELECT pg_temp.err($$SELECT oba.apportion_mean_agg_combine('{0,0,1,0}', '{1,2}')$$);

-- parallel plans give the same sums (combine function)
CREATE TABLE big AS SELECT i % 7 AS t, (i % 13)::float8 AS v, (i % 5) / 4.0 AS w
  FROM generate_series(1, 100000) i;
ANALYZE big;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
EXPLAIN (COSTS OFF) SELECT t, oba.apportion_agg(v, w) FROM big GROUP BY t;
CREATE TABLE par AS SELECT t, oba.apportion_agg(v, w) AS s, oba.apportion_mean_agg(v, w) AS m FROM big GROUP BY t;
RESET max_parallel_workers_per_gather;
SELECT count(*) AS groups,
       bool_and(abs(p.s - q.s) <= 1e-9 * abs(q.s) AND abs(p.m - q.m) <= 1e-12 * abs(q.m)) AS same
  FROM par p JOIN (SELECT t, sum(v * w) AS s, sum(v * w) / sum(w) AS m FROM big GROUP BY t) q USING (t);
DROP TABLE w, v, big, par;
