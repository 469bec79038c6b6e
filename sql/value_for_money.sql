-- oba.cost_per_outcome, oba.return_on_investment, oba.present_value and the
-- aggregates oba.cost_per_outcome_agg, oba.return_on_investment_agg: normal
-- use, NULLs, errors, a parallel plan, and every row of the R reference
-- (test/reference/value_for_money_reference.csv, present_value_reference.csv;
-- derive_value_for_money_reference.R) to 1e-9 relative.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- Enfield's Family and Adolescent Support Service (DfE Innovation Programme,
-- thematic report 5): 121 cases cost 251,075 (2,075 a case), an average
-- benefit of 6,218 a case: a return of 3.0 on the observed cases.
SELECT 'cost per case' AS measure, round(value::numeric, 2) AS value, round(lower::numeric, 2) AS lower,
       round(upper::numeric, 2) AS upper, numerator, denominator
  FROM oba.cost_per_outcome(251075, 121)
UNION ALL
SELECT 'return per pound', round(value::numeric, 4), round(lower::numeric, 4), round(upper::numeric, 4), numerator, denominator
  FROM oba.return_on_investment(251075, 121, 6218);
-- at 99.8%, and with few outcomes (exact limits)
SELECT (oba.cost_per_outcome(251075, 121, 0.998)).*;
SELECT (oba.cost_per_outcome(9000, 3)).*, (oba.return_on_investment(9000, 3, 5000)).value AS roi;
-- no outcomes: no cost per outcome and no upper limit, but a lower one
SELECT (oba.cost_per_outcome(1000, 0)).*;
SELECT (oba.return_on_investment(1000, 0, 50)).*;
-- nothing spent
SELECT (oba.cost_per_outcome(0, 4)).*;
-- present values at the Green Book's 3.5%, and a net present value
SELECT oba.present_value(1000, 0) AS now, oba.present_value(1000, 1) AS in_a_year,
       oba.present_value(1000, 10) AS in_ten_years, oba.present_value(1000, 10, 0.015) AS at_1_5_pct;
SELECT round(sum(oba.present_value(benefit - cost, year))::numeric, 2) AS net_present_value
  FROM (VALUES (0, 769735, 0), (1, 769735, 1416000), (2, 769735, 1416000), (3, 0, 600000)) t(year, cost, benefit);

-- ---- the aggregates over case rows ----
CREATE TEMP TABLE fash (case_id int, team text, cost float8, avoided_care int);
INSERT INTO fash
SELECT i, CASE WHEN i % 3 = 0 THEN 'housing' ELSE 'edge of care' END,
       CASE WHEN i % 3 = 0 THEN 400 + (i % 7) * 50 ELSE 2600 + (i % 11) * 100 END,
       CASE WHEN (i * 7919) % 10 < 4 THEN 1 ELSE 0 END
  FROM generate_series(1, 121) i;
UPDATE fash SET avoided_care = NULL WHERE case_id IN (5, 17);     -- still open: no outcome yet
-- open cases (NULL outcome) are left out of both sums: cost is that of the closed cases
SELECT coalesce(team, 'all') AS team, cases, closed, cost, avoided_care,
       round((c).value::numeric, 2) AS cost_per_outcome, round((c).lower::numeric, 2) AS lower,
       round((c).upper::numeric, 2) AS upper,
       round((r).value::numeric, 3) AS roi, round((r).lower::numeric, 3) AS roi_lower, round((r).upper::numeric, 3) AS roi_upper
  FROM (SELECT team, count(*) AS cases, count(avoided_care) AS closed,
               sum(cost) FILTER (WHERE avoided_care IS NOT NULL) AS cost, sum(avoided_care) AS avoided_care,
               oba.cost_per_outcome_agg(cost, avoided_care) AS c,
               oba.return_on_investment_agg(cost, avoided_care, 42000) AS r
          FROM fash GROUP BY ROLLUP (team)) s
 ORDER BY s.team NULLS LAST;
-- the aggregate is the scalar function over the sums of the rows it keeps
SELECT (SELECT oba.cost_per_outcome_agg(cost, avoided_care) FROM fash)
       = (SELECT oba.cost_per_outcome(sum(cost), sum(avoided_care)) FROM fash WHERE avoided_care IS NOT NULL) AS cpo_same,
       (SELECT oba.return_on_investment_agg(cost, avoided_care, 42000, 0.9) FROM fash)
       = (SELECT oba.return_on_investment(sum(cost), sum(avoided_care), 42000, 0.9) FROM fash WHERE avoided_care IS NOT NULL) AS roi_same;
-- a running cost per outcome (a window), and no rows
SELECT case_id, outcomes_so_far, round((running).value::numeric, 2) AS running_cost_per_outcome
  FROM (SELECT case_id, sum(avoided_care) OVER w AS outcomes_so_far, oba.cost_per_outcome_agg(cost, avoided_care) OVER w AS running
          FROM fash WINDOW w AS (ORDER BY case_id)) s
 WHERE case_id IN (1, 2, 3, 30, 60, 121) ORDER BY case_id;
SELECT oba.cost_per_outcome_agg(cost, avoided_care) IS NULL AS no_rows,
       oba.return_on_investment_agg(cost, avoided_care, 100) IS NULL AS no_rows_roi
  FROM fash WHERE false;
SELECT oba.return_on_investment_agg(0, 3, 100) IS NULL AS nothing_spent;

-- ---- a parallel plan splits them and gives the same (a plain table: a
-- temporary one is never scanned in parallel) ----
CREATE TABLE cases_big AS
SELECT i % 50 AS team, (100 + i % 37)::float8 AS cost, (i % 3 = 0)::int AS outcome
  FROM generate_series(1, 100000) i;
ANALYZE cases_big;
CREATE TEMP TABLE serial_result AS
SELECT team, oba.cost_per_outcome_agg(cost, outcome) AS c, oba.return_on_investment_agg(cost, outcome, 300) AS r
  FROM cases_big GROUP BY team;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT team, oba.cost_per_outcome_agg(cost, outcome), oba.return_on_investment_agg(cost, outcome, 300)
  FROM cases_big GROUP BY team;
SELECT count(*) AS teams,
       count(*) FILTER (WHERE p.c = s.c AND p.r = s.r) AS identical
  FROM (SELECT team, oba.cost_per_outcome_agg(cost, outcome) AS c, oba.return_on_investment_agg(cost, outcome, 300) AS r
          FROM cases_big GROUP BY team) p JOIN serial_result s USING (team);
RESET ALL;
DROP TABLE cases_big;

-- ---- NULLs and bad input ----
SELECT oba.cost_per_outcome(NULL, 3) IS NULL AS strict_cpo, oba.return_on_investment(10, NULL, 3) IS NULL AS strict_roi,
       oba.present_value(NULL, 3) IS NULL AS strict_pv;
SELECT pg_temp.err($$SELECT oba.cost_per_outcome(-1, 3)$$);
SELECT pg_temp.err($$SELECT oba.cost_per_outcome(100, -3)$$);
SELECT pg_temp.err($$SELECT oba.cost_per_outcome('Infinity', 3)$$);
SELECT pg_temp.err($$SELECT oba.cost_per_outcome(100, 3, 1)$$);
SELECT pg_temp.err($$SELECT oba.return_on_investment(0, 3, 10)$$);
SELECT pg_temp.err($$SELECT oba.return_on_investment(100, 3, -10)$$);
SELECT pg_temp.err($$SELECT oba.return_on_investment(100, 'NaN', 10)$$);
SELECT pg_temp.err($$SELECT oba.present_value(100, -1)$$);
SELECT pg_temp.err($$SELECT oba.present_value(100, 1, 1.5)$$);
SELECT pg_temp.err($$SELECT oba.present_value(100, 1, -0.01)$$);
SELECT pg_temp.err($$SELECT oba.cost_per_outcome_agg(c, o) FROM (VALUES (10, 1), (-5, 1)) v(c, o)$$);
SELECT pg_temp.err($$SELECT oba.cost_per_outcome_agg(c, o, conf) FROM (VALUES (10, 1, 0.95), (5, 1, 0.9)) v(c, o, conf)$$);
SELECT pg_temp.err($$SELECT oba.cost_per_outcome_agg(c, o, NULL) FROM (VALUES (10, 1)) v(c, o)$$);
SELECT pg_temp.err($$SELECT oba.return_on_investment_agg(c, o, b) FROM (VALUES (10, 1, 500), (5, 1, 600)) v(c, o, b)$$);
SELECT pg_temp.err($$SELECT oba.return_on_investment_agg(c, o, b) FROM (VALUES (10, 1, NULL::float8)) v(c, o, b)$$);
SELECT pg_temp.err($$SELECT oba.return_on_investment_agg(c, o, -2) FROM (VALUES (10, 1)) v(c, o)$$);
SELECT pg_temp.err($$SELECT oba.cost_per_outcome_agg(c, o) FROM (VALUES (1e308::float8, 1), (1e308, 1)) v(c, o)$$);
SELECT pg_temp.err($$SELECT oba.cost_per_outcome_agg_trans(NULL::oba.agg_state, 1, 2)$$);
SELECT pg_temp.err($$SELECT oba.return_on_investment_agg_trans(NULL::oba.agg_state, 1, 2, 3)$$);
SELECT pg_temp.err($$SELECT oba.cost_per_outcome_agg_final('{1,2}')$$);
SELECT pg_temp.err($$SELECT oba.cost_per_outcome_agg_final('{1,-2,1,0,0.95}')$$);
SELECT pg_temp.err($$SELECT oba.return_on_investment_agg_combine('{1,2,1,5,0.95}', '{1,2,1,6,0.95}')$$);

-- ---- every row of the R reference ----
CREATE TEMP TABLE vfm_ref (case_id text, cost float8, outcomes float8, unit_benefit float8, confidence float8,
                           count_lower text, count_upper text, cpo_value text, cpo_lower text, cpo_upper text,
                           roi_value text, roi_lower text, roi_upper text);
\copy vfm_ref FROM 'test/reference/value_for_money_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE pv_ref (case_id text, amount float8, years float8, discount_rate float8, present_value float8);
\copy pv_ref FROM 'test/reference/present_value_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE FUNCTION pg_temp.num(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN t IN ('NA', 'NaN', '') THEN NULL ELSE t::float8 END $$;
CREATE FUNCTION pg_temp.agree(got float8, want text) RETURNS bool LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN pg_temp.num(want) IS NULL THEN got IS NULL
                 ELSE abs(got - pg_temp.num(want)) <= greatest(1e-9 * abs(pg_temp.num(want)), 1e-15) END $$;
CREATE TEMP TABLE vfm_checked AS
SELECT r.case_id, 'cost_per_outcome' AS measure,
       pg_temp.agree(c.value, r.cpo_value) AND pg_temp.agree(c.lower, r.cpo_lower) AND pg_temp.agree(c.upper, r.cpo_upper)
         AND c.numerator = r.cost AND c.denominator = r.outcomes AS agree
  FROM vfm_ref r, oba.cost_per_outcome(r.cost, r.outcomes, r.confidence) c
UNION ALL
SELECT r.case_id, 'return_on_investment',
       pg_temp.agree(o.value, r.roi_value) AND pg_temp.agree(o.lower, r.roi_lower) AND pg_temp.agree(o.upper, r.roi_upper)
         AND o.denominator = r.cost
  FROM vfm_ref r, oba.return_on_investment(r.cost, r.outcomes, r.unit_benefit, r.confidence) o
 WHERE r.cost > 0
UNION ALL
SELECT case_id, 'present_value',
       abs(oba.present_value(amount, years, discount_rate) - present_value) <= greatest(1e-12 * abs(present_value), 1e-300)
  FROM pv_ref;
SELECT measure, count(*) AS reference_rows, count(*) FILTER (WHERE agree) AS agree
  FROM vfm_checked GROUP BY measure ORDER BY measure;
-- a return of a cost of 0 is undefined: the reference has NA, oba refuses it
SELECT count(*) AS roi_rows_without_cost, bool_and(roi_value = 'NA') AS reference_na FROM vfm_ref WHERE cost = 0;
-- any disagreement, listed
SELECT * FROM vfm_checked WHERE agree IS NOT TRUE;
