-- Large tables on a shared server: oba.suppress_table answers a cancel
-- (statement_timeout) within a second, runs the secondary-suppression search
-- in O(cells log cells) rather than cubic time (a two-way table from
-- 1,000-element arrays took 104 seconds and a 2 second statement_timeout
-- could not stop it), and refuses a two-way table of more than 1,000,000
-- cells (54000). It suppresses the cells the plain search did (the code
-- before this rewrite, kept as the reference in test/unit/test_disclosure.c,
-- which compares the two on thousands of tables): on the 1,000-element table
-- the plain search also gives 638 primary and 46,133 secondary cells.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- Counts from a multiplicative hash of k: 2 in 10 zero, 4 in 10 from 1 to 6,
-- 4 in 10 from 1 to 150.
CREATE FUNCTION pg_temp.hash(k bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT (k * 2654435761) % 4294967296 $$;
CREATE FUNCTION pg_temp.draw(k bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN pg_temp.hash(k) % 10 < 2 THEN 0 WHEN pg_temp.hash(k) % 10 < 6 THEN 1 + (pg_temp.hash(k) / 10) % 6
              ELSE 1 + (pg_temp.hash(k) / 10) % 150 END $$;

-- The arrays, built before the timed calls.
CREATE TEMP TABLE big (name text PRIMARY KEY, r text[], c text[], n bigint[]);
-- 1,000 elements, two to a row and one to a column: a sparse 500 x 1000
-- table, whose lines' zeros the plain search added one rescan at a time
INSERT INTO big
SELECT 'pairs_' || m, array_agg('r' || (k / 2) ORDER BY k), array_agg('c' || k ORDER BY k),
       array_agg(pg_temp.draw(k) ORDER BY k)
  FROM unnest(ARRAY[1000, 2000]) m, generate_series(0, m - 1) k GROUP BY m;
-- 1000 x 1000: a chain of 500 blocks of 2 x 2 small cells, each joined to the
-- next by a small cell with a 10 beside it (threshold 2): 499 bridges, one
-- after the other
INSERT INTO big
SELECT 'chain', array_agg('r' || i ORDER BY i, j), array_agg('c' || j ORDER BY i, j),
       array_agg(CASE WHEN j / 2 = i / 2 OR j = i + 1 THEN 1 ELSE 10 END ORDER BY i, j)
  FROM generate_series(0, 999) i,
       LATERAL unnest(ARRAY[i / 2 * 2, i / 2 * 2 + 1, CASE WHEN i % 2 = 1 THEN i + 1 ELSE i + 2 END]) j
 WHERE j < 1000;
-- a one-way table of 1,000,000 labels
INSERT INTO big
SELECT 'one_way', array_agg('w' || k ORDER BY k), NULL, array_agg(pg_temp.draw(k) ORDER BY k)
  FROM generate_series(1, 1000000) k;
SELECT name, cardinality(n) AS elements,
       (SELECT count(DISTINCT x) FROM unnest(r) x) AS row_labels,
       (SELECT count(DISTINCT x) FROM unnest(c) x) AS col_labels
  FROM big WHERE name <> 'one_way' ORDER BY name;

-- A cancel arrives within a second of the timeout.
SET statement_timeout = '50ms';
DO $$
DECLARE k bigint;
BEGIN
  SELECT count(*) INTO k FROM big, LATERAL oba.suppress_table(r, c, n) WHERE name = 'pairs_1000';
  RAISE NOTICE 'the 1,000-element table finished before the timeout: make it larger';
EXCEPTION WHEN query_canceled THEN
  RAISE NOTICE 'the 1,000-element table cancelled within a second: %',
    clock_timestamp() - statement_timestamp() < interval '1.05 seconds';
END $$;
DO $$
DECLARE k bigint;
BEGIN
  SELECT count(*) INTO k FROM big, LATERAL oba.suppress_table(r, c, n, 2) WHERE name = 'chain';
  RAISE NOTICE 'the chain finished before the timeout: make it larger';
EXCEPTION WHEN query_canceled THEN
  RAISE NOTICE 'the chain cancelled within a second: %',
    clock_timestamp() - statement_timestamp() < interval '1.05 seconds';
END $$;
DO $$
DECLARE k bigint;
BEGIN
  SELECT count(*) INTO k FROM big, LATERAL oba.suppress_table(r, n) WHERE name = 'one_way';
  RAISE NOTICE 'the one-way table finished before the timeout: make it larger';
EXCEPTION WHEN query_canceled THEN
  RAISE NOTICE 'the one-way table cancelled within a second: %',
    clock_timestamp() - statement_timestamp() < interval '1.05 seconds';
END $$;

-- Run to the end, well inside a 5 second timeout (the plain search took 61
-- to 104 seconds on the first, and over ten minutes on the second).
SET statement_timeout = '5s';
CREATE TEMP TABLE out_pairs AS
SELECT s.* FROM big, LATERAL oba.suppress_table(r, c, n) s WHERE name = 'pairs_1000';
SELECT count(*) AS cells, count(*) FILTER (WHERE flag = 'primary') AS primary_cells,
       count(*) FILTER (WHERE flag = 'secondary') AS secondary_cells
  FROM out_pairs;
-- what it protects: no line (totals' row and column included) has a single
-- suppressed cell, none with a published total reveals a sum under 5
WITH truth AS (
  SELECT coalesce(u.r, '(total)') AS r, coalesce(u.c, '(total)') AS c, sum(u.n) AS v
    FROM big, unnest(r, c, n) u(r, c, n) WHERE name = 'pairs_1000'
   GROUP BY GROUPING SETS ((u.r, u.c), (u.r), (u.c), ())),
cells AS (
  SELECT coalesce(o.row_label, '(total)') AS r, coalesce(o.col_label, '(total)') AS c,
         o.flag IS NOT NULL AS hidden, coalesce(t.v, 0) AS v
    FROM out_pairs o
    LEFT JOIN truth t ON t.r = coalesce(o.row_label, '(total)') AND t.c = coalesce(o.col_label, '(total)')),
lines AS (
  SELECT count(*) FILTER (WHERE hidden) AS n_hidden,
         count(*) FILTER (WHERE hidden AND c <> '(total)') AS n_cells_hidden,
         sum(v) FILTER (WHERE hidden AND c <> '(total)') AS sum_hidden,
         bool_or(c = '(total)' AND NOT hidden) AS total_published
    FROM cells GROUP BY r
  UNION ALL
  SELECT count(*) FILTER (WHERE hidden), count(*) FILTER (WHERE hidden AND r <> '(total)'),
         sum(v) FILTER (WHERE hidden AND r <> '(total)'), bool_or(r = '(total)' AND NOT hidden)
    FROM cells GROUP BY c)
SELECT count(*) AS lines, count(*) FILTER (WHERE n_hidden = 1) AS lines_with_one_suppressed,
       count(*) FILTER (WHERE total_published AND n_cells_hidden > 0 AND sum_hidden < 5) AS lines_revealing_a_small_sum
  FROM lines;
SELECT count(*) AS cells, count(*) FILTER (WHERE flag = 'primary') AS primary_cells,
       count(*) FILTER (WHERE flag = 'secondary') AS secondary_cells
  FROM big, LATERAL oba.suppress_table(r, c, n, 2) s WHERE name = 'chain';
-- each join's secondary cell is the 10 beside it
SELECT count(*) AS secondary_cells, bool_and(row_label = 'r' || (substr(col_label, 2)::int - 2)) AS beside_the_join
  FROM big, LATERAL oba.suppress_table(r, c, n, 2) s WHERE name = 'chain' AND flag = 'secondary';
SELECT count(*) AS cells, count(*) FILTER (WHERE flag = 'primary') AS primary_cells,
       count(*) FILTER (WHERE flag = 'secondary') AS secondary_cells
  FROM big, LATERAL oba.suppress_table(r, n) s WHERE name = 'one_way';
RESET statement_timeout;

-- The limit: 1,000 x 2,000 cells is refused before any work, naming the size
-- and the limit.
SELECT pg_temp.err($$SELECT count(*) FROM big, LATERAL oba.suppress_table(r, c, n) WHERE name = 'pairs_2000'$$);
DO $$
DECLARE h text;
BEGIN
  PERFORM count(*) FROM big, LATERAL oba.suppress_table(r, c, n) WHERE name = 'pairs_2000';
EXCEPTION WHEN program_limit_exceeded THEN
  GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
  RAISE NOTICE 'hint: %', h;
END $$;
