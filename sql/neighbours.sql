-- oba.statistical_neighbours: each area's k most similar areas by the
-- Euclidean distance between standardised variables (CIPFA Nearest
-- Neighbours Model; DfE children's services statistical neighbours).
-- Normal use, an independent recomputation in SQL, order independence,
-- missing values, ties, errors, the size limits and cancellation. The
-- agreement with R on real data is sql/neighbours_reference.sql.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- six wards: % of residents aged 0-15, % aged 60+, residents per hectare
CREATE TEMP TABLE ward (code text, name text, pct_0_15 float8, pct_60plus float8, density float8);
INSERT INTO ward VALUES
  ('W1', 'Bevois', 17.0, 8.5, 98), ('W2', 'Bargate', 12.5, 9.8, 85),
  ('W3', 'Coxford', 22.4, 18.1, 52), ('W4', 'Redbridge', 23.9, 16.0, 48),
  ('W5', 'Bassett', 15.1, 24.6, 30), ('W6', 'Sholing', 19.8, 22.9, 41);
SELECT n.area, n.neighbour, n.rank, round(n.distance::numeric, 4) AS distance,
       round(n.relative_distance::numeric, 4) AS relative_distance
  FROM (SELECT array_agg(code ORDER BY code) AS areas,
               array_agg(ARRAY[pct_0_15, pct_60plus, density] ORDER BY code) AS variables
          FROM ward) w,
       oba.statistical_neighbours(w.areas, w.variables, 2) n;

-- weights: the density counts four times (its differences twice as far)
SELECT n.area, n.neighbour, n.rank, round(n.distance::numeric, 4) AS distance
  FROM (SELECT array_agg(code ORDER BY code) AS areas,
               array_agg(ARRAY[pct_0_15, pct_60plus, density] ORDER BY code) AS variables
          FROM ward) w,
       oba.statistical_neighbours(w.areas, w.variables, 1, ARRAY[1, 1, 4]::float8[]) n;

-- one variable as a plain array; k larger than the areas: every other area
SELECT area, array_agg(neighbour ORDER BY rank) AS by_density
  FROM oba.statistical_neighbours(ARRAY['W1', 'W2', 'W3', 'W4'], ARRAY[98, 85, 52, 48]::float8[], 10)
 GROUP BY area ORDER BY area;

-- ---- an independent recomputation: z-scores by window functions, every pair
-- by a self-join, ranks by row_number over (distance, code) ----
CREATE TEMP TABLE area300 AS
SELECT 'A' || lpad(i::text, 3, '0') AS code,
       ((i * 7919) % 4)::float8 AS v1,        -- 4 x 5 x 3 levels for 300 areas:
       ((i * 104729) % 5) / 2.0 AS v2,        -- many alike, so many exact ties
       ((i * 31) % 3)::float8 AS v3
  FROM generate_series(1, 300) i;
CREATE TEMP TABLE got300 AS
SELECT n.* FROM (SELECT array_agg(code ORDER BY code) AS a, array_agg(ARRAY[v1, v2, v3] ORDER BY code) AS v
                   FROM area300) s,
               oba.statistical_neighbours(s.a, s.v, 7, ARRAY[1, 0.5, 2]::float8[]) n;
CREATE TEMP TABLE want300 AS
WITH z AS (
  SELECT code, (v1 - avg(v1) OVER ()) / stddev_samp(v1) OVER () AS z1,
               (v2 - avg(v2) OVER ()) / stddev_samp(v2) OVER () AS z2,
               (v3 - avg(v3) OVER ()) / stddev_samp(v3) OVER () AS z3
    FROM area300),
pair AS (
  SELECT a.code AS area, b.code AS neighbour,
         sqrt((a.z1 - b.z1) ^ 2 + 0.5 * (a.z2 - b.z2) ^ 2 + 2 * (a.z3 - b.z3) ^ 2) AS distance
    FROM z a JOIN z b ON a.code <> b.code),
ranked AS (
  SELECT area, neighbour, distance, max(distance) OVER () AS farthest,
         row_number() OVER (PARTITION BY area ORDER BY distance, neighbour COLLATE "C") AS rank
    FROM pair)
SELECT area, neighbour, rank::int, distance, distance / farthest AS relative_distance FROM ranked WHERE rank <= 7;
SELECT (SELECT count(*) FROM got300) AS rows,
       count(*) FILTER (WHERE g.neighbour = w.neighbour) AS same_neighbour,
       count(*) FILTER (WHERE abs(g.distance - w.distance) <= 1e-12 * w.distance) AS same_distance,
       count(*) FILTER (WHERE abs(g.relative_distance - w.relative_distance) <= 1e-12) AS same_relative,
       count(*) FILTER (WHERE g.neighbour <> w.neighbour AND abs(g.distance - w.distance) <= 1e-12 * w.distance)
         AS tie_order_differs
  FROM want300 w JOIN got300 g USING (area, rank);
-- the ties are real: neighbours at equal distance, ranked by code
SELECT count(*) AS tied_pairs FROM got300 a JOIN got300 b ON a.area = b.area AND b.rank = a.rank + 1
 WHERE a.distance = b.distance;
SELECT count(*) AS ties_out_of_code_order FROM got300 a JOIN got300 b ON a.area = b.area AND b.rank = a.rank + 1
 WHERE a.distance = b.distance AND a.neighbour > b.neighbour;

-- ---- the order of the arrays does not matter ----
CREATE TEMP TABLE shuffled AS
SELECT n.* FROM (SELECT array_agg(code ORDER BY md5(code)) AS a, array_agg(ARRAY[v1, v2, v3] ORDER BY md5(code)) AS v
                   FROM area300) s,
               oba.statistical_neighbours(s.a, s.v, 7, ARRAY[1, 0.5, 2]::float8[]) n;
SELECT (SELECT count(*) FROM (SELECT * FROM got300 EXCEPT SELECT * FROM shuffled) x) AS only_sorted,
       (SELECT count(*) FROM (SELECT * FROM shuffled EXCEPT SELECT * FROM got300) x) AS only_shuffled;

-- ---- missing values: the area takes no part, and says so ----
SELECT n.area, n.neighbour, n.rank, round(n.distance::numeric, 4) AS distance
  FROM oba.statistical_neighbours(ARRAY['W1', 'W2', 'W3', 'W4'],
                                  ARRAY[[1, 10], [2, 10], [3, NULL], [6, 30]]::float8[], 2) n;
-- the others are standardised without it: the same as leaving it out
SELECT count(*) AS differ FROM (
  (SELECT * FROM oba.statistical_neighbours(ARRAY['W1', 'W2', 'W4'], ARRAY[[1, 10], [2, 10], [6, 30]]::float8[], 2)
   EXCEPT
   SELECT * FROM oba.statistical_neighbours(ARRAY['W1', 'W2', 'W3', 'W4'],
                                            ARRAY[[1, 10], [2, 10], [3, NULL], [6, 30]]::float8[], 2))) x;
-- no other complete area, one area, no areas
SELECT * FROM oba.statistical_neighbours(ARRAY['W1', 'W2'], ARRAY[[1, NULL], [2, 10]]::float8[]);
SELECT * FROM oba.statistical_neighbours(ARRAY['W1'], ARRAY[[1, 2]]::float8[]);
SELECT count(*) AS rows FROM oba.statistical_neighbours('{}'::text[], '{}'::float8[]);
-- a constant variable counts 0; every area alike: no relative distance
SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b', 'c'], ARRAY[[1, 7], [2, 7], [4, 7]]::float8[], 1);
SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b', 'c'], ARRAY[5, 5, 5]::float8[], 1);

-- ---- bad input: SQLSTATE and a message naming the argument ----
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(NULL, ARRAY[1, 2]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], NULL)$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[1, 2]::float8[], NULL)$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', NULL], ARRAY[1, 2]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b', 'a'], ARRAY[1, 2, 3]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b', 'c'], ARRAY[1, 2]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[[1, 2, 3], [4, 5, 6], [7, 8, 9]]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY[['a', 'b']], ARRAY[1, 2]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[1, 2]::float8[], 0)$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[1, 'NaN']::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[[1, 2], ['-Infinity', 3]]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[[1, 2], [3, 4]]::float8[], 1, ARRAY[1]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[[1, 2], [3, 4]]::float8[], 1, ARRAY[1, NULL]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[[1, 2], [3, 4]]::float8[], 1, ARRAY[1, -1]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[[1, 2], [3, 4]]::float8[], 1, ARRAY[0, 0]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'], ARRAY[[1, 2], [3, 4]]::float8[], 1, ARRAY[1, 1e13]::float8[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b', 'c'], ARRAY[1e308, -1e308, 1e308]::float8[])$$);

-- ---- the documented limits (54000), refused before any work ----
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(
  (SELECT array_agg(i::text) FROM generate_series(1, 20001) i), (SELECT array_agg(i::float8) FROM generate_series(1, 20001) i))$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(ARRAY['a', 'b'],
  (SELECT array_agg(ARRAY(SELECT j::float8 FROM generate_series(1, 51) j)) FROM generate_series(1, 2)))$$);
SELECT pg_temp.err($$SELECT * FROM oba.statistical_neighbours(
  (SELECT array_agg(i::text) FROM generate_series(1, 20000) i), (SELECT array_agg(i::float8) FROM generate_series(1, 20000) i), 51)$$);
-- at the limits: 20,000 areas, 50 neighbours each (one variable with ties)
SELECT count(*) AS rows, count(DISTINCT area) AS areas, max(rank) AS k
  FROM oba.statistical_neighbours((SELECT array_agg(i::text) FROM generate_series(1, 20000) i),
                                  (SELECT array_agg((i % 1000)::float8) FROM generate_series(1, 20000) i), 50);

-- ---- a cancel arrives within a second: 20,000 areas of 50 variables (the
-- pair loop takes several seconds), the arrays built beforehand ----
CREATE TEMP TABLE big AS
SELECT array_agg('E' || lpad(i::text, 8, '0') ORDER BY i) AS areas,
       array_agg(ARRAY(SELECT ((i * 7919 + j * 104729) % 1009)::float8 FROM generate_series(1, 50) j) ORDER BY i) AS variables
  FROM generate_series(1, 20000) i;
SELECT cardinality(areas) AS areas, array_length(variables, 2) AS variables FROM big;
SET statement_timeout = '300ms';
DO $$
DECLARE n bigint;
BEGIN
  SELECT count(*) INTO n FROM big, oba.statistical_neighbours(big.areas, big.variables, 10) s;
  RAISE NOTICE 'statistical_neighbours finished before the timeout: make the input larger';
EXCEPTION WHEN query_canceled THEN
  RAISE NOTICE 'statistical_neighbours cancelled within a second: %',
    clock_timestamp() - statement_timestamp() < interval '1.3 seconds';
END $$;
RESET statement_timeout;
