-- docs/reference/report_card.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- the report card's rows are not kept
BEGIN;

-- the service's clients (as sql/report_card.sql)
-- The service's clients, 17 quarters from April 2021: first contact, the
-- wait since referral (shorter from April 2024), ASQ-3 scores at the start
-- and at review (missing for some).
CREATE TEMP TABLE tt_client (client int, referred date, seen date, asq_before int, asq_after int);
INSERT INTO tt_client
  SELECT c, seen - CASE WHEN seen < '2024-04-01' THEN 22 ELSE 10 END - (c * 37) % 41, seen,
         20 + (c * 7) % 30,
         CASE WHEN c % 9 = 0 THEN NULL ELSE 20 + (c * 7) % 30 + (c * 11) % 25 - 8 END
    FROM generate_series(0, 16) q,
         LATERAL (SELECT 24 + (3 * q) / 2 + (q * 7) % 5 AS n) nn,
         generate_series(1, nn.n) j,
         LATERAL (SELECT q * 100 + j AS c,
                         ('2021-04-01'::date + make_interval(months => 3 * q))::date + (j * 89) / nn.n AS seen) s;


-- example >>>
INSERT INTO oba.indicator (code, name, question, service, polarity, kind, unit, strategy_start, target) VALUES
  ('TT_SEEN', 'Children seen', 'how_much', 'Talk Together', 'neutral', 'count', 'children', NULL, NULL),
  ('TT_6WK', 'Seen within 6 weeks of referral', 'how_well', 'Talk Together', 'higher_is_better', 'proportion', '%',
   '2024-04-01', NULL),
  ('TT_ASQ', 'Children whose ASQ-3 communication score improved', 'better_off', 'Talk Together',
   'higher_is_better', 'proportion', '%', NULL, 60);
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator)
  SELECT 'TT_SEEN', 'TT', 'service', oba.fy_quarter_start(seen), count(*) FROM tt_client GROUP BY 4;
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  SELECT 'TT_6WK', 'TT', 'service', oba.fy_quarter_start(seen),
         count(*) FILTER (WHERE seen - referred <= 42), count(*)
    FROM tt_client GROUP BY 4;
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  SELECT 'TT_ASQ', 'TT', 'service', q, (b).better, (b).measured
    FROM (SELECT oba.fy_quarter_start(seen) AS q, oba.better_off_agg(asq_before, asq_after) AS b
            FROM tt_client GROUP BY 1) g;
-- <<< example

-- example >>>
SELECT question, indicator_name, oba.fy_quarter(period_start) AS quarter, numerator, denominator,
       round(value::numeric, 1) AS value, round(lower::numeric, 1) AS lower, round(upper::numeric, 1) AS upper, unit
  FROM oba.report_card
 WHERE service = 'Talk Together' AND period_start = '2025-04-01'
 ORDER BY array_position('{how_much,how_well,better_off}', question);
-- <<< example

-- example >>>
SELECT indicator_code, recent_trend_marker, curve_status, round(curve_effect::numeric, 1) AS curve_effect,
       round(curve_effect_p::numeric, 4) AS curve_effect_p, spc_variation, spc_special_cause,
       round(spc_mean::numeric, 1) AS spc_mean, round(spc_lpl::numeric, 1) AS spc_lpl,
       round(spc_upl::numeric, 1) AS spc_upl, spc_assurance
  FROM oba.report_card
 WHERE service = 'Talk Together' AND period_start = '2025-04-01'
 ORDER BY array_position('{how_much,how_well,better_off}', question);
-- <<< example

-- example >>>
SELECT oba.fy_quarter(period_start) AS quarter, numerator, denominator, round(value::numeric, 1) AS value,
       recent_trend, curve_status, round(curve_effect::numeric, 1) AS curve_effect, spc_variation, spc_special_cause,
       round(spc_mean::numeric, 1) AS spc_mean, spc_assurance
  FROM oba.report_card
 WHERE indicator_code = 'TT_6WK'
 ORDER BY period_start;
-- <<< example

-- example >>>
CREATE MATERIALIZED VIEW my_report_card AS SELECT * FROM oba.report_card;
CREATE UNIQUE INDEX ON my_report_card (indicator_code, area_code, period_start);
REFRESH MATERIALIZED VIEW CONCURRENTLY my_report_card;
-- <<< example

ROLLBACK;
