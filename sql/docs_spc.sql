-- docs/reference/spc.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- the waits of the example (as sql/spc.sql)
CREATE TEMP TABLE waits (month date, waiting float8);
INSERT INTO waits SELECT date '2022-04-01' + make_interval(months => (i - 1)::int), v
  FROM unnest(ARRAY[30, 32, 31, 29, 33, 30, 31, 32, 30, 31, 29, 32,
                    24, 25, 23, 24, 26, 24, 25, 23, 24, 25]::float8[]) WITH ORDINALITY u(v, i);

-- example >>>
SELECT t AS month, value, round(mean::numeric, 2) AS mean, round(lpl::numeric, 2) AS lpl,
       round(upl::numeric, 2) AS upl, special_cause, point_type, assurance
  FROM oba.spc_points((SELECT array_agg(month ORDER BY month) FROM waits),
                      (SELECT array_agg(waiting ORDER BY month) FROM waits),
                      'lower_is_better', target => 22);
-- <<< example

-- example >>>
SELECT (s).* FROM (SELECT oba.spc_agg(month, waiting, 'lower_is_better', 22) AS s FROM waits) x;
--  n  | value |        mean        |        lpl         |        upl        |   special_cause   |        point_type         |    variation    |    assurance    | short_group_warning
--  22 |    25 | 27.863636363636363 | 23.208636363636362 | 32.51863636363636 | 7 Points Below CL | special_cause_improvement | improvement_low | consistent_fail | f
SELECT (s).variation, (s).assurance
  FROM (SELECT oba.spc_agg(month, waiting, 'lower_is_better', 22, ARRAY[date '2023-04-01'],
                           NULL, true, 7, false) AS s FROM waits) x;
--  common_cause | inconsistent
-- <<< example
