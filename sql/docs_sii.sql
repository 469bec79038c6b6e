-- docs/reference/sii.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
-- life expectancy by decile of deprivation (1 = most deprived) with 95% limits: Area2 of the example
-- of PHEindicatormethods phe_sii. The SII is the gap between the fitted ends of the gradient, in years;
-- the RII their ratio. Limits: 100,000 simulations drawn with seed 1.
SELECT quantiles, population, round(intercept::numeric, 3) AS intercept, round(sii::numeric, 3) AS sii,
       round(sii_lower::numeric, 2) AS sii_lower, round(sii_upper::numeric, 2) AS sii_upper,
       round(rii::numeric, 4) AS rii, round(rii_lower::numeric, 3) AS rii_lower,
       round(rii_upper::numeric, 3) AS rii_upper
  FROM (SELECT (oba.sii_agg(decile, population, le, lower, upper)).*
          FROM (VALUES (1, 21675, 70.5, 70.1, 71.0), (2, 20065, 71.6, 71.1, 72.1), (3, 19750, 72.5, 72.0, 73.2),
                       (4, 24713, 73.5, 73.1, 73.7), (5, 20112, 73.1, 72.7, 75.8), (6, 19618, 76.2, 75.7, 78.8),
                       (7, 22408, 78.7, 78.2, 79.8), (8, 19752, 80.6, 80.1, 81.2), (9, 18939, 80.9, 80.4, 81.3),
                       (10, 19312, 80.0, 79.5, 80.9)) AS t(decile, population, le, lower, upper)) s;
-- quantiles | population | intercept |  sii   | sii_lower | sii_upper |  rii   | rii_lower | rii_upper
--        10 |     206344 |    69.343 | 12.623 |     12.01 |     13.24 | 1.1820 |     1.172 |     1.192

-- deaths per 100,000 by quintile (1 = most deprived), limits from oba.rate; fitted on the log scale
-- (transform), so the RII is a rate ratio. With deprivation falling, the SII is negative.
SELECT round(sii::numeric, 1) AS sii, round(sii_lower::numeric, 1) AS sii_lower,
       round(sii_upper::numeric, 1) AS sii_upper, round(rii::numeric, 3) AS rii,
       round(rii_lower::numeric, 3) AS rii_lower, round(rii_upper::numeric, 3) AS rii_upper
  FROM (SELECT (oba.sii_agg(t.quintile, t.population, r.value, r.lower, r.upper, 'rate', true)).*
          FROM (VALUES (1, 412, 52100), (2, 355, 50900), (3, 301, 53200), (4, 262, 51800), (5, 214, 50400))
                 AS t(quintile, deaths, population)
               CROSS JOIN LATERAL oba.rate(t.deaths, t.population, 100000) AS r) s;
--   sii   | sii_lower | sii_upper |  rii  | rii_lower | rii_upper
--  -465.9 |    -584.3 |    -351.7 | 0.459 |     0.381 |     0.552

-- the same deciles with standard errors; another seed, other limits within the simulation's error
SELECT seed, round(sii::numeric, 3) AS sii, round(sii_lower::numeric, 3) AS sii_lower,
       round(sii_upper::numeric, 3) AS sii_upper
  FROM (SELECT seed, (oba.sii_se_agg(decile, population, le, se, 'normal', 1, 0.95, 100000, seed)).*
          FROM (VALUES (1, 21675, 70.5, 0.23), (2, 20065, 71.6, 0.26), (3, 19750, 72.5, 0.3), (4, 24713, 73.5, 0.16),
                       (5, 20112, 73.1, 0.79), (6, 19618, 76.2, 0.78), (7, 22408, 78.7, 0.4), (8, 19752, 80.6, 0.28),
                       (9, 18939, 80.9, 0.23), (10, 19312, 80.0, 0.35)) AS t(decile, population, le, se),
               (VALUES (1), (2)) AS s(seed)
         GROUP BY seed) x
 ORDER BY seed;
-- seed |  sii   | sii_lower | sii_upper
--    1 | 12.623 |    12.012 |    13.235
--    2 | 12.623 |    12.010 |    13.230
-- <<< example
