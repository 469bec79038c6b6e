-- demo/wards.sql: rates with confidence intervals for the wards of Southampton.
--
-- Real data: ONS mid-2015 populations aged 0-15 for Southampton's 148 LSOAs,
-- grouped into its 16 electoral wards (December 2019) with ONS's own
-- best-fit lookup (data/geo/, Open Government Licence v3.0).
-- Synthetic data, clearly labelled: an example count of emergency hospital
-- admissions of children per LSOA, drawn with a fixed seed.
\pset footer off
CREATE EXTENSION oba;

CREATE TABLE lsoa_population (
  lsoa11_code text PRIMARY KEY, lad_code text, pop_total int, pop_0_15 int,
  pop_16_59 int, pop_60plus int);
\copy lsoa_population FROM 'data/geo/lsoa11_population.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE lsoa_ward (lsoa11_code text PRIMARY KEY, ward_code text, ward_name text, lad_code text);
\copy lsoa_ward FROM 'data/geo/ons_lsoa11_to_wd19_bestfit.csv' WITH (FORMAT csv, HEADER true)

-- SYNTHETIC: admissions per LSOA, about 110 per 10,000 children a year with
-- ward-to-ward variation, from a seeded Poisson draw (inverse-CDF by summing
-- exponential gaps). Not real health data.
SELECT setseed(0.2024) \gset
CREATE TABLE lsoa_admissions AS
SELECT p.lsoa11_code,
       (SELECT count(*) FROM (
          SELECT sum(-ln(1 - random())) OVER (ORDER BY g) AS arrival
            FROM generate_series(1, 200) g) a
         WHERE a.arrival < p.pop_0_15 * 0.0110 * (0.6 + 0.8 * (hashtext(w.ward_code) & 255) / 255.0)
       )::int AS admissions
  FROM lsoa_population p JOIN lsoa_ward w USING (lsoa11_code)
 WHERE p.lad_code = 'E06000045'
 ORDER BY p.lsoa11_code;

\echo
\echo 'Southampton wards (Dec 2019): children aged 0-15 (ONS mid-2015) and a SYNTHETIC'
\echo 'count of emergency admissions, as a rate per 10,000 children with its 95% interval'
\echo '(exact Poisson below 10 events, Byar from 10), from oba.rate_agg over LSOA rows.'
\echo 'A ward whose interval lies wholly above or below the city rate is flagged.'
\echo
WITH ward AS (
  SELECT w.ward_code, w.ward_name, count(*) AS lsoas, sum(p.pop_0_15) AS children,
         sum(a.admissions) AS admissions, oba.rate_agg(a.admissions, p.pop_0_15) AS r
    FROM lsoa_admissions a
    JOIN lsoa_population p USING (lsoa11_code)
    JOIN lsoa_ward w USING (lsoa11_code)
   GROUP BY 1, 2),
city AS (
  SELECT oba.rate_agg(a.admissions, p.pop_0_15) AS r
    FROM lsoa_admissions a JOIN lsoa_population p USING (lsoa11_code))
SELECT ward_code, ward_name, lsoas, children, admissions, per_10000, lower_95, upper_95, against_city
  FROM (
SELECT 0 AS k, ward.ward_code, ward.ward_name, ward.lsoas, ward.children, ward.admissions,
       round((ward.r).value::numeric, 1) AS per_10000,
       round((ward.r).lower::numeric, 1) AS lower_95,
       round((ward.r).upper::numeric, 1) AS upper_95,
       CASE WHEN (ward.r).lower > (city.r).value THEN 'above city'
            WHEN (ward.r).upper < (city.r).value THEN 'below city'
            ELSE '' END AS against_city
  FROM ward, city
UNION ALL
SELECT 1, 'E06000045', 'Southampton (city)', (SELECT count(*) FROM lsoa_admissions),
       (SELECT sum(pop_0_15) FROM lsoa_population WHERE lad_code = 'E06000045'),
       (SELECT sum(admissions) FROM lsoa_admissions),
       round((city.r).value::numeric, 1), round((city.r).lower::numeric, 1),
       round((city.r).upper::numeric, 1), ''
  FROM city) t
ORDER BY k, ward_name;
