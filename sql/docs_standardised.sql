-- docs/reference/standardised.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
-- the children's bands of the standard population, and the last band
SELECT age_band, age_lower, age_upper, standard_population FROM oba.esp2013 WHERE age_lower < 20 OR age_upper IS NULL;
-- age_band | age_lower | age_upper | standard_population
-- 0-4      |         0 |         4 |                5000
-- 5-9      |         5 |         9 |                5500
-- 10-14    |        10 |        14 |                5500
-- 15-19    |        15 |        19 |                5500
-- 90+      |        90 |      NULL |                1000

-- group D10 of test/reference/phe_dsr_reference.csv (four children's bands, 15 events): PHEindicatormethods
-- calculate_dsr gives 153.15110255037692 (85.517829298611119 to 252.81601366953871) per 100,000,
-- the same to 15 significant digits
SELECT (oba.dsr_agg(a.events, a.population, e.standard_population)).*
  FROM (VALUES ('0-4', 7, 2400), ('5-9', 2, 2600), ('10-14', 1, 2550), ('15-19', 5, 2300)) AS a(age_band, events, population)
  JOIN oba.esp2013 e USING (age_band);
--       value        |       lower       |       upper        | numerator | denominator
-- 153.15110255037692 | 85.51782929861113 | 252.81601366953868 |        15 |        9850

-- children admitted more than once: per band, events = Σ f·x_f and events_squared = Σ f²·x_f
-- (x_f children with f admissions); the tour's DSR, with wider limits
SELECT round(value::numeric, 2) AS value, round(lower::numeric, 2) AS lower, round(upper::numeric, 2) AS upper,
       numerator, denominator
  FROM (SELECT (oba.dsr_nonindependent_agg(a.events, a.events_squared, a.population, e.standard_population)).*
          FROM (VALUES (0, 48, 72, 5200), (5, 21, 25, 5600), (10, 15, 15, 5300), (15, 30, 38, 5100))
                 AS a(age_lower, events, events_squared, population)
          JOIN oba.esp2013 e USING (age_lower)) d;
-- value  | lower  | upper  | numerator | denominator
-- 533.48 | 426.59 | 656.34 |       114 |       21200
-- <<< example

-- example >>>
-- group I10 of test/reference/phe_isr_reference.csv: PHEindicatormethods calculate_ISRatio gives
-- 0.85036691255930985 (0.65485341548778964 to 1.0859169448078105), calculate_ISRate 86.365389556804914
-- (66.508550010478629 to 110.28843970704325) per 100,000
SELECT (i).observed, round((i).expected::numeric, 4) AS expected, (i).ratio, (i).ratio_lower, (i).ratio_upper,
       round((i).rate::numeric, 4) AS rate, round((i).rate_lower::numeric, 4) AS rate_lower,
       round((i).rate_upper::numeric, 4) AS rate_upper
  FROM (SELECT oba.isr_agg(w.admissions, w.children, r.admissions, r.children) AS i
          FROM (VALUES ('0-4', 22, 18200), ('5-9', 9, 19100), ('10-14', 8, 18800), ('15-19', 25, 17600))
                 AS w(band, admissions, children)
          JOIN (VALUES ('0-4', 5200, 3100000), ('5-9', 2100, 3350000), ('10-14', 1800, 3300000), ('15-19', 3900, 3050000))
                 AS r(band, admissions, children) USING (band)) s;
-- observed | expected |       ratio        |    ratio_lower     |    ratio_upper     |  rate   | rate_lower | rate_upper
--       64 |  75.2616 | 0.8503669125593099 | 0.6548534154877896 | 1.0859169448078105 | 86.3654 |    66.5086 |   110.2884
-- <<< example
