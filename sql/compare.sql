-- oba.compare, oba.proportion_difference, oba.rate_ratio, oba.gap_to_close,
-- and a worked example (wards of one city against the city and
-- each other, with funnel limits).
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.num(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN t IN ('NA', 'NaN', '') THEN NULL ELSE t::float8 END $$;
CREATE FUNCTION pg_temp.close(got float8, want float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN want IS NULL THEN got IS NULL
                 ELSE abs(got - want) <= greatest(1e-9 * abs(want), 1e-15) END $$;

-- ---- a worked example -----------------------------------------
CREATE TABLE eyfsp (ward text, programme boolean, gld int, cohort int);
INSERT INTO eyfsp VALUES
  ('Bargate', false, 118, 190), ('Bevois', true, 131, 260), ('Bitterne Park', false, 160, 215),
  ('Coxford', true, 98, 170), ('Freemantle', false, 140, 200), ('Harefield', false, 150, 205),
  ('Millbrook', true, 101, 180), ('Peartree', false, 149, 210), ('Portswood', false, 120, 160),
  ('Redbridge', true, 90, 175), ('Shirley', false, 165, 225), ('Sholing', false, 150, 200),
  ('Swaythling', true, 95, 150), ('Woolston', true, 112, 185);

-- 1. each ward against the city: its 95% and 99.8% intervals against the
--    city's percentage, and its place on the funnel around the city average
WITH city AS (SELECT sum(gld)::float8 / sum(cohort) AS average FROM eyfsp)
SELECT w.ward, w.gld, w.cohort, round(p.value::numeric, 1) AS pct,
       round(p.lower::numeric, 1) AS lower, round(p.upper::numeric, 1) AS upper,
       round((100 * city.average)::numeric, 1) AS city_pct,
       oba.compare(p, city.average * 100) AS against_city,
       oba.compare(p, p998, city.average * 100) AS two_level,
       oba.funnel_significance('proportion', w.gld, w.cohort, city.average) AS funnel
  FROM eyfsp w CROSS JOIN city,
       LATERAL oba.proportion(w.gld, w.cohort) p,
       LATERAL oba.proportion(w.gld, w.cohort, confidence => 0.998) p998
 ORDER BY p.value;

-- 2. the funnel lines for a chart: 100 cohort sizes from the smallest to the
--    largest ward, with the 95% and 99.8% limits around the city average
WITH s AS (SELECT sum(gld)::float8 / sum(cohort) AS average, min(cohort) AS smallest,
                  max(cohort) AS largest FROM eyfsp)
SELECT a.point, f.x AS cohort, round(f.lower_3s::numeric, 2) AS lower_998,
       round(f.lower_2s::numeric, 2) AS lower_95, round(f.baseline::numeric, 2) AS city,
       round(f.upper_2s::numeric, 2) AS upper_95, round(f.upper_3s::numeric, 2) AS upper_998
  FROM s, oba.funnel_axis('proportion', s.smallest, s.largest) a,
       oba.funnel_limits('proportion', a.x, s.average) f
 WHERE a.point IN (1, 25, 50, 75, 100)
 ORDER BY a.point;

-- 3. programme wards against the others: difference in percentage points
SELECT round(value::numeric, 2) AS difference, round(lower::numeric, 2) AS lower,
       round(upper::numeric, 2) AS upper, to_char(p_value, '9.9EEEE') AS p_value, method
  FROM (SELECT (oba.proportion_difference(
                  sum(gld) FILTER (WHERE programme), sum(cohort) FILTER (WHERE programme),
                  sum(gld) FILTER (WHERE NOT programme), sum(cohort) FILTER (WHERE NOT programme))).*
          FROM eyfsp) d;

-- 4. how many more children reaching a good level of development would bring
--    each ward to England's 67%
SELECT ward, gld, cohort, oba.gap_to_close(gld, cohort, 0.67) AS gap_to_england
  FROM eyfsp ORDER BY gap_to_england DESC, ward LIMIT 5;
SELECT sum(oba.gap_to_close(gld, cohort, 0.67)) AS wards_total,
       oba.gap_to_close(sum(gld), sum(cohort), 0.67) AS city_total
  FROM eyfsp;

-- ---- proportion_difference and rate_ratio against values derived with R ----
-- (test/reference/compare_reference.csv, made by derive_compare_reference.R
-- with base R: prop.test, fisher.test, poisson.test, pbinom)
CREATE TEMP TABLE cmp_ref (
  "case" text, x1 float8, n1 float8, x2 float8, n2 float8, confidence float8,
  pd_value text, pd_lower text, pd_upper text, pd_p_value text, pd_method text,
  rr_value text, rr_lower text, rr_upper text, rr_p_value text, note text);
\copy cmp_ref FROM 'test/reference/compare_reference.csv' WITH (FORMAT csv, HEADER true)
SELECT count(*) AS cases,
       count(*) FILTER (WHERE pg_temp.close((d).value, pg_temp.num(pd_value))
                          AND pg_temp.close((d).lower, pg_temp.num(pd_lower))
                          AND pg_temp.close((d).upper, pg_temp.num(pd_upper))
                          AND pg_temp.close((d).p_value, pg_temp.num(pd_p_value))
                          AND (d).method = pd_method) AS difference_agrees,
       count(*) FILTER (WHERE pg_temp.close((r).value, pg_temp.num(rr_value))
                          AND pg_temp.close((r).lower, pg_temp.num(rr_lower))
                          AND pg_temp.close((r).upper, pg_temp.num(rr_upper))
                          AND pg_temp.close((r).p_value, pg_temp.num(rr_p_value))) AS ratio_agrees
  FROM (SELECT c.*, oba.proportion_difference(x1, n1, x2, n2, 1, confidence) AS d,
               oba.rate_ratio(x1, n1, x2, n2, confidence) AS r FROM cmp_ref c) s;

-- this year against last: admissions per 10,000 children
SELECT round(value::numeric, 4) AS rate_ratio, round(lower::numeric, 4) AS lower,
       round(upper::numeric, 4) AS upper, round(p_value::numeric, 6) AS p_value, method
  FROM oba.rate_ratio(12, 4310, 30, 5120);
SELECT (oba.rate_ratio(0, 100, 0, 100)).*;
SELECT value, round(lower::numeric, 6) AS lower, upper IS NULL AS upper_infinite FROM oba.rate_ratio(7, 2100, 0, 2000);
SELECT oba.proportion_difference(1, NULL, 2, 10) IS NULL AS strict_pd,
       oba.rate_ratio(1, 10, NULL, 10) IS NULL AS strict_rr,
       oba.gap_to_close(1, 10, NULL) IS NULL AS strict_gap;

-- ---- compare: the Fingertips rules ----------------------------------------
SELECT b AS benchmark,
       oba.compare(ROW(50, 40, 60, NULL, NULL)::oba.estimate, b) AS higher_is_better,
       oba.compare(ROW(50, 40, 60, NULL, NULL)::oba.estimate, b, 'lower_is_better') AS lower_is_better,
       oba.compare(ROW(50, 40, 60, NULL, NULL)::oba.estimate, b, 'neutral') AS neutral,
       oba.compare(ROW(50, 40, 60, NULL, NULL)::oba.estimate, ROW(50, 35, 66, NULL, NULL)::oba.estimate, b) AS two_level,
       oba.compare(50, 40, 60, b, 'lower_is_better') AS plain_columns
  FROM (VALUES (30), (35), (39.9), (40), (50), (60), (60.1), (66), (70)) v(b);
-- not_compared: no interval, no estimate, no benchmark, no polarity
SELECT oba.compare(ROW(50, NULL, NULL, 3, 10)::oba.estimate, 40) AS no_interval,
       oba.compare(NULL::oba.estimate, 40) AS no_estimate,
       oba.compare(ROW(50, 40, 60, NULL, NULL)::oba.estimate, NULL) AS no_benchmark,
       oba.compare(ROW(50, 40, 60, NULL, NULL)::oba.estimate, 30, NULL) AS no_polarity,
       oba.compare(oba.rate_agg(x, 100), 50) AS empty_group
  FROM generate_series(1, 0) x;
SELECT oba.compare(oba.rate(12, 4310), 10, 'lower_is_better') AS rate_vs_england,
       oba.compare(oba.rate(12, 4310), oba.rate(12, 4310, confidence => 0.998), 10, 'lower_is_better') AS two_level;

-- bad input
SELECT pg_temp.err($$SELECT oba.compare(oba.rate(12, 4310), 10, 'High is good')$$);
SELECT pg_temp.err($$SELECT oba.compare(ROW(50, 60, 40, NULL, NULL)::oba.estimate, 10)$$);
SELECT pg_temp.err($$SELECT oba.compare(oba.rate(12, 4310), 'Infinity')$$);
SELECT pg_temp.err($$SELECT oba.compare(50, 40, 60, 'NaN')$$);
SELECT pg_temp.err($$SELECT oba.compare(oba.rate(12, 4310, confidence => 0.998), oba.rate(12, 4310), 10)$$);
SELECT pg_temp.err($$SELECT oba.proportion_difference(11, 10, 1, 10)$$);
SELECT pg_temp.err($$SELECT oba.proportion_difference(1, 10, 12, 10)$$);
SELECT pg_temp.err($$SELECT oba.proportion_difference(-1, 10, 1, 10)$$);
SELECT pg_temp.err($$SELECT oba.proportion_difference(1, 0, 1, 10)$$);
SELECT pg_temp.err($$SELECT oba.proportion_difference(1, 10, 1, 10, per => 0)$$);
SELECT pg_temp.err($$SELECT oba.proportion_difference(1, 10, 1, 10, confidence => 95)$$);
SELECT pg_temp.err($$SELECT oba.rate_ratio(1, 10, -1, 10)$$);
SELECT pg_temp.err($$SELECT oba.rate_ratio(1, 10, 1, 0)$$);
SELECT pg_temp.err($$SELECT oba.rate_ratio(1, 10, 1, 10, 0)$$);
SELECT pg_temp.err($$SELECT oba.gap_to_close(1, 10, 67)$$);
SELECT pg_temp.err($$SELECT oba.gap_to_close(11, 10, 0.5)$$);
SELECT pg_temp.err($$SELECT oba.gap_to_close(1, 0, 0.5)$$);
SELECT pg_temp.err($$SELECT oba.gap_to_close(1, 10, 0.5, 0)$$);
-- gap_to_close: the Birmingham report's 576, percentages, never negative
SELECT oba.gap_to_close(2732, 4937, 0.67) AS birmingham,
       oba.gap_to_close(2732, 4937, 67, per => 100) AS as_percentage,
       oba.gap_to_close(67, 100, 0.67) AS exactly_met,
       oba.gap_to_close(90, 100, 0.67) AS above_target;
