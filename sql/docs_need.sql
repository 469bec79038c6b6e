-- docs/reference/need.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
-- a good level of development (higher is better, weight 2) and obesity (lower is better, weight 1);
-- with four wards, quintile k holds ranks above 4(k - 1)/5 up to 4k/5, so quintile 1 is empty
WITH indicator(ward, indicator, value, polarity, weight) AS (VALUES
  ('Bevois', 'gld', 58.0, 'higher_is_better', 2), ('Coxford', 'gld', 62.0, 'higher_is_better', 2),
  ('Portswood', 'gld', 71.0, 'higher_is_better', 2), ('Shirley', 'gld', 69.0, 'higher_is_better', 2),
  ('Bevois', 'obesity', 24.0, 'lower_is_better', 1), ('Coxford', 'obesity', 23.0, 'lower_is_better', 1),
  ('Portswood', 'obesity', 17.0, 'lower_is_better', 1), ('Shirley', 'obesity', 20.0, 'lower_is_better', 1)),
z AS (
  SELECT ward, indicator, weight,
         oba.need_z(value, avg(value) OVER w, stddev_samp(value) OVER w, polarity) AS z
    FROM indicator WINDOW w AS (PARTITION BY indicator)),
score AS (
  SELECT ward, oba.need_score_agg(z, weight) AS need FROM z GROUP BY ward)
SELECT ward, round(need::numeric, 3) AS need, rank() OVER (ORDER BY need DESC) AS need_rank,
       oba.quintile(rank() OVER (ORDER BY need DESC), count(need) OVER ()) AS quintile
  FROM score ORDER BY need DESC;
--   ward    |  need  | need_rank | quintile
-- Bevois    |  1.087 |         1 |        2
-- Coxford   |  0.541 |         2 |        3
-- Shirley   | -0.546 |         3 |        4
-- Portswood | -1.082 |         4 |        5

-- rank 7 of 30
SELECT oba.decile(7, 30) AS decile, oba.quintile(7, 30) AS quintile, oba.quantile_group(7, 30, 4) AS quartile;
-- decile | quintile | quartile
--      3 |        2 |        1

-- ties: rank() gives them the same rank, so they share a group
SELECT ward, need, rank() OVER w AS need_rank, oba.quintile(rank() OVER w, count(*) OVER ()) AS quintile
  FROM (VALUES ('A', 1.2), ('B', 0.8), ('C', 0.8), ('D', -0.1), ('E', -0.4), ('F', -1.5)) AS t(ward, need)
WINDOW w AS (ORDER BY need DESC) ORDER BY need DESC, ward;
-- ward | need | need_rank | quintile
-- A    |  1.2 |         1 |        1
-- B    |  0.8 |         2 |        2
-- C    |  0.8 |         2 |        2
-- D    | -0.1 |         4 |        4
-- E    | -0.4 |         5 |        5
-- F    | -1.5 |         6 |        5
-- <<< example

-- example >>>
-- the six wards above by both conventions: 'phe' fills from the bottom, so the extra ward goes to quintile 1
SELECT ward, need, rank() OVER w AS need_rank,
       oba.quintile(rank() OVER w, count(*) OVER ()) AS oba,
       oba.quintile(rank() OVER w, count(*) OVER (), 'phe') AS phe
  FROM (VALUES ('A', 1.2), ('B', 0.8), ('C', 0.8), ('D', -0.1), ('E', -0.4), ('F', -1.5)) AS t(ward, need)
WINDOW w AS (ORDER BY need DESC) ORDER BY need DESC, ward;
-- ward | need | need_rank | oba | phe
-- A    |  1.2 |         1 |   1 |   1
-- B    |  0.8 |         2 |   2 |   1
-- C    |  0.8 |         2 |   2 |   1
-- D    | -0.1 |         4 |   4 |   3
-- E    | -0.4 |         5 |   5 |   4
-- F    | -1.5 |         6 |   5 |   5

-- local deprivation deciles of 11 LSOAs by IMD score, decile 1 the most deprived (Fingertips' way);
-- the LSOA without a score gets none
SELECT lsoa, imd_score,
       CASE WHEN imd_score IS NOT NULL THEN oba.decile(rank() OVER w, count(imd_score) OVER (), 'phe') END AS phe,
       CASE WHEN imd_score IS NOT NULL THEN oba.decile(rank() OVER w, count(imd_score) OVER ()) END AS oba
  FROM (VALUES ('E01017140', 52.1), ('E01017141', 47.9), ('E01017142', 44.0), ('E01017143', 38.5),
               ('E01017144', 35.2), ('E01017145', 31.7), ('E01017146', 28.4), ('E01017147', 22.6),
               ('E01017148', 19.3), ('E01017149', 14.8), ('E01017150', 9.1), ('E01017151', NULL))
         AS l(lsoa, imd_score)
WINDOW w AS (ORDER BY imd_score DESC NULLS LAST) ORDER BY lsoa;
--   lsoa    | imd_score | phe  | oba
-- E01017140 |      52.1 |    1 |    1
-- E01017141 |      47.9 |    1 |    2
-- E01017142 |      44.0 |    2 |    3
-- E01017143 |      38.5 |    3 |    4
-- E01017144 |      35.2 |    4 |    5
-- E01017145 |      31.7 |    5 |    6
-- E01017146 |      28.4 |    6 |    7
-- E01017147 |      22.6 |    7 |    8
-- E01017148 |      19.3 |    8 |    9
-- E01017149 |      14.8 |    9 |   10
-- E01017150 |       9.1 |   10 |   10
-- E01017151 |      NULL | NULL | NULL
-- <<< example
