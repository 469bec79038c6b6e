-- demo/pipeline.sql: the main job, all in SQL with oba. After demo/setup.sql,
-- data/geo/load.sql and demo/generate.sql (run by demo/run):
--   1. LSOA counts apportioned to Birmingham's 69 wards (oba_geo, areal
--      weights with the covered denominator, so totals are kept);
--   2. the report card's indicators and observations (oba.indicator,
--      oba.observation): wards with the city as parent, and the city;
--   3. demo.report_card: oba.report_card (value and 95% interval by kind,
--      the city's value, suppression, the comparison with the city, the
--      recent trend, the turn-the-curve status and the SPC variation, each
--      as at its period) with ward names, period labels and the funnel-plot
--      significance;
--   4. demo.report_card_mv, materialised with a unique index so that it is
--      refreshed concurrently, and scheduled with pg_cron when present;
--   5. demo.shared_extract: what would be shared (ward rows, small numbers
--      suppressed, whole numbers);
--   6. the programme wards' statistical neighbours among the other wards
--      (oba.statistical_neighbours), the comparison group a reader expects;
--   7. inequality: breastfeeding across deciles of the LSOA need index, the
--      slope and relative index of inequality (oba.sii_agg) in the year
--      before the programme and in the latest year.
-- The programme: six wards from 2021-04-01 (demo.programme_ward).
SET client_min_messages = warning;

-- ---- 1. apportionment ------------------------------------------------------
CREATE TABLE demo.lsoa AS
  SELECT l.code, l.name, l.geom FROM geo.lsoa l WHERE l.lad_code = 'E08000025';
CREATE TABLE demo.ward AS
  SELECT w.code, w.name, w.geom, pw.ward_code IS NOT NULL AS programme
    FROM geo.wards19 w LEFT JOIN demo.programme_ward pw ON pw.ward_code = w.code
   WHERE w.lad_code = 'E08000025';
ALTER TABLE demo.lsoa ADD PRIMARY KEY (code);
ALTER TABLE demo.ward ADD PRIMARY KEY (code);
CREATE INDEX ON demo.lsoa USING gist (geom);
CREATE INDEX ON demo.ward USING gist (geom);
ANALYZE demo.lsoa, demo.ward;

-- The share of each LSOA in each ward. 'covered' divides by the part of the
-- LSOA the wards cover, so no child is lost where the layers' edges differ.
CREATE TABLE demo.lsoa_ward_weight AS
  SELECT source_code AS lsoa_code, target_code AS ward_code, weight
    FROM oba.areal_weights('demo.lsoa', 'demo.ward', denominator => 'covered');
CREATE TABLE demo.overlay AS SELECT * FROM oba.overlay_diagnostics('demo.lsoa', 'demo.ward');

-- Counts by LSOA and period, one row per measure: numerator and denominator.
CREATE TABLE demo.lsoa_count (
  measure text NOT NULL, lsoa_code text NOT NULL, period_start date NOT NULL,
  numerator float8 NOT NULL, denominator float8,
  PRIMARY KEY (measure, lsoa_code, period_start));
-- breastfeeding at 6-8 weeks by financial-year quarter (of the births whose
-- status was recorded at the review)
INSERT INTO demo.lsoa_count
  SELECT 'BF', lsoa11_code, oba.fy_quarter_start(birth_date),
         count(*) FILTER (WHERE breastfed_6_8_weeks), count(breastfed_6_8_weeks)
    FROM demo.births GROUP BY 2, 3 HAVING count(breastfed_6_8_weeks) > 0;
-- low birth weight and smoking at delivery by financial year
INSERT INTO demo.lsoa_count
  SELECT 'LBW', lsoa11_code, make_date(left(oba.fy(birth_date), 4)::int, 4, 1),
         count(*) FILTER (WHERE low_birth_weight), count(low_birth_weight)
    FROM demo.births GROUP BY 2, 3;
INSERT INTO demo.lsoa_count
  SELECT 'SMK', lsoa11_code, make_date(left(oba.fy(birth_date), 4)::int, 4, 1),
         count(*) FILTER (WHERE smoking_at_delivery), count(smoking_at_delivery)
    FROM demo.births GROUP BY 2, 3 HAVING count(smoking_at_delivery) > 0;
-- a good level of development at the end of reception, by academic year
INSERT INTO demo.lsoa_count
  SELECT 'GLD', lsoa11_code, make_date(left(oba.academic_year(assessed_on), 4)::int, 9, 1),
         count(*) FILTER (WHERE good_level_of_development), count(*)
    FROM demo.eyfsp GROUP BY 2, 3;
-- families supported per 10,000 children aged 0-15 (mid-2015), by financial year
INSERT INTO demo.lsoa_count
  SELECT 'FS_REACH', y.lsoa11_code, y.fy_start, coalesce(c.n, 0), y.pop_0_15
    FROM (SELECT l.lsoa11_code, l.pop_0_15, f.fy_start
            FROM demo.lsoa_profile l,
                 (SELECT DISTINCT make_date(left(oba.fy(enrolled_on), 4)::int, 4, 1) AS fy_start
                    FROM demo.service_clients) f) y
    LEFT JOIN (SELECT lsoa11_code, make_date(left(oba.fy(enrolled_on), 4)::int, 4, 1) AS fy_start, count(*) AS n
                 FROM demo.service_clients GROUP BY 1, 2) c USING (lsoa11_code, fy_start);

-- Apportioned to wards: Σ count × weight (fractional; the report card rounds
-- what it publishes). Every LSOA's weights add up to 1, so ward totals
-- equal LSOA totals.
CREATE TABLE demo.ward_count AS
  SELECT c.measure, w.ward_code, c.period_start,
         oba.apportion_agg(c.numerator, w.weight) AS numerator,
         oba.apportion_agg(c.denominator, w.weight) AS denominator
    FROM demo.lsoa_count c JOIN demo.lsoa_ward_weight w ON w.lsoa_code = c.lsoa_code
   GROUP BY 1, 2, 3;
ALTER TABLE demo.ward_count ADD PRIMARY KEY (measure, ward_code, period_start);

-- ---- 2. the report card's indicators and observations ----------------------
DELETE FROM oba.observation WHERE indicator_code IN (SELECT code FROM oba.indicator WHERE description LIKE 'oba demo:%');
DELETE FROM oba.indicator WHERE description LIKE 'oba demo:%';
INSERT INTO oba.indicator (code, name, question, service, polarity, kind, multiplier, unit,
                           suppress_threshold, strategy_start, description) VALUES
  ('BF', 'Breastfeeding at 6-8 weeks', 'population', NULL, 'higher_is_better', 'proportion', NULL, '%',
   5, '2021-04-01', 'oba demo: babies breastfed at the 6-8 week review, of those whose feeding was recorded; by financial-year quarter'),
  ('LBW', 'Low birth weight', 'population', NULL, 'lower_is_better', 'proportion', NULL, '%',
   5, '2021-04-01', 'oba demo: babies born under 2,500 g; by financial year'),
  ('SMK', 'Smoking at time of delivery', 'population', NULL, 'lower_is_better', 'proportion', NULL, '%',
   5, '2021-04-01', 'oba demo: mothers smoking at delivery, of those whose status was recorded; by financial year'),
  ('GLD', 'Good level of development at age 5', 'population', NULL, 'higher_is_better', 'proportion', NULL, '%',
   5, '2021-09-01', 'oba demo: children at a good level of development at the end of reception (EYFSP); by academic year'),
  ('FS_REACH', 'Families supported per 10,000 children', 'how_much', 'Family support', 'neutral', 'rate', NULL,
   'per 10,000 children aged 0-15', 5, NULL, 'oba demo: families starting with the family support service; by financial year'),
  ('FS_SCORED', 'Families with a review score', 'how_well', 'Family support', 'higher_is_better', 'proportion', NULL, '%',
   NULL, NULL, 'oba demo: families with a score at the start and at review; by financial-year quarter'),
  ('FS_BETTER', 'Families whose score improved', 'better_off', 'Family support', 'higher_is_better', 'proportion', NULL, '%',
   NULL, NULL, 'oba demo: families whose score improved between the start and the review (oba.better_off_agg); by financial-year quarter'),
  ('NBV', 'New birth visits within 14 days', 'how_well', 'Health visiting', 'higher_is_better', 'proportion', NULL, '%',
   NULL, '2023-04-01', 'oba demo: new birth visits made within 14 days of birth; by month, city-wide; a new booking system from April 2023');

-- wards (parent: the city), then the city from the LSOA counts themselves
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator, parent_area_code)
  SELECT measure, ward_code, 'ward', period_start, numerator, denominator, 'E08000025'
    FROM demo.ward_count;
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  SELECT measure, 'E08000025', 'lad', period_start, sum(numerator), sum(denominator)
    FROM demo.lsoa_count GROUP BY measure, period_start;
-- the service's quarter: how well (families with both scores) and better off
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  SELECT 'FS_SCORED', 'FAMILY_SUPPORT', 'service', q, (b).measured, (b).measured + (b).not_measured
    FROM (SELECT oba.fy_quarter_start(enrolled_on) AS q, oba.better_off_agg(score_before, score_after) AS b
            FROM demo.service_clients GROUP BY 1) s
  UNION ALL
  SELECT 'FS_BETTER', 'FAMILY_SUPPORT', 'service', q, (b).better, (b).measured
    FROM (SELECT oba.fy_quarter_start(enrolled_on) AS q, oba.better_off_agg(score_before, score_after) AS b
            FROM demo.service_clients GROUP BY 1) s;
-- the monthly measure, city-wide
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  SELECT 'NBV', 'E08000025', 'lad', month, visited_within_14_days, births_due FROM demo.monthly_visits;
ANALYZE oba.observation, oba.indicator;

-- ---- 3. the report card with its analysis ------------------------------------
-- oba.report_card gives each row as at its own period: the comparison of its
-- interval with the city's value (Fingertips), the recent trend (Fingertips,
-- last five periods), whether the curve has turned since the indicator's
-- strategy start (against the baseline forecast from the periods before) and
-- the SPC variation (NHS Making Data Count) of the series so far, all from
-- the published values (a suppressed value is a missing point). The demo
-- adds ward names, period labels and where each ward lies on the funnel
-- around the city's value.
CREATE VIEW demo.report_card AS
SELECT rc.indicator_code, rc.indicator_name, rc.question, rc.service, rc.polarity, rc.kind, rc.unit,
       rc.area_code, coalesce(w.name, CASE rc.area_code WHEN 'E08000025' THEN 'Birmingham'
                                                        WHEN 'FAMILY_SUPPORT' THEN 'Family support service' END) AS area_name,
       rc.area_type, coalesce(w.programme, false) AS programme_ward, rc.parent_area_code, rc.period_start,
       CASE WHEN rc.indicator_code IN ('BF', 'FS_SCORED', 'FS_BETTER') THEN oba.fy_quarter(rc.period_start)
            WHEN rc.indicator_code = 'GLD' THEN oba.academic_year(rc.period_start)
            WHEN rc.indicator_code = 'NBV' THEN to_char(rc.period_start, 'YYYY-MM')
            ELSE oba.fy(rc.period_start) END AS period,
       rc.numerator, rc.denominator, rc.value, rc.lower, rc.upper, rc.parent_value, rc.suppressed,
       rc.comparison AS compared_with_parent,
       CASE WHEN rc.parent_area_code IS NOT NULL AND rc.kind = 'proportion' AND rc.suppressed IS NULL
            THEN oba.funnel_significance('proportion', rc.numerator, rc.denominator, rc.parent_value / rc.multiplier)
            WHEN rc.parent_area_code IS NOT NULL AND rc.kind = 'rate' AND rc.suppressed IS NULL
            THEN oba.funnel_significance('rate', rc.numerator, rc.denominator, rc.parent_value / rc.multiplier) END
         AS funnel,
       rc.recent_trend_marker AS recent_trend,
       rc.curve_status,
       rc.spc_variation
  FROM oba.report_card rc
  JOIN oba.indicator i ON i.code = rc.indicator_code AND i.description LIKE 'oba demo:%'
  LEFT JOIN demo.ward w ON w.code = rc.area_code;

-- ---- 4. materialised, refreshed concurrently, on a schedule ----------------
\timing on
CREATE MATERIALIZED VIEW demo.report_card_mv AS SELECT * FROM demo.report_card;
\timing off
CREATE UNIQUE INDEX report_card_mv_key ON demo.report_card_mv (indicator_code, area_code, period_start);
CREATE INDEX ON demo.report_card_mv (indicator_code, period_start);
ANALYZE demo.report_card_mv;

-- ---- 5. what would be shared ---------------------------------------------------
-- Ward rows only, whole numbers: suppressed cells (numerator under 5, or
-- fewer than 5 who did not, and the cells that protect them) are blank, with
-- a flag; published numerators are rounded half up from the apportioned counts.
CREATE VIEW demo.shared_extract AS
  SELECT indicator_code, indicator_name, area_code, area_name, period, period_start,
         round(numerator)::bigint AS numerator, round(denominator)::bigint AS denominator,
         round(value::numeric, 1) AS value, round(lower::numeric, 1) AS lower, round(upper::numeric, 1) AS upper,
         round(parent_value::numeric, 1) AS city_value, compared_with_parent AS compared_with_city,
         CASE WHEN suppressed IS NOT NULL THEN 'suppressed' END AS note
    FROM demo.report_card_mv
   WHERE area_type = 'ward';
-- ---- 6. statistical neighbours of the programme wards ---------------------
-- Each ward's profile from ONS's mid-2015 populations of its LSOAs (ONS's
-- best-fit lookup) and its area: % of residents aged 0-15, % aged 60+ and
-- residents per hectare. Standardised over the city's 69 wards, the
-- distance of the CIPFA and DfE statistical neighbour models; each
-- programme ward keeps its five nearest wards outside the programme (the
-- full ranking, k => 68, filtered), against which its indicators are read.
CREATE TABLE demo.ward_profile AS
SELECT w.code, w.name, w.programme,
       100.0 * sum(p.pop_0_15) / sum(p.pop_total) AS pct_0_15,
       100.0 * sum(p.pop_60plus) / sum(p.pop_total) AS pct_60plus,
       sum(p.pop_total) / (ST_Area(w.geom) / 10000) AS residents_per_ha
  FROM demo.ward w
  JOIN demo.lsoa_ward_bestfit b ON b.ward_code = w.code
  JOIN demo.lsoa_population p ON p.lsoa11_code = b.lsoa11_code
 GROUP BY w.code, w.name, w.programme, w.geom;
ALTER TABLE demo.ward_profile ADD PRIMARY KEY (code);
CREATE TABLE demo.programme_neighbour AS
SELECT ward_code, neighbour_code, rank, city_rank, distance, relative_distance
  FROM (SELECT n.area AS ward_code, n.neighbour AS neighbour_code, n.rank AS city_rank,
               row_number() OVER (PARTITION BY n.area ORDER BY n.rank)::int AS rank,
               n.distance, n.relative_distance
          FROM (SELECT array_agg(code ORDER BY code) AS areas,
                       array_agg(ARRAY[pct_0_15, pct_60plus, residents_per_ha] ORDER BY code) AS variables
                  FROM demo.ward_profile) p,
               oba.statistical_neighbours(p.areas, p.variables, 68) n
         WHERE n.area IN (SELECT code FROM demo.ward WHERE programme)
           AND n.neighbour IN (SELECT code FROM demo.ward WHERE NOT programme)) x
 WHERE rank <= 5;
ALTER TABLE demo.programme_neighbour ADD PRIMARY KEY (ward_code, rank);
-- Breastfeeding at 6-8 weeks in each programme ward and, as the DfE's
-- benchmarking tools show it, the plain average of its neighbours' values:
-- before the programme (2015-16 to 2020-21) and in 2024-25.
CREATE VIEW demo.neighbour_comparison AS
WITH bf AS (
  SELECT ward_code, period_start >= '2021-04-01' AS after, 100 * sum(numerator) / sum(denominator) AS pct
    FROM demo.ward_count
   WHERE measure = 'BF' AND (period_start < '2021-04-01' OR period_start >= '2024-04-01')
   GROUP BY 1, 2)
SELECT pn.ward_code, w.name AS ward, string_agg(n.name, ', ' ORDER BY pn.rank) AS neighbours,
       max(wb.pct) AS ward_before, avg(nb.pct) AS neighbours_before,
       max(wa.pct) AS ward_2024_25, avg(na.pct) AS neighbours_2024_25
  FROM demo.programme_neighbour pn
  JOIN demo.ward_profile w ON w.code = pn.ward_code
  JOIN demo.ward_profile n ON n.code = pn.neighbour_code
  JOIN bf wb ON wb.ward_code = pn.ward_code AND NOT wb.after
  JOIN bf wa ON wa.ward_code = pn.ward_code AND wa.after
  JOIN bf nb ON nb.ward_code = pn.neighbour_code AND NOT nb.after
  JOIN bf na ON na.ward_code = pn.neighbour_code AND na.after
 GROUP BY pn.ward_code, w.name;
-- ---- 7. inequality across the need index -----------------------------------
-- The gap in breastfeeding at 6-8 weeks between the LSOAs most and least in
-- need, as the slope index of inequality (SII) and relative index of
-- inequality (RII) of PHEindicatormethods phe_sii (METHODS.md 19). The
-- deciles are of demo.lsoa_profile.need, the demo's stand-in for
-- deprivation (the percentile of the share of children in an LSOA's real
-- ONS population, nudged by a hash; not the Index of Multiple Deprivation):
-- 1 = the most in need, 63 or 64 of the city's 639 LSOAs each. The records
-- are SYNTHETIC: demo/generate.sql draws breastfeeding with a gradient of 30
-- points across the need index, and the programme's six wards are among the
-- most in need.
CREATE TABLE demo.lsoa_need_decile AS
SELECT lsoa11_code, need, oba.decile(rank() OVER (ORDER BY need DESC), count(*) OVER ()) AS decile
  FROM demo.lsoa_profile;
ALTER TABLE demo.lsoa_need_decile ADD PRIMARY KEY (lsoa11_code);
-- Breastfeeding by decile, with Wilson 95% limits (oba.proportion, of 1): in
-- 2020-21, the year before the programme, and in 2024-25; each decile's
-- LSOAs and their mean need index.
CREATE TABLE demo.need_decile_bf AS
SELECT x.period, x.decile, n.lsoas, n.mean_need, x.breastfed, x.recorded, (x.e).value, (x.e).lower, (x.e).upper
  FROM (SELECT oba.fy(c.period_start) AS period, d.decile, sum(c.numerator) AS breastfed, sum(c.denominator) AS recorded,
               oba.proportion(sum(c.numerator), sum(c.denominator), 1::pg_catalog.float8, 0.95::pg_catalog.float8) AS e
          FROM demo.lsoa_count c JOIN demo.lsoa_need_decile d ON d.lsoa11_code = c.lsoa_code
         WHERE c.measure = 'BF'
           AND (c.period_start BETWEEN '2020-04-01' AND '2021-03-31' OR c.period_start BETWEEN '2024-04-01' AND '2025-03-31')
         GROUP BY 1, 2) x
  JOIN (SELECT decile, count(*) AS lsoas, avg(need) AS mean_need FROM demo.lsoa_need_decile GROUP BY 1) n USING (decile);
ALTER TABLE demo.need_decile_bf ADD PRIMARY KEY (period, decile);
-- The SII in percentage points (multiplier 100; the line fitted to the
-- proportions themselves, transform false) and the RII, with 95% limits
-- from 100,000 simulations, seeded so that the demo prints the same limits
-- every time. Each decile weighs its recorded babies. Breastfeeding is
-- higher in less need, so the SII is positive: the fitted value at the
-- least-in-need end minus the most-in-need end. A decile where none or
-- every baby was breastfed (only at a tiny DEMO_SCALE) has no logit to draw
-- on: it goes in as missing, and the year has no SII (as phe_sii drops it).
CREATE TABLE demo.need_inequality AS
SELECT period, (s).quantiles, (s).population, (s).intercept, (s).sii, (s).sii_lower, (s).sii_upper,
       (s).rii, (s).rii_lower, (s).rii_upper
  FROM (SELECT period,
               oba.sii_agg(decile, recorded, CASE WHEN breastfed > 0 AND breastfed < recorded THEN value END,
                           CASE WHEN breastfed > 0 AND breastfed < recorded THEN lower END,
                           CASE WHEN breastfed > 0 AND breastfed < recorded THEN upper END,
                           'proportion'::pg_catalog.text, false::pg_catalog.bool,
                           100::pg_catalog.float8, 0.95::pg_catalog.float8, 100000::pg_catalog.int4,
                           2021::pg_catalog.int4) AS s
          FROM demo.need_decile_bf GROUP BY period) x;
ALTER TABLE demo.need_inequality ADD PRIMARY KEY (period);
RESET client_min_messages;
