-- docs/reference/value_for_money.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
-- Enfield's FASH: 121 cases, 251,075 in all, an average benefit of 6,218 a case
SELECT round(value::numeric, 2) AS cost_per_case, round(lower::numeric, 2) AS lower, round(upper::numeric, 2) AS upper
  FROM oba.cost_per_outcome(251075, 121);
-- cost_per_case |  lower  |  upper
--       2075.00 | 1736.57 | 2500.72
SELECT round(value::numeric, 2) AS roi, round(lower::numeric, 2) AS lower, round(upper::numeric, 2) AS upper,
       numerator AS benefits, denominator AS cost
  FROM oba.return_on_investment(251075, 121, 6218);
--  roi | lower | upper | benefits |  cost
-- 3.00 |  2.49 |  3.58 |   752378 | 251075

-- no outcome yet: at least 271 an outcome, no upper bound
SELECT value, round(lower::numeric, 2) AS lower, upper FROM oba.cost_per_outcome(1000, 0);
-- value | lower  | upper
--  NULL | 271.09 |  NULL

-- case by case: open cases (no outcome yet) are left out; the unit benefit is the same for a group
SELECT team, round((c).value) AS cost_per_outcome, round((c).lower) AS lower, round((c).upper) AS upper,
       round((r).value::numeric, 2) AS roi, round((r).lower::numeric, 2) AS roi_lower, round((r).upper::numeric, 2) AS roi_upper
  FROM (SELECT team, oba.cost_per_outcome_agg(cost, avoided_care) AS c,
               oba.return_on_investment_agg(cost, avoided_care, 42000) AS r
          FROM (VALUES ('edge of care', 2900, 1), ('edge of care', 3400, 0), ('edge of care', 2600, 1),
                       ('edge of care', 3100, NULL), ('housing', 450, 1), ('housing', 500, 0), ('housing', 400, 0))
               AS cases(team, cost, avoided_care)
         GROUP BY team) s ORDER BY team;
--      team     | cost_per_outcome | lower | upper |  roi  | roi_lower | roi_upper
-- edge of care |             4450 |  1232 | 36745 |  9.44 |      1.14 |     34.09
-- housing      |             1350 |   242 | 53322 | 31.11 |      0.79 |    173.34

-- 1,000 in ten years at 3.5% and at 1.5%; a three-year programme's net present value
SELECT round(oba.present_value(1000, 10)::numeric, 2) AS pv_3_5, round(oba.present_value(1000, 10, 0.015)::numeric, 2) AS pv_1_5;
-- pv_3_5 | pv_1_5
-- 708.92 | 861.67
SELECT round(sum(oba.present_value(benefits - costs, year))::numeric) AS net_present_value
  FROM (VALUES (0, 769735, 0), (1, 769735, 1416000), (2, 769735, 1416000), (3, 0, 600000)) AS t(year, costs, benefits);
-- net_present_value
--            999137
-- <<< example
