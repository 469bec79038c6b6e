-- Reporting periods and ages: financial years and quarters, academic years,
-- ages in completed years and months (29 February), age bands.
\pset null '(null)'
SET DateStyle = ISO;
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- worked examples
SELECT oba.fy('2024-07-15') AS fy, oba.fy_quarter('2024-07-15') AS quarter,
       oba.fy_quarter_start('2024-07-15') AS quarter_start, oba.academic_year('2024-07-15') AS academic_year;
SELECT oba.age_at('2020-02-29', '2025-02-28') AS age_28_feb, oba.age_at('2020-02-29', '2025-03-01') AS age_1_mar,
       oba.age_months_at('2024-01-31', '2024-02-29') AS months_29_feb, oba.age_months_at('2024-01-31', '2024-03-01') AS months_1_mar;
SELECT oba.age_band(7, '{0,5,10,15}') AS lower_bounds, oba.age_band(17, '{0,5,10,15}') AS open_end,
       oba.age_band(70, '{{0,4},{16,24},{65,NULL}}') AS pairs, oba.age_band(10, '{{0,4},{16,24},{65,NULL}}') AS in_a_gap;

-- year ends and quarter boundaries: the last and first day of every quarter
SELECT d, oba.fy(d) AS fy, oba.fy_quarter(d) AS fy_quarter, oba.fy_quarter_start(d) AS starts,
       oba.academic_year(d) AS academic_year
  FROM unnest('{2024-03-31,2024-04-01,2024-06-30,2024-07-01,2024-08-31,2024-09-01,2024-09-30,2024-10-01,2024-12-31,2025-01-01,2025-03-31,2025-04-01}'::date[]) d;
-- century and millennium labels
SELECT oba.fy('1999-04-01') AS fy_1999, oba.fy('2000-03-31') AS fy_1999_end, oba.fy('2099-12-31') AS fy_2099,
       oba.academic_year('1999-09-01') AS ay_1999, oba.fy_quarter('0001-01-01') AS year_one;
-- 29 February in leap years: an ordinary day of Q4 and of the academic year
SELECT oba.fy('2024-02-29') AS fy, oba.fy_quarter('2024-02-29') AS quarter,
       oba.fy_quarter_start('2024-02-29') AS starts, oba.academic_year('2024-02-29') AS academic_year;

-- every day from 1990 to 2040 against the same rules written in plain SQL
SELECT count(*) AS days,
       count(*) FILTER (WHERE oba.fy(d) <> format('%s-%s', y, lpad(((y + 1) % 100)::text, 2, '0'))) AS fy_wrong,
       count(*) FILTER (WHERE oba.fy_quarter_start(d) <> date_trunc('quarter', d)::date) AS start_wrong,
       count(*) FILTER (WHERE oba.fy_quarter(d) <> oba.fy(d) || ' Q' || (extract(quarter FROM d - interval '3 months'))) AS quarter_wrong,
       count(*) FILTER (WHERE oba.academic_year(d) <> format('%s/%s', ay, lpad(((ay + 1) % 100)::text, 2, '0'))) AS ay_wrong
  FROM (SELECT d::date AS d, extract(year FROM d - interval '3 months')::int AS y,
               extract(year FROM d - interval '8 months')::int AS ay
          FROM generate_series('1990-01-01'::date, '2040-12-31', '1 day') d) s;

-- ages around 29 February: born on it, and reference dates on it
SELECT dob, "at", oba.age_at(dob, "at") AS years, oba.age_months_at(dob, "at") AS months
  FROM (VALUES ('2020-02-29'::date, '2021-02-28'::date), ('2020-02-29', '2021-03-01'),
               ('2020-02-29', '2024-02-28'), ('2020-02-29', '2024-02-29'),
               ('2020-02-29', '2020-03-28'), ('2020-02-29', '2020-03-29'),
               ('2019-02-28', '2020-02-28'), ('2019-02-28', '2020-02-29'),
               ('2019-03-01', '2020-02-29'), ('2019-03-01', '2020-03-01'),
               ('2024-01-31', '2024-02-29'), ('2024-01-31', '2024-03-01'), ('2023-01-31', '2023-02-28'),
               ('2024-03-31', '2024-04-30'), ('2024-03-31', '2024-05-01'),
               ('2024-05-10', '2024-05-10'), ('2024-05-10', '2025-05-09'), ('2024-05-10', '2025-05-10')) v(dob, "at");
-- someone born on 29 February 2008 in the financial year 2025-26: 17 until
-- 28 February 2026, 18 from 1 March 2026; their age changes mid-year, and
-- the age at the start of the year is a fixed choice
SELECT oba.age_at('2008-02-29', oba.fy_quarter_start('2025-04-01')) AS at_year_start,
       oba.age_at('2008-02-29', '2026-02-28') AS on_28_feb, oba.age_at('2008-02-29', '2026-03-01') AS on_1_mar;

-- against PostgreSQL's own age(): every pair of a birth date in 2019-12 ..
-- 2021-03 and a reference date every 3 days in 2020..2026 agrees
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE oba.age_at(dob, at) <> extract(year FROM age(at, dob))) AS years_differ,
       count(*) FILTER (WHERE oba.age_months_at(dob, at)
                              <> extract(year FROM age(at, dob)) * 12 + extract(month FROM age(at, dob))) AS months_differ,
       count(*) FILTER (WHERE oba.age_at(dob, at) <> oba.age_months_at(dob, at) / 12) AS years_not_months_div_12
  FROM (SELECT d::date FROM generate_series('2019-12-01'::date, '2021-03-31', '1 day') d) b(dob),
       (SELECT d::date FROM generate_series('2020-01-01'::date, '2026-12-31', '3 days') d) a(at)
 WHERE dob <= at;

-- age bands: ESP-style five-year bands, single years, gaps
SELECT a, oba.age_band(a, '{0,5,10,15,20,25,30,35,40,45,50,55,60,65,70,75,80,85,90}') AS esp,
       oba.age_band(a, '{{0,0},{1,4},{5,15}}') AS children, oba.age_band(a, '{18,65}') AS adults
  FROM unnest('{0,1,4,5,15,16,17,18,64,65,89,90,120}'::int[]) a;
SELECT oba.age_band(oba.age_at('2020-02-29', '2025-02-28'), '{0,5}') AS on_28_feb,
       oba.age_band(oba.age_at('2020-02-29', '2025-03-01'), '{0,5}') AS on_1_mar;

-- NULL in, NULL out (STRICT)
SELECT oba.fy(NULL) IS NULL AS fy, oba.fy_quarter(NULL) IS NULL AS q, oba.fy_quarter_start(NULL) IS NULL AS qs,
       oba.academic_year(NULL) IS NULL AS ay, oba.age_at(NULL, '2024-01-01') IS NULL AS age,
       oba.age_months_at('2024-01-01', NULL) IS NULL AS months, oba.age_band(NULL, '{0,5}') IS NULL AS band,
       oba.age_band(3, NULL) IS NULL AS bands;

-- bad input: SQLSTATE 22023 naming the argument
SELECT pg_temp.err($$SELECT oba.age_at('2025-01-02', '2025-01-01')$$);
SELECT pg_temp.err($$SELECT oba.age_months_at('2025-01-02', '2025-01-01')$$);
SELECT pg_temp.err($$SELECT oba.age_at('infinity', '2025-01-01')$$);
SELECT pg_temp.err($$SELECT oba.age_at('2020-01-01', '-infinity')$$);
SELECT pg_temp.err($$SELECT oba.fy('infinity')$$);
SELECT pg_temp.err($$SELECT oba.fy_quarter('0044-03-15 BC')$$);
SELECT pg_temp.err($$SELECT oba.age_band(-1, '{0,5}')$$);
SELECT pg_temp.err($$SELECT oba.age_band(3, '{0,10,5}')$$);
SELECT pg_temp.err($$SELECT oba.age_band(3, '{0,5,5}')$$);
SELECT pg_temp.err($$SELECT oba.age_band(3, '{{0,5},{4,9}}')$$);
SELECT pg_temp.err($$SELECT oba.age_band(3, '{{5,9},{0,4}}')$$);
SELECT pg_temp.err($$SELECT oba.age_band(3, '{{0,NULL},{5,9}}')$$);
SELECT pg_temp.err($$SELECT oba.age_band(3, '{{4,0}}')$$);
SELECT pg_temp.err($$SELECT oba.age_band(3, '{{0,-4}}')$$);
SELECT pg_temp.err($$SELECT oba.age_band(3, '{-5,0}')$$);
SELECT pg_temp.err($$SELECT oba.age_band(3, '{}')$$);
SELECT pg_temp.err($$SELECT oba.age_band(3, '{0,NULL}')$$);
SELECT pg_temp.err($$SELECT oba.age_band(3, '{{0,1,2}}')$$);
