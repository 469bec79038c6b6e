-- docs/reference/proportion.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
-- none of 50: lower exactly 0
SELECT * FROM oba.proportion(0, 50);
-- value | lower |      upper       | numerator | denominator
--     0 |     0 | 7.13475991333587 |         0 |          50

-- a fraction rather than a percentage
SELECT (oba.proportion(231, 402, per => 1)).value;
--       value
-- 0.5746268656716418

-- counts by ward
SELECT ward, (oba.proportion_agg(gld, cohort)).*
  FROM (VALUES ('Bevois', 61, 130), ('Bevois', 70, 130), ('Coxford', 98, 170)) AS t(ward, gld, cohort)
 GROUP BY ward ORDER BY ward;
--  ward   |       value        |       lower       |       upper        | numerator | denominator
-- Bevois  |  50.38461538461539 | 44.34600732250834 | 56.412023659028634 |       131 |         260
-- Coxford | 57.647058823529406 | 50.13096582922023 |  64.82519030084151 |        98 |         170
-- <<< example
