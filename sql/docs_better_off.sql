-- docs/reference/better_off.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- the clients' scores (as sql/better_off.sql)
CREATE TEMP TABLE asq (client int, service text, quarter date, before int, after int);
INSERT INTO asq VALUES
  (1, 'Talk Together', '2024-04-01', 25, 40), (2, 'Talk Together', '2024-04-01', 30, 30),
  (3, 'Talk Together', '2024-04-01', 45, 40), (4, 'Talk Together', '2024-04-01', 20, 35),
  (5, 'Talk Together', '2024-04-01', 35, 50), (6, 'Talk Together', '2024-04-01', 40, NULL),
  (7, 'Talk Together', '2024-07-01', 15, 30), (8, 'Talk Together', '2024-07-01', 50, 55),
  (9, 'Talk Together', '2024-07-01', 30, 25), (10, 'Talk Together', '2024-07-01', NULL, 45);


-- example >>>
SELECT quarter, (oba.better_off_agg(before, after)).* FROM asq GROUP BY quarter;
-- <<< example
