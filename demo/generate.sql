-- demo/generate.sql: a SYNTHETIC early-years dataset on REAL Birmingham
-- geography, drawn with a fixed seed. Every person-level row is invented;
-- only the LSOAs, wards and populations are real (data/geo/, OGL v3.0).
--
-- Shaped like the data the partnerships in the project's source reports hold:
--   demo.births              one row per birth: LSOA of residence, date,
--                            breastfeeding at 6-8 weeks, low birth weight,
--                            smoking at delivery (NULL where not recorded)
--   demo.eyfsp               one row per child assessed at the end of
--                            reception: good level of development
--   demo.service_clients     families in an early-years service, with a
--                            score before and after (NULL when not measured)
--   demo.monthly_visits      a monthly service measure (new-birth visits
--                            within 14 days), city-wide
-- A programme starts in six wards on 2021-04-01 (2021-22 Q1) and turns their
-- breastfeeding curve: a falling baseline there starts rising.
--
-- psql variables: scale (share of a full city, default 1: about 15,000
-- births a year in Birmingham, ten financial years 2015-16 to 2024-25).
\if :{?scale}
\else
\set scale 1
\endif

CREATE SCHEMA IF NOT EXISTS demo;
SELECT setseed(0.2015) \gset

CREATE TABLE demo.lsoa_population (
  lsoa11_code text PRIMARY KEY, lad_code text NOT NULL, pop_total int NOT NULL,
  pop_0_15 int NOT NULL, pop_16_59 int NOT NULL, pop_60plus int NOT NULL);
\copy demo.lsoa_population FROM 'data/geo/lsoa11_population.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE demo.lsoa_ward_bestfit (
  lsoa11_code text PRIMARY KEY, ward_code text NOT NULL, ward_name text NOT NULL, lad_code text NOT NULL);
\copy demo.lsoa_ward_bestfit FROM 'data/geo/ons_lsoa11_to_wd19_bestfit.csv' WITH (FORMAT csv, HEADER true)

-- The six programme wards, inner-city Birmingham.
CREATE TABLE demo.programme_ward (ward_code text PRIMARY KEY, ward_name text NOT NULL,
                                  programme_start date NOT NULL);
INSERT INTO demo.programme_ward
SELECT ward_code, ward_name, date '2021-04-01'
  FROM (SELECT DISTINCT ward_code, ward_name FROM demo.lsoa_ward_bestfit) w
 WHERE ward_name IN ('Aston', 'Lozells', 'Nechells', 'Alum Rock', 'Small Heath',
                     'Sparkbrook & Balsall Heath East');

-- A need index per LSOA in [0, 1]: the percentile of the share of children in
-- its population (younger neighbourhoods are, in Birmingham, the more
-- deprived), nudged by a hash so neighbours differ.
CREATE TABLE demo.lsoa_profile AS
SELECT p.lsoa11_code, w.ward_code, p.pop_0_15,
       least(1, greatest(0, percent_rank() OVER (ORDER BY p.pop_0_15::float8 / p.pop_total)
                             + ((hashtext(p.lsoa11_code) & 1023) / 1023.0 - 0.5) * 0.2)) AS need,
       pw.programme_start
  FROM demo.lsoa_population p
  JOIN demo.lsoa_ward_bestfit w USING (lsoa11_code)
  LEFT JOIN demo.programme_ward pw USING (ward_code)
 WHERE p.lad_code = 'E08000025';

-- Standard normal draws (Box-Muller) and Poisson counts (normal approximation
-- above 30, inversion below), all from the seeded random().
CREATE FUNCTION demo.rnorm() RETURNS float8 LANGUAGE sql VOLATILE AS
$$ SELECT sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) $$;
CREATE FUNCTION demo.rpois(lambda float8) RETURNS int LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  k int := 0;
  p float8;
  s float8;
  u float8 := random();
BEGIN
  IF lambda > 30 THEN
    RETURN greatest(0, round(lambda + sqrt(lambda) * demo.rnorm()))::int;
  END IF;
  p := exp(-lambda);
  s := p;
  WHILE u > s AND k < 1000 LOOP
    k := k + 1;
    p := p * lambda / k;
    s := s + p;
  END LOOP;
  RETURN k;
END $$;

-- Quarters of the ten financial years.
CREATE TABLE demo.quarter AS
SELECT q AS quarter_index, (date '2015-04-01' + make_interval(months => 3 * q))::date AS quarter_start
  FROM generate_series(0, 39) q;

-- Births: about pop_0_15 / 16 a year per LSOA.
CREATE TABLE demo.births AS
WITH counts AS (
  SELECT l.*, q.quarter_index, q.quarter_start,
         demo.rpois(l.pop_0_15 / 16.0 / 4.0 * :scale) AS n
    FROM demo.lsoa_profile l CROSS JOIN demo.quarter q),
b AS (
  SELECT c.*, (c.quarter_start + floor(random() * 90)::int) AS birth_date,
         random() AS u1, random() AS u2, random() AS u3, random() AS u4
    FROM counts c, generate_series(1, c.n))
SELECT row_number() OVER (ORDER BY birth_date, lsoa11_code, u1) AS birth_id,
       lsoa11_code, birth_date,
       CASE WHEN u4 < 0.04 THEN NULL      -- not recorded at the 6-8 week review
            ELSE u1 < 0.66 - 0.30 * need - 0.0030 * quarter_index
                      + CASE WHEN programme_start IS NOT NULL AND quarter_start >= programme_start
                             THEN 0.014 * (1 + (quarter_start - programme_start) / 91) ELSE 0 END
       END AS breastfed_6_8_weeks,
       u2 < 0.055 + 0.050 * need AS low_birth_weight,
       CASE WHEN u4 > 0.98 THEN NULL ELSE u3 < 0.05 + 0.12 * need - 0.0008 * quarter_index END
         AS smoking_at_delivery
  FROM b;
ALTER TABLE demo.births ADD PRIMARY KEY (birth_id);

-- EYFSP: children assessed each summer, about one cohort of births a year.
CREATE TABLE demo.eyfsp AS
WITH counts AS (
  SELECT l.*, y AS academic_year_end, demo.rpois(l.pop_0_15 / 16.0 * :scale) AS n
    FROM demo.lsoa_profile l CROSS JOIN generate_series(2016, 2025) y)
SELECT row_number() OVER (ORDER BY academic_year_end, lsoa11_code) AS child_id,
       lsoa11_code, make_date(academic_year_end, 6, 30) AS assessed_on,
       random() < 0.74 - 0.18 * need + 0.004 * (academic_year_end - 2016) AS good_level_of_development
  FROM counts c, generate_series(1, c.n);

-- An early-years service: families with a before and after score (0-60, an
-- ASQ-3-like scale, higher is better); some after scores are missing.
CREATE TABLE demo.service_clients AS
WITH c AS (
  SELECT l.*, q.quarter_start, demo.rpois(l.pop_0_15 / 400.0 * :scale * (0.5 + l.need)) AS n
    FROM demo.lsoa_profile l CROSS JOIN demo.quarter q
   WHERE q.quarter_index >= 16)
SELECT row_number() OVER (ORDER BY quarter_start, lsoa11_code) AS client_id,
       'Family support'::text AS service, lsoa11_code,
       (quarter_start + floor(random() * 90)::int) AS enrolled_on,
       least(60, greatest(0, round(38 - 10 * need + 8 * demo.rnorm())))::int AS score_before,
       NULL::int AS score_after
  FROM c, generate_series(1, c.n);
UPDATE demo.service_clients
   SET score_after = CASE WHEN random() < 0.12 THEN NULL
                          ELSE least(60, greatest(0, round(score_before + 3 + 5 * demo.rnorm())))::int END;

-- A monthly, city-wide service measure: new-birth visits within 14 days,
-- with a step up when a new booking system starts in April 2023.
CREATE TABLE demo.monthly_visits AS
SELECT m::date AS month,
       n AS births_due,
       demo.rpois(n * CASE WHEN m >= date '2023-04-01' THEN 0.93 ELSE 0.86 END)::int AS visited_within_14_days
  FROM generate_series(date '2015-04-01', date '2025-03-01', interval '1 month') m,
       LATERAL (SELECT greatest(1, round(1300 * :scale))::int AS n) s;
UPDATE demo.monthly_visits SET visited_within_14_days = least(visited_within_14_days, births_due);

ANALYZE demo.births, demo.eyfsp, demo.service_clients, demo.monthly_visits;
