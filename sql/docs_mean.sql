-- docs/reference/mean.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
-- the package's own example (Area1: 20, 30, 40): phe_mean gives 30 (5.1586228824967009 to 54.841377117503299)
SELECT (oba.mean_agg(v)).* FROM (VALUES (20), (30), (40)) AS t(v);
-- value |       lower       |      upper       | value_sum | value_count | stdev
--    30 | 5.158622882496701 | 54.8413771175033 |        90 |           3 |    10

-- mean birth weight (grams) by ward, with 99.8% limits; the NULL weight is skipped
SELECT ward, round(value::numeric, 1) AS mean, round(lower::numeric, 1) AS lower, round(upper::numeric, 1) AS upper,
       value_count AS n
  FROM (SELECT ward, (oba.mean_agg(grams, 0.998)).*
          FROM (VALUES ('Bevois', 3310), ('Bevois', 3520), ('Bevois', 2980), ('Bevois', 3405), ('Bevois', 3150),
                       ('Coxford', 3620), ('Coxford', 3390), ('Coxford', 3475), ('Coxford', NULL)) AS b(ward, grams)
         GROUP BY ward) s
 ORDER BY ward;
--   ward  |  mean  | lower  | upper  | n
-- Bevois  | 3273.0 | 2591.0 | 3955.0 | 5
-- Coxford | 3495.0 | 1995.9 | 4994.1 | 3

-- from published numbers: 8 values, mean 53.704345, sd 20.975575 (the package's test Area1: 36.17 to 71.24)
SELECT round(lower::numeric, 2) AS lower, round(upper::numeric, 2) AS upper, value_sum
  FROM oba.mean(8, 53.704345, 20.975575257709352);
-- lower | upper | value_sum
-- 36.17 | 71.24 | 429.63476
-- <<< example
