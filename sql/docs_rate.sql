-- docs/reference/rate.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
-- no events: lower 0, and the exact upper limit (PHEindicatormethods: 36.888794541139355)
SELECT * FROM oba.rate(0, 1000);
-- value | lower |       upper        | numerator | denominator
--     0 |     0 | 36.888794541139355 |         0 |        1000

-- a rate may exceed per
SELECT (oba.rate(150, 100, per => 100)).value;         -- 150

-- per 100,000 with 99.8% limits, by ward: Byar's from 10 events, exact below
SELECT ward, (oba.rate_agg(admissions, children, 100000, 0.998)).*
  FROM (VALUES ('Bevois', 7, 2510), ('Bevois', 5, 1800), ('Coxford', 3, 2200)) AS t(ward, admissions, children)
 GROUP BY ward ORDER BY ward;
--  ward   |       value        |       lower       |       upper       | numerator | denominator
-- Bevois  |  278.4222737819025 | 92.81614826972155 | 628.3285232491971 |        12 |        4310
-- Coxford | 136.36363636363637 | 8.660608071291056 | 593.7382172358214 |         3 |        2200
-- <<< example
