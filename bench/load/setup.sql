-- bench/load/setup.sql: a report card of :areas wards (and their city) x
-- :periods quarters x three indicators, materialised with a unique index,
-- and the checks the readers run. psql variables: areas, periods.
\set ON_ERROR_STOP 1
CREATE EXTENSION IF NOT EXISTS oba;
CREATE SCHEMA lt;
INSERT INTO oba.indicator (code, name, question, polarity, kind, suppress_threshold) VALUES
  ('GLD', 'Good level of development', 'population', 'higher_is_better', 'proportion', 5),
  ('ADM', 'Emergency admissions', 'population', 'lower_is_better', 'rate', NULL),
  ('BF', 'Breastfed at 6-8 weeks', 'population', 'higher_is_better', 'proportion', NULL);
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator, parent_area_code)
  SELECT i, 'W' || w, 'ward', make_date(2015, 4, 1) + make_interval(months => 3 * q),
         (w * 7 + q * 3) % 40 + 1, 60 + w % 50, 'C'
    FROM unnest(ARRAY['GLD', 'ADM', 'BF']) i, generate_series(1, :areas) w, generate_series(0, :periods - 1) q;
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  SELECT indicator_code, 'C', 'lad', period_start, sum(numerator), sum(denominator)
    FROM oba.observation GROUP BY 1, 4;
ANALYZE oba.observation, oba.indicator;
CREATE MATERIALIZED VIEW lt.report_card AS SELECT * FROM oba.report_card;
CREATE UNIQUE INDEX ON lt.report_card (indicator_code, area_code, period_start);
CREATE INDEX ON lt.report_card (area_code);
ANALYZE lt.report_card;

-- what every reader must see, whatever refresh is under way
CREATE TABLE lt.expected AS
  SELECT (SELECT count(*) FROM oba.report_card) AS total_rows,
         3 * :periods AS rows_per_area,
         (SELECT count(DISTINCT (indicator_code, period_start)) FROM oba.report_card) AS groups;
-- Raise (and so abort the pgbench client) when a reader sees the wrong number of rows.
CREATE FUNCTION lt.check(what text, seen bigint, want bigint) RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  IF seen IS DISTINCT FROM want THEN
    RAISE EXCEPTION 'load test: % saw % rows, expected %', what, seen, want;
  END IF;
  RETURN seen;
END $$;
-- the writer's change between refreshes: new numerators everywhere (keys kept)
CREATE FUNCTION lt.new_numbers(round int) RETURNS bigint LANGUAGE sql AS $$
  WITH u AS (
    UPDATE oba.observation o
       SET numerator = LEAST(o.denominator, (hashint4(round * 100003 + o.numerator::int) & 65535) % 40 + 1)
     WHERE o.area_type = 'ward' RETURNING 1)
  SELECT count(*) FROM u
$$;
CREATE FUNCTION lt.city_totals() RETURNS bigint LANGUAGE sql AS $$
  WITH u AS (
    UPDATE oba.observation c SET numerator = s.numerator
      FROM (SELECT indicator_code, period_start, sum(numerator) AS numerator
              FROM oba.observation WHERE area_type = 'ward' GROUP BY 1, 2) s
     WHERE c.area_type = 'lad' AND c.indicator_code = s.indicator_code AND c.period_start = s.period_start
    RETURNING 1)
  SELECT count(*) FROM u
$$;
SELECT total_rows, rows_per_area, groups FROM lt.expected;
