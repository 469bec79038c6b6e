-- test/dump/setup.sql: a database that uses oba and oba_geo the way a
-- council's would (test/run-cluster-tests dumps it with pg_dump -Fc and
-- restores it into a fresh cluster, then compares test/dump/digest.sql).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE SCHEMA postgis;
CREATE EXTENSION postgis SCHEMA postgis;
CREATE EXTENSION oba;
CREATE EXTENSION oba_geo;
SET search_path = public, postgis;

-- the report card: configuration tables, and a materialised view over the view
INSERT INTO oba.indicator (code, name, question, polarity, kind, unit, suppress_threshold, strategy_start) VALUES
  ('GLD', 'Good level of development', 'population', 'higher_is_better', 'proportion', '%', 5, '2021-09-01'),
  ('ADM', 'Emergency admissions, children', 'population', 'lower_is_better', 'rate', 'per 10,000', NULL, NULL);
INSERT INTO oba.indicator (code, name, question, service, kind) VALUES ('SEEN', 'Families seen', 'how_much', 'Family hubs', 'count');
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator, parent_area_code)
  SELECT 'GLD', 'W' || w, 'ward', make_date(2018 + y, 9, 1), 3 + (w * 7 + y) % 40, 60 + w, 'C'
    FROM generate_series(1, 12) w, generate_series(0, 6) y;
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  SELECT 'GLD', 'C', 'lad', period_start, sum(numerator), sum(denominator)
    FROM oba.observation WHERE indicator_code = 'GLD' GROUP BY period_start;
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  SELECT 'ADM', 'W' || w, 'ward', make_date(2020, 4, 1) + make_interval(months => 3 * q), 10 + (w * 5 + q * 3) % 17, 2000 + 37 * w
    FROM generate_series(1, 12) w, generate_series(0, 15) q;
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator)
  VALUES ('SEEN', 'Hub A', 'service', '2024-04-01', 412), ('SEEN', 'Hub A', 'service', '2024-07-01', 390);
CREATE MATERIALIZED VIEW report_card AS SELECT * FROM oba.report_card;
CREATE UNIQUE INDEX ON report_card (indicator_code, area_code, period_start);

-- tables with oba's types in their columns, a generated column, an index on
-- an expression and a view that aggregate with oba
CREATE TABLE ward_quarter (
  ward text, quarter date, admissions int, children int,
  rate float8 GENERATED ALWAYS AS ((oba.rate(admissions, children)).value) STORED,
  PRIMARY KEY (ward, quarter));
INSERT INTO ward_quarter (ward, quarter, admissions, children)
  SELECT area_code, period_start, numerator::int, denominator::int FROM oba.observation WHERE indicator_code = 'ADM';
CREATE INDEX ward_quarter_upper ON ward_quarter (((oba.rate(admissions, children)).upper));
CREATE TABLE ward_estimate (ward text PRIMARY KEY, est oba.estimate, history oba.estimate[],
                            trend oba.mann_kendall, spc oba.spc_summary, curve oba.turn_the_curve);
INSERT INTO ward_estimate
  SELECT ward, oba.rate_agg(admissions, children), array_agg(oba.rate(admissions, children) ORDER BY quarter),
         oba.mann_kendall_agg(quarter, rate), oba.spc_agg(quarter, rate),
         oba.turn_the_curve_agg(quarter, rate, date '2022-04-01', 'lower_is_better')
    FROM ward_quarter GROUP BY ward;
CREATE VIEW ward_summary AS
  SELECT ward, (oba.rate_agg(admissions, children)).*, (oba.linear_trend_agg(quarter, rate)).slope
    FROM ward_quarter GROUP BY ward;
CREATE VIEW ward_rolling AS
  SELECT ward, quarter, (oba.rate_agg(admissions, children)
                           OVER (PARTITION BY ward ORDER BY quarter ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)).value AS rolling
    FROM ward_quarter;

-- oba_geo: boundaries, and a materialised view of counts apportioned to wards
CREATE TABLE geo_lsoa (code text PRIMARY KEY, geom geometry(Polygon, 27700), children float8);
CREATE TABLE geo_ward (code text PRIMARY KEY, geom geometry(Polygon, 27700));
INSERT INTO geo_ward VALUES
  ('W1', 'SRID=27700;POLYGON((0 0,100 0,100 100,0 100,0 0))'),
  ('W2', 'SRID=27700;POLYGON((100 0,200 0,200 100,100 100,100 0))');
INSERT INTO geo_lsoa VALUES
  ('L1', 'SRID=27700;POLYGON((0 0,60 0,60 100,0 100,0 0))', 12),
  ('L2', 'SRID=27700;POLYGON((60 0,140 0,140 100,60 100,60 0))', 20),
  ('L3', 'SRID=27700;POLYGON((140 0,200 0,200 100,140 100,140 0))', 7);
CREATE INDEX ON geo_lsoa USING gist (geom);
CREATE MATERIALIZED VIEW ward_children AS
  SELECT * FROM oba.apportion('geo_lsoa', 'geo_ward', 'children', round_counts => true);
CREATE TABLE lsoa_ward_weight AS SELECT * FROM oba.areal_weights('geo_lsoa', 'geo_ward');
