-- docs/reference/compare.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- the page creates a table: in a schema of its own
CREATE SCHEMA docs_compare;
SET search_path = docs_compare, public;

-- example >>>
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
-- <<< example

-- example >>>
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
--  point | cohort | lower_998 | lower_95 | city  | upper_95 | upper_998
--      1 |    100 |     50.57 |    55.95 | 65.28 |    74.62 |     80.00
--     25 |    124 |     52.07 |    56.91 | 65.28 |    73.66 |     78.50
--     50 |    165 |     53.83 |    58.02 | 65.28 |    72.55 |     76.74
--     75 |    215 |     55.25 |    58.92 | 65.28 |    71.65 |     75.32
--    100 |    280 |     56.49 |    59.71 | 65.28 |    70.86 |     74.08

-- 3. programme wards against the others: difference in percentage points
SELECT round(value::numeric, 2) AS difference, round(lower::numeric, 2) AS lower,
       round(upper::numeric, 2) AS upper, to_char(p_value, '9.9EEEE') AS p_value, method
  FROM (SELECT sum(gld) FILTER (WHERE programme) AS x1, sum(cohort) FILTER (WHERE programme) AS n1,
               sum(gld) FILTER (WHERE NOT programme) AS x2, sum(cohort) FILTER (WHERE NOT programme) AS n2
          FROM eyfsp) s
       CROSS JOIN LATERAL oba.proportion_difference(s.x1, s.n1, s.x2, s.n2) AS d;
--  difference | lower  | upper  | p_value |         method
--      -15.79 | -19.42 | -12.14 | 1.6e-17 | newcombe_wilson; z_test

-- 4. how many more children reaching a good level of development would bring
--    each ward to England's 67%
SELECT ward, gld, cohort, oba.gap_to_close(gld, cohort, 0.67) AS gap_to_england
  FROM eyfsp ORDER BY gap_to_england DESC, ward LIMIT 5;
--    ward    | gld | cohort | gap_to_england
--  Bevois    | 131 |    260 |             44
--  Redbridge |  90 |    175 |             28
--  Millbrook | 101 |    180 |             20
--  Coxford   |  98 |    170 |             16
--  Woolston  | 112 |    185 |             12
-- <<< example

-- example >>>
SELECT oba.compare(oba.rate(12, 4310), 10, 'lower_is_better');            -- worse
SELECT oba.compare(oba.rate(12, 4310), oba.rate(12, 4310, confidence => 0.998),
                   10, 'lower_is_better');                                -- worse_95
SELECT oba.compare(50, 40, 60, 70, 'lower_is_better');                    -- better
-- <<< example

-- example >>>
-- R: poisson.test(c(12, 30), c(4310, 5120)) gives 0.47517 (0.22156 to 0.95573)
SELECT round(value::numeric, 4) AS value, round(lower::numeric, 4) AS lower, round(upper::numeric, 4) AS upper,
       round(p_value::numeric, 6) AS p_value, method
  FROM oba.rate_ratio(12, 4310, 30, 5120);
-- value  | lower  | upper  | p_value  |      method
-- 0.4752 | 0.2216 | 0.9557 | 0.035364 | exact_conditional

SELECT oba.gap_to_close(2732, 4937, 67, per => 100);                    -- 576
-- <<< example

RESET search_path;
DROP SCHEMA docs_compare CASCADE;
