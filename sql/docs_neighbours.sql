-- docs/reference/neighbours.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
-- six wards: % of residents aged 0-15, % aged 60+, residents per hectare
WITH ward(code, pct_0_15, pct_60plus, density) AS (VALUES
  ('Bargate', 12.5, 9.8, 85.0), ('Bassett', 15.1, 24.6, 30.0), ('Bevois', 17.0, 8.5, 98.0),
  ('Coxford', 22.4, 18.1, 52.0), ('Redbridge', 23.9, 16.0, 48.0), ('Sholing', 19.8, 22.9, 41.0))
SELECT n.area, n.neighbour, n.rank, round(n.distance::numeric, 3) AS distance,
       round(n.relative_distance::numeric, 3) AS relative_distance
  FROM (SELECT array_agg(code ORDER BY code) AS areas,
               array_agg(ARRAY[pct_0_15, pct_60plus, density] ORDER BY code)::float8[] AS variables
          FROM ward) w,
       oba.statistical_neighbours(w.areas, w.variables, k => 2) n;
--    area   | neighbour | rank | distance | relative_distance
-- Bargate   | Bevois    |    1 |    1.155 |             0.324
-- Bargate   | Coxford   |    2 |    2.869 |             0.806
-- Bassett   | Sholing   |    1 |    1.179 |             0.331
-- Bassett   | Coxford   |    2 |    2.106 |             0.591
-- Bevois    | Bargate   |    1 |    1.155 |             0.324
-- Bevois    | Coxford   |    2 |    2.575 |             0.723
-- Coxford   | Redbridge |    1 |    0.491 |             0.138
-- Coxford   | Sholing   |    2 |    1.026 |             0.288
-- Redbridge | Coxford   |    1 |    0.491 |             0.138
-- Redbridge | Sholing   |    2 |    1.427 |             0.401
-- Sholing   | Coxford   |    1 |    1.026 |             0.288
-- Sholing   | Bassett   |    2 |    1.179 |             0.331

-- each ward against the average of its two statistical neighbours (a good level of development, %)
WITH ward(code, pct_0_15, pct_60plus, density, gld) AS (VALUES
  ('Bargate', 12.5, 9.8, 85.0, 61.0), ('Bassett', 15.1, 24.6, 30.0, 74.5), ('Bevois', 17.0, 8.5, 98.0, 55.2),
  ('Coxford', 22.4, 18.1, 52.0, 60.3), ('Redbridge', 23.9, 16.0, 48.0, 57.9), ('Sholing', 19.8, 22.9, 41.0, 66.8)),
nb AS (
  SELECT n.* FROM (SELECT array_agg(code ORDER BY code) AS areas,
                          array_agg(ARRAY[pct_0_15, pct_60plus, density] ORDER BY code)::float8[] AS variables
                     FROM ward) w,
                  oba.statistical_neighbours(w.areas, w.variables, 2) n)
SELECT a.code AS ward, a.gld, string_agg(nb.neighbour, ', ' ORDER BY nb.rank) AS neighbours,
       round(avg(b.gld), 1) AS neighbours_gld, round(a.gld - avg(b.gld), 1) AS difference
  FROM ward a JOIN nb ON nb.area = a.code JOIN ward b ON b.code = nb.neighbour
 GROUP BY a.code, a.gld ORDER BY a.code;
--    ward    | gld  |     neighbours     | neighbours_gld | difference
-- Bargate   | 61.0 | Bevois, Coxford    |           57.8 |        3.3
-- Bassett   | 74.5 | Sholing, Coxford   |           63.6 |       11.0
-- Bevois    | 55.2 | Bargate, Coxford   |           60.7 |       -5.5
-- Coxford   | 60.3 | Redbridge, Sholing |           62.4 |       -2.1
-- Redbridge | 57.9 | Coxford, Sholing   |           63.6 |       -5.7
-- Sholing   | 66.8 | Coxford, Bassett   |           67.4 |       -0.6

-- weights: density counts double; a missing value leaves the ward out (one row, no neighbour)
SELECT area, neighbour, round(distance::numeric, 3) AS distance
  FROM oba.statistical_neighbours(ARRAY['Bargate', 'Bassett', 'Bevois', 'Coxford'],
                                  ARRAY[[12.5, 85], [15.1, 30], [17.0, NULL], [22.4, 52]]::float8[],
                                  k => 1, weights => ARRAY[1, 2]::float8[]);
--   area   | neighbour | distance
-- Bargate | Coxford   |    2.562
-- Bassett | Coxford   |    1.813
-- Bevois  | NULL      |     NULL
-- Coxford | Bassett   |    1.813
-- <<< example
