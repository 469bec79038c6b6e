-- docs/reference/funnel.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
SELECT x, round(lower_2s::numeric, 2) AS lower_2s, round(upper_2s::numeric, 2) AS upper_2s
  FROM oba.funnel_limits('proportion', 250, 0.65);
--  x  | lower_2s | upper_2s
-- 250 |    59.09 |    70.91

-- a ratio: 12 observed; the lower limit lies at 20.96 expected events
SELECT x, round(lower_2s::numeric, 4) AS lower_2s, round(upper_2s::numeric, 4) AS upper_2s,
       round(lower_2s_denominator::numeric, 4) AS lower_2s_denominator
  FROM oba.funnel_limits('ratio', 12);
-- x  | lower_2s | upper_2s | lower_2s_denominator
-- 12 |   0.5725 |   1.9353 |              20.9616

SELECT oba.funnel_significance('ratio', 25, 14);                 -- High (0.025)

SELECT oba.funnel_significance('dsr', 9, 1000, 0.01);            -- Not applicable for events less than 10 for dsrs

-- the denominator of a DSR record: the population its rate implies (15 events at 153.15 per 100,000)
SELECT oba.funnel_denominator('dsr', 15, 9850, rate => 153.15110255037692);
-- funnel_denominator
--  9794.248784507417
-- <<< example

-- example >>>
-- DSRs per 100,000 over 3 years: the 9-event ward is blanked; the others sit at the
-- population per year their rate implies, beside oba.funnel_limits('dsr', ...)'s lines
SELECT ward, events, round(denominator::numeric, 1) AS denominator, value AS dsr
  FROM (VALUES ('Bevois', 9, 14200, 70.4), ('Coxford', 31, 15100, 221.9), ('Shirley', 48, 17900, 262.3))
         AS w(ward, events, population, dsr),
       LATERAL oba.funnel_points('dsr', events, population, dsr, 100000, 3);
--   ward  | events | denominator |  dsr
-- Bevois  |      9 |        NULL |  NULL
-- Coxford |     31 |      4656.8 | 221.9
-- Shirley |     48 |      6099.9 | 262.3

SELECT * FROM oba.funnel_points('proportion', 140, 250);
-- denominator |       value
--         250 | 56.00000000000001
-- <<< example
