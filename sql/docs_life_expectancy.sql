-- docs/reference/life_expectancy.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
-- PHEindicatormethods' example for phe_life_expectancy (a district), and the same rates in a ward of
-- 4,728 people. The package's tests (the PHE calculator) give the district 80.16960813 at birth and
-- 18.76856852 at 65. The ward is too small: 5,000 people or fewer give no life table.
WITH bands(start_age, deaths, population) AS (VALUES
       (0, 17, 7060), (1, 9, 35059), (5, 4, 46974), (10, 8, 48489), (15, 20, 43219), (20, 15, 38561),
       (25, 24, 46009), (30, 33, 57208), (35, 50, 61435), (40, 71, 55601), (45, 100, 50209), (50, 163, 56416),
       (55, 263, 46411), (60, 304, 39820), (65, 536, 37978), (70, 872, 37039), (75, 1390, 33288),
       (80, 1605, 23306), (85, 1936, 11936), (90, 1937, 11936)),
     areas(area, share) AS (VALUES ('district', 1), ('ward', 0.006))
SELECT area, (e).at_age, round((e).value::numeric, 4) AS value, round((e).lower::numeric, 2) AS lower,
       round((e).upper::numeric, 2) AS upper, round((e).standard_error::numeric, 4) AS se,
       round((e).population::numeric) AS population, round((e).deaths::numeric, 1) AS deaths, (e).note
  FROM (SELECT area, a, oba.life_expectancy_agg(start_age, deaths * share, population * share, a) AS e
          FROM bands, areas, (VALUES (0), (65)) AS ages(a)
         GROUP BY area, a) s
 ORDER BY area, 2;
-- area     | at_age |  value  | lower | upper |   se   | population | deaths |             note
-- district |      0 | 80.1696 | 79.88 | 80.46 | 0.1464 |     787954 | 9357.0 | NULL
-- district |     65 | 18.7686 | 18.58 | 18.96 | 0.0984 |     155483 | 8276.0 | NULL
-- ward     |      0 |    NULL |  NULL |  NULL |   NULL |       4728 |   56.1 | total population 5000 or less
-- ward     |     65 |    NULL |  NULL |  NULL |   NULL |        933 |   49.7 | total population 5000 or less
-- <<< example
