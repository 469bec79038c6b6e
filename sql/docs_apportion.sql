-- docs/reference/apportion.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
SELECT target_code, oba.apportion_agg(children, weight) AS children,
       round(oba.apportion_mean_agg(pct, area)::numeric, 3) AS pct
  FROM (VALUES ('A', 'X', 0.75, 750, 100, 20), ('A', 'Y', 0.25, 250, 100, 20), ('B', 'Y', 1, 400, 40, 10))
         AS w(source_code, target_code, weight, area, children, pct)
 GROUP BY 1 ORDER BY 1;
-- target_code | children |  pct
-- X           |       75 | 20.000
-- Y           |       65 | 13.846

SELECT oba.largest_remainder('{4.5, 3.5, 2}') AS ten, oba.largest_remainder('{0.6, 0.6, 0.8}') AS two;
--   ten   |   two
-- {5,3,2} | {1,0,1}
-- <<< example
