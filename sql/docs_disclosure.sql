-- docs/reference/disclosure.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
SELECT oba.suppress(3), oba.suppress(0), oba.suppress(0, suppress_zero => true), oba.suppress(5);  -- NULL | 0 | NULL | 5
SELECT oba.round_to(12), oba.round_to(13), oba.round_to(15, 10);                                 -- 10 | 15 | 20
-- <<< example

-- example >>>
-- one-way: two small wards, 3 children between them, so a third ward goes too
SELECT * FROM oba.suppress_table(ARRAY['Bargate', 'Bevois', 'Coxford'], ARRAY[2, 1, 40]::bigint[]);
--  label  | is_total | published |   flag
-- Bargate | f        |      NULL | primary
-- Bevois  | f        |      NULL | primary
-- Coxford | f        |      NULL | secondary
-- NULL    | t        |        43 | NULL

-- two-way: ward by age band, with row, column and grand totals
SELECT * FROM oba.suppress_table(ARRAY['Bargate', 'Bargate', 'Bevois', 'Bevois'], ARRAY['0-4', '5-9', '0-4', '5-9'],
                                 ARRAY[12, 3, 20, 15]::bigint[]);
-- row_label | col_label | published |   flag
-- Bargate   | 0-4       |      NULL | secondary
-- Bargate   | 5-9       |      NULL | primary
-- Bargate   | NULL      |        15 | NULL
-- Bevois    | 0-4       |      NULL | secondary
-- Bevois    | 5-9       |      NULL | secondary
-- Bevois    | NULL      |        35 | NULL
-- NULL      | 0-4       |        32 | NULL
-- NULL      | 5-9       |        18 | NULL
-- NULL      | NULL      |        50 | NULL
-- <<< example

-- the table of counts (as sql/disclosure.sql)
CREATE TEMP TABLE ward_age (ward text, band text, children int);
INSERT INTO ward_age VALUES
  ('Bargate', '0-1', 12), ('Bargate', '2-3', 3), ('Bargate', '4-5', 25),
  ('Bassett', '0-1', 2), ('Bassett', '2-3', 18), ('Bassett', '4-5', 30),
  ('Bevois', '0-1', 40), ('Bevois', '2-3', 35), ('Bevois', '4-5', 1),
  ('Bitterne', '0-1', 22), ('Bitterne', '2-3', 27);          -- (Bitterne, 4-5) absent: 0

-- example >>>
SELECT s.*
  FROM (SELECT array_agg(ward) AS w, array_agg(band) AS b, array_agg(children) AS n FROM ward_age) t,
       LATERAL oba.suppress_table(t.w, t.b, t.n) s;
-- <<< example
