-- Planted overloads: no function that an attacker adds to schema oba or to
-- PostGIS's schema ever runs in place of the one oba's own code calls.
--
-- The attack (issue 12): a role that may create objects in schema oba (it
-- owned the schema after installing the trusted extension as a database
-- owner) or in PostGIS's schema (public on PostgreSQL 15, owned by the
-- database owner) adds an overload that matches one of oba's internal calls
-- better than the intended function: oba._svg_num(numeric) for
-- _svg_num(width / 2.0), public.st_affine(geometry, float8, int4, int4, ...)
-- for ST_Affine(g, $3, 0, 0, ...). When a superuser then draws a chart, the
-- planted function runs as the superuser. The defence is that every call
-- passes exactly the callee's types for all of its parameters, so that no
-- overload can be a better match (sql/security.sql covers the install side:
-- who owns schema oba).
--
-- What this suite does, all generated from the catalogue:
--  1. A database owned by a non-superuser (oba_planter), PostGIS in public,
--     oba installed by that owner, oba_geo by a superuser; schema oba is then
--     handed to oba_planter (as an install by a database owner left it
--     before 0.2), so the planter may create in both schemas.
--  2. A workload that calls every SQL and PL/pgSQL function of oba and
--     oba_geo through its paths, errors included, each query wrapped in a
--     function with a SQL-standard body made before anything is planted
--     (its own top-level calls are bound then; what is tested is the
--     resolution inside oba's code). Each query runs in a subtransaction
--     that is rolled back, and its result (an md5 of its rows, or its error)
--     is recorded.
--  3. As oba_planter: for every function and aggregate of schema oba, and
--     every function and aggregate of PostGIS's schema whose name oba's code
--     calls, overloads that would win against a sloppy call: each parameter
--     in turn replaced by every type with an implicit cast to it (int4,
--     numeric ... for float8; arrays of those for float8[]) and by text (an
--     untyped literal prefers it), and the same with trailing defaulted
--     parameters dropped; for PostGIS's operators that oba's code names,
--     each operand likewise. Each planted function bumps a sequence (which
--     no rollback undoes) and raises an error naming itself.
--  4. A new session (so that no plan made before the planting is reused)
--     runs the workload again as the superuser: every result must be the
--     same, the sequence must never have moved, and every SQL and PL/pgSQL
--     function whose body resolves names at run time must have been called.
\pset null '(null)'
SELECT current_database() AS home \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS oba_planted;
DROP ROLE IF EXISTS oba_planter;
RESET client_min_messages;
CREATE ROLE oba_planter NOLOGIN;
CREATE DATABASE oba_planted OWNER oba_planter;
\c oba_planted
SET client_min_messages = warning;
CREATE EXTENSION postgis;           -- into public, which the database owner owns
SET ROLE oba_planter;
CREATE EXTENSION oba;               -- trusted: the database owner installs it
RESET ROLE;
CREATE EXTENSION oba_geo;           -- not trusted: a superuser installs it
RESET client_min_messages;
-- who may create in the two schemas after the install
SELECT n.nspname, r.rolsuper AS owner_is_superuser,
       has_schema_privilege('oba_planter', n.oid, 'CREATE') AS planter_may_create
  FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner
 WHERE n.nspname IN ('oba', 'public') ORDER BY 1;
-- the attack needs CREATE on schema oba: hand the schema to the planter, as
-- an install by a database owner left it before 0.2
ALTER SCHEMA oba OWNER TO oba_planter;

-- ---- the data, owned by the superuser ----
SET client_min_messages = warning;
CREATE SCHEMA wl;
-- two wards side by side (indexed); three LSOAs, the middle one straddling
-- the boundary, and one in the sea that meets no ward
CREATE TABLE wl.ward (code text PRIMARY KEY, geom geometry(Polygon, 27700));
CREATE INDEX ON wl.ward USING gist (geom);
INSERT INTO wl.ward VALUES
  ('W1', 'SRID=27700;POLYGON((0 0,100 0,100 100,0 100,0 0))'),
  ('W2', 'SRID=27700;POLYGON((100 0,200 0,200 100,100 100,100 0))'),
  ('W3', 'SRID=27700;POLYGON((0 500,100 500,100 600,0 600,0 500))');
CREATE TABLE wl.lsoa (code text PRIMARY KEY, geom geometry(Polygon, 27700), children float8, population float8,
                      rate float8, label text, parent_ward text);
INSERT INTO wl.lsoa VALUES
  ('L1', 'SRID=27700;POLYGON((0 0,60 0,60 100,0 100,0 0))', 12, 300, 4.5, 'twelve', 'W1'),
  ('L2', 'SRID=27700;POLYGON((60 0,140 0,140 100,60 100,60 0))', 20, 400, 5.5, NULL, 'W2'),
  ('L3', 'SRID=27700;POLYGON((140 0,200 0,200 100,140 100,140 0))', 7, 250, NULL, 'seven', 'W2'),
  ('L4', 'SRID=27700;POLYGON((300 300,350 300,350 350,300 350,300 300))', 3, 80, 2.0, 'sea', 'W9');
-- the same LSOAs with a spatial index (the overlay then joins the other way)
CREATE TABLE wl.lsoa_ix AS SELECT * FROM wl.lsoa;
ALTER TABLE wl.lsoa_ix ADD PRIMARY KEY (code);
CREATE INDEX ON wl.lsoa_ix USING gist (geom);
-- output areas with residents: O5 lies outside every LSOA, O6 has nobody
CREATE TABLE wl.oa (code text PRIMARY KEY, geom geometry(Polygon, 27700), population float8, lsoa_code text);
INSERT INTO wl.oa VALUES
  ('O1', 'SRID=27700;POLYGON((60 0,90 0,90 100,60 100,60 0))', 100, 'L2'),
  ('O2', 'SRID=27700;POLYGON((90 0,140 0,140 100,90 100,90 0))', 300, 'L2'),
  ('O3', 'SRID=27700;POLYGON((0 0,60 0,60 100,0 100,0 0))', 300, 'L1'),
  ('O4', 'SRID=27700;POLYGON((140 0,200 0,200 100,140 100,140 0))', 250, 'L3'),
  ('O5', 'SRID=27700;POLYGON((400 400,410 400,410 410,400 410,400 400))', 5, 'L9'),
  ('O6', 'SRID=27700;POLYGON((300 300,350 300,350 350,300 350,300 300))', 0, 'L4');
-- an invalid (self-crossing) LSOA, for make_valid
CREATE TABLE wl.lsoa_bad AS SELECT * FROM wl.lsoa;
UPDATE wl.lsoa_bad SET geom = 'SRID=27700;POLYGON((0 0,60 100,60 0,0 100,0 0))' WHERE code = 'L1';
-- layers each check of the layers refuses
CREATE TABLE wl.geog (code text, geom geography(Polygon, 4326));
CREATE TABLE wl.textgeom (code text, geom text);
CREATE TABLE wl.nullkey AS SELECT NULL::text AS code, geom FROM wl.lsoa;
CREATE TABLE wl.dupkey AS SELECT 'X'::text AS code, geom FROM wl.lsoa;
CREATE TABLE wl.nullgeom AS SELECT code, CASE WHEN code = 'L2' THEN NULL ELSE geom END AS geom FROM wl.lsoa;
CREATE TABLE wl.mixed AS SELECT code, CASE WHEN code = 'L2' THEN ST_SetSRID(geom, 3857) ELSE geom::geometry END AS geom FROM wl.lsoa;
CREATE TABLE wl.srid0 AS SELECT code, ST_SetSRID(geom, 0) AS geom FROM wl.lsoa;
CREATE TABLE wl.sridx AS SELECT code, ST_SetSRID(geom, 990001) AS geom FROM wl.lsoa;
CREATE TABLE wl.lonlat AS SELECT code, ST_SetSRID(geom, 4326) AS geom FROM wl.lsoa;
CREATE TABLE wl.ward_other AS SELECT code, ST_SetSRID(geom, 3857) AS geom FROM wl.ward;
CREATE TABLE wl.points AS SELECT code, ST_Centroid(geom) AS geom FROM wl.lsoa;
CREATE TABLE wl.badvalues AS SELECT code, geom, CASE WHEN code = 'L2' THEN 'NaN'::float8 ELSE -1::float8 END AS v,
                                    code AS word FROM wl.lsoa;
CREATE TABLE wl.oa_badpop AS SELECT code, geom, CASE WHEN code = 'O2' THEN -5 ELSE population END AS population
                               FROM wl.oa;
-- a materialised report card with and without a key, and a plain table
CREATE MATERIALIZED VIEW wl.card AS SELECT * FROM oba.report_card;
CREATE UNIQUE INDEX ON wl.card (indicator_code, area_code, period_start);
CREATE MATERIALIZED VIEW wl.card_nokey AS SELECT * FROM oba.report_card;
RESET client_min_messages;

-- ---- the workload: each query is the body of a function with a SQL-standard
-- ---- body, made now, returning its rows as text ----
CREATE TABLE wl.result (name text PRIMARY KEY, before text, after text, context text);
CREATE FUNCTION wl.add(name text, body text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE FUNCTION wl.%I() RETURNS SETOF text LANGUAGE sql BEGIN ATOMIC %s; END', name, body);
  INSERT INTO wl.result (name) VALUES (name);
END $$;
-- runs one query in a subtransaction that is rolled back: 'ok <md5 of its
-- rows>' or its error, and the error's context (the functions it ran
-- through), which the function-call statistics do not count
CREATE FUNCTION wl.run(name text, OUT result text, OUT context text) LANGUAGE plpgsql AS $$
DECLARE
  res text;
BEGIN
  BEGIN
    EXECUTE format('SELECT pg_catalog.md5(pg_catalog.string_agg(r, E''\n'')) FROM wl.%I() r', name) INTO res;
    RAISE SQLSTATE 'OBAWL' USING MESSAGE = 'ok ' || coalesce(res, 'no rows');
  EXCEPTION
    WHEN SQLSTATE 'OBAWL' THEN result := SQLERRM;
    WHEN OTHERS THEN
      result := 'error ' || SQLSTATE || ': ' || SQLERRM;
      GET STACKED DIAGNOSTICS context = PG_EXCEPTION_CONTEXT;
  END;
END $$;

-- charts
SELECT wl.add('curve_svg', $q$
  SELECT oba.curve_svg('{1,2,3,4,5,6,7,8,9,10,11,12}'::float8[],
                       '{5,6,7,8,9,12,3,9,14,2,8,NULL}'::float8[], '{5,6,7,8,9,10,10,10,10,10,8,9}'::float8[],
                       '{NULL,NULL,NULL,NULL,NULL,9,9,9,9,9,7,8}'::float8[], '{NULL,NULL,NULL,NULL,NULL,11,11,11,11,11,9,10}'::float8[],
                       '{baseline,baseline,baseline,baseline,baseline,better_beyond_pi,worse_beyond_pi,better_within_pi,worse_within_pi,on_forecast,NULL,forecast}'::text[],
                       'A <chart>', y_label => 'per 10,000', x_label => 'Year', start_label => 'Start here',
                       interval_label => '95% interval', width => 500, height => 400)$q$);
SELECT wl.add('curve_svg_neutral', $q$
  SELECT oba.curve_svg('{1,2,3,4,5,6,7}'::float8[], '{5,6,7,8,12,3,10.5}'::float8[], '{5,6,7,8,10,10,10}'::float8[],
                       '{NULL,NULL,NULL,NULL,9,9,9}'::float8[], '{NULL,NULL,NULL,NULL,11,11,11}'::float8[],
                       '{baseline,baseline,baseline,baseline,above_beyond_pi,below_beyond_pi,above_within_pi}'::text[],
                       NULL, start_label => 'Start', width => 250)$q$);
SELECT wl.add('curve_svg_below', $q$
  SELECT oba.curve_svg('{2020,2021}'::float8[], '{5,4.5}'::float8[], '{NULL,5}'::float8[], '{NULL,4}'::float8[],
                       '{NULL,6}'::float8[], '{baseline,below_within_pi}'::text[], 'Two')$q$);
SELECT wl.add('curve_svg_empty', $q$
  SELECT oba.curve_svg('{3}'::float8[], '{NULL}'::float8[], '{NULL}'::float8[], '{NULL}'::float8[], '{NULL}'::float8[],
                       '{forecast}'::text[], 'Nothing yet')
  UNION ALL SELECT oba.curve_svg('{}'::float8[], '{}'::float8[], '{}'::float8[], '{}'::float8[], '{}'::float8[], '{}'::text[], 'Empty')
  UNION ALL SELECT coalesce(oba.curve_svg(NULL::float8[], NULL, NULL, NULL, NULL, NULL, NULL), 'null')$q$);
SELECT wl.add('curve_svg_dates', $q$
  SELECT oba.curve_svg(ARRAY['2019-04-01', '2020-04-01', '2021-04-01', '2022-04-01', '2023-04-01']::date[],
                       '{5,6,7,9,4}'::float8[], '{5,6,7,8,8.5}'::float8[], '{NULL,NULL,NULL,7,7.5}'::float8[],
                       '{NULL,NULL,NULL,9,9.5}'::float8[], '{baseline,baseline,baseline,on_forecast,better_beyond_pi}'::text[],
                       'Financial years', x_ticks => x) FROM unnest('{financial_year,academic_year,calendar_year}'::text[]) x
  UNION ALL SELECT oba.curve_svg(ARRAY(SELECT d::date FROM generate_series(date '1990-01-01', date '2023-01-01', interval '1 year') d),
                                 array_fill(1::float8, ARRAY[34]), array_fill(NULL::float8, ARRAY[34]),
                                 array_fill(NULL::float8, ARRAY[34]), array_fill(NULL::float8, ARRAY[34]),
                                 array_fill('baseline'::text, ARRAY[34]), 'Crowded', width => 300)
  UNION ALL SELECT oba.curve_svg('{}'::date[], '{}'::float8[], '{}'::float8[], '{}'::float8[], '{}'::float8[], '{}'::text[], 'Empty')
  UNION ALL SELECT coalesce(oba.curve_svg(NULL::date[], NULL, NULL, NULL, NULL, NULL, NULL), 'null')$q$);
SELECT wl.add('curve_svg_agg', $q$
  SELECT oba.curve_svg_agg(d, v, date '2022-04-01', 'lower_is_better', 'By rows', 'per 10,000', 1)
    FROM (SELECT make_date(2015 + i, 4, 1) AS d, 20 - i + (i % 3) AS v FROM generate_series(0, 9) i) x
  UNION ALL
  SELECT oba.curve_svg_agg(d, v, date '2022-04-01', 'neutral', 'Short form')
    FROM (SELECT make_date(2015 + i, 4, 1) AS d, 20 + (i % 4)::float8 AS v FROM generate_series(0, 9) i) x
  UNION ALL
  SELECT oba.curve_svg_agg_final(oba.curve_svg_agg_combine(
           oba.curve_svg_agg_trans(NULL, date '2019-04-01', 3::float8, date '2021-04-01', 'higher_is_better', 'Two', NULL, 0),
           oba.curve_svg_agg_trans(NULL, date '2020-04-01', 4::float8, date '2021-04-01', 'higher_is_better', 'Two', NULL, 0)))$q$);
SELECT wl.add('curve_svg_agg_err', $q$
  SELECT oba.curve_svg_agg(d, 1::float8, date '2022-04-01', p, 'x') FROM (VALUES (date '2019-04-01', 'up')) AS t(d, p)$q$);
SELECT wl.add('curve_svg_err_lengths', $q$SELECT oba.curve_svg('{1,2}'::float8[], '{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{baseline}'::text[], 't')$q$);
SELECT wl.add('curve_svg_err_size', $q$SELECT oba.curve_svg('{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{baseline}'::text[], 't', width => 100)$q$);
SELECT wl.add('curve_svg_err_class', $q$SELECT oba.curve_svg('{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{nonsense}'::text[], 't')$q$);
SELECT wl.add('curve_svg_err_infinite', $q$SELECT oba.curve_svg('{1}'::float8[], '{Infinity}'::float8[], '{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{baseline}'::text[], 't')$q$);
SELECT wl.add('curve_svg_err_ticks', $q$SELECT oba.curve_svg('{2020-04-01}'::date[], '{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{baseline}'::text[], 't', x_ticks => 'weekly')$q$);
SELECT wl.add('curve_svg_err_date', $q$SELECT oba.curve_svg('{infinity}'::date[], '{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{1}'::float8[], '{baseline}'::text[], 't')$q$);
SELECT wl.add('curve_svg_render_err', $q$SELECT oba._curve_svg_render('{1}', '{a}', '{1}', '{1}', '{1}', '{1}', '{baseline}', 't', NULL, NULL, NULL, NULL, 640, 360, 1, 1, '{1}', '{a}', '{1}')$q$);
SELECT wl.add('svg_ticks_err', $q$SELECT (oba._svg_ticks(2, 1, 5))::text$q$);
SELECT wl.add('chart_helpers', $q$
  SELECT concat_ws(' ', oba.xml_escape('<&>'), oba._svg_num(1.25::float8), oba._svg_num(2.5::float8, 3),
                   (oba._svg_ticks(0, 7)).ticks, oba._curve_svg_class_label('baseline'),
                   oba._curve_svg_marker('unclassified', 1, 2), oba._curve_svg_marker('baseline', 1, 2))$q$);
-- most in need (SQL-standard bodies)
SELECT wl.add('deciles', $q$SELECT concat_ws(' ', oba.decile(3, 20), oba.quintile(20, 20))$q$);
SELECT wl.add('deciles_phe', $q$SELECT concat_ws(' ', oba.decile(3, 20, 'phe'), oba.quintile(20, 20, 'phe'), oba.decile(2, 7, 'phe'))$q$);
-- the report card: triggers, the view, refresh scheduling
SELECT wl.add('report_card', $q$
  INSERT INTO oba.indicator (code, name, question, service, polarity, kind, suppress_threshold, strategy_start, target)
    VALUES ('ADM', 'Admissions', 'population', NULL, 'lower_is_better', 'rate', 5, '2021-04-01', 60),
           ('GLD', 'Good level', 'how_well', 'EY', 'higher_is_better', 'proportion', NULL, NULL, NULL),
           ('SEEN', 'Seen', 'how_much', 'EY', 'neutral', 'count', NULL, NULL, NULL),
           ('ASQ', 'ASQ score', 'better_off', 'EY', 'higher_is_better', 'mean', NULL, NULL, NULL);
  INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator,
                               value, lower, upper, parent_area_code)
    SELECT k.code, a.area, CASE WHEN a.area = 'C' THEN 'lad' ELSE 'ward' END, make_date(2015 + y, 4, 1),
           CASE WHEN k.code = 'ASQ' THEN NULL ELSE 3 + (y * 7 + a.n * 5) % 17 END,
           CASE WHEN k.code IN ('ADM', 'GLD') THEN 40 + a.n END,
           CASE WHEN k.code = 'ASQ' THEN 50 + y END, CASE WHEN k.code = 'ASQ' THEN 45 + y END,
           CASE WHEN k.code = 'ASQ' THEN 55 + y END,
           CASE WHEN a.area = 'C' THEN NULL ELSE 'C' END
      FROM oba.indicator k, generate_series(0, 9) y, (VALUES ('W1', 1), ('W2', 2), ('C', 50)) a(area, n);
  SELECT r::text FROM oba.report_card r ORDER BY indicator_code, area_code, period_start$q$);
SELECT wl.add('observation_checks', $q$
  INSERT INTO oba.indicator (code, name, question, kind) VALUES ('P', 'p', 'population', 'proportion'), ('M', 'm', 'population', 'mean'),
    ('N', 'n', 'population', 'count'), ('R', 'r', 'population', 'rate');
  INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator, value)
    VALUES ('P', 'A', 'ward', '2024-04-01', 3, 10, NULL), ('M', 'A', 'ward', '2024-04-01', NULL, NULL, 3),
           ('N', 'A', 'ward', '2024-04-01', 3, NULL, NULL), ('R', 'A', 'ward', '2024-04-01', 3, 100, NULL);
  UPDATE oba.indicator SET kind = 'rate' WHERE code = 'P';
  UPDATE oba.indicator SET kind = 'count' WHERE code = 'R';
  SELECT concat_ws(' ', indicator_code, value) FROM oba.report_card ORDER BY 1$q$);
SELECT wl.add('observation_err_rate', $q$
  INSERT INTO oba.indicator (code, name, question, kind) VALUES ('R', 'r', 'population', 'rate');
  INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator) VALUES ('R', 'A', 'ward', '2024-04-01', 3)
  RETURNING 'no error'$q$);
SELECT wl.add('observation_err_proportion', $q$
  INSERT INTO oba.indicator (code, name, question, kind) VALUES ('P', 'p', 'population', 'proportion');
  INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator) VALUES ('P', 'A', 'ward', '2024-04-01', 30, 10)
  RETURNING 'no error'$q$);
SELECT wl.add('observation_err_count', $q$
  INSERT INTO oba.indicator (code, name, question, kind) VALUES ('N', 'n', 'population', 'count');
  INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, value) VALUES ('N', 'A', 'ward', '2024-04-01', 3)
  RETURNING 'no error'$q$);
SELECT wl.add('observation_err_mean', $q$
  INSERT INTO oba.indicator (code, name, question, kind) VALUES ('M', 'm', 'population', 'mean');
  INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator) VALUES ('M', 'A', 'ward', '2024-04-01', 3)
  RETURNING 'no error'$q$);
SELECT wl.add('observation_err_unknown', $q$
  INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator) VALUES ('Z', 'A', 'ward', '2024-04-01', 3)
  RETURNING 'no error'$q$);
SELECT wl.add('indicator_kind_err', $q$
  INSERT INTO oba.indicator (code, name, question, kind) VALUES ('N', 'n', 'population', 'count');
  INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator) VALUES ('N', 'A', 'ward', '2024-04-01', 3);
  UPDATE oba.indicator SET kind = 'mean' RETURNING 'no error'$q$);
SELECT wl.add('schedule_refresh', $q$SELECT oba.schedule_refresh('wl.card')::text$q$);
SELECT wl.add('schedule_refresh_plain', $q$SELECT oba.schedule_refresh('wl.card_nokey', '0 7 * * *', false)::text$q$);
SELECT wl.add('schedule_refresh_err_null', $q$SELECT oba.schedule_refresh('wl.card', NULL)::text$q$);
SELECT wl.add('schedule_refresh_err_table', $q$SELECT oba.schedule_refresh('wl.ward')::text$q$);
SELECT wl.add('schedule_refresh_err_key', $q$SELECT oba.schedule_refresh('wl.card_nokey')::text$q$);
SELECT wl.add('unschedule_refresh', $q$SELECT oba.unschedule_refresh('wl.card')::text$q$);
-- apportionment (oba_geo)
SELECT wl.add('areal_weights', $q$SELECT w::text FROM oba.areal_weights('wl.lsoa', 'wl.ward') w$q$);
SELECT wl.add('areal_weights_covered', $q$SELECT w::text FROM oba.areal_weights('wl.lsoa_ix', 'wl.ward', denominator => 'covered') w$q$);
SELECT wl.add('areal_weights_make_valid', $q$SELECT w::text FROM oba.areal_weights('wl.lsoa_bad', 'wl.ward', make_valid => true) w$q$);
SELECT wl.add('population_weights', $q$SELECT w::text FROM oba.population_weights('wl.lsoa', 'wl.ward', 'wl.oa') w$q$);
SELECT wl.add('population_weights_area', $q$SELECT w::text FROM oba.population_weights('wl.lsoa', 'wl.ward', 'wl.oa', placement => 'area') w$q$);
SELECT wl.add('population_weights_source', $q$SELECT w::text FROM oba.population_weights('wl.lsoa', 'wl.ward', 'wl.oa', fine_source => 'lsoa_code', fallback => 'none') w$q$);
SELECT wl.add('population_weights_make_valid', $q$SELECT w::text FROM oba.population_weights('wl.lsoa_bad', 'wl.ward', 'wl.oa', make_valid => true) w$q$);
SELECT wl.add('best_fit', $q$SELECT w::text FROM oba.best_fit('wl.lsoa', 'wl.ward') w$q$);
SELECT wl.add('best_fit_population', $q$SELECT w::text FROM oba.best_fit('wl.lsoa', 'wl.ward', 'population', fine => 'wl.oa') w$q$);
SELECT wl.add('best_fit_area', $q$SELECT w::text FROM oba.best_fit('wl.lsoa', 'wl.ward', 'area') w$q$);
SELECT wl.add('apportion', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'children') a$q$);
SELECT wl.add('apportion_rounded', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'children', denominator => 'covered', round_counts => true) a$q$);
SELECT wl.add('apportion_intensive', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'rate', kind => 'intensive', skip_nulls => true) a$q$);
SELECT wl.add('apportion_population', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'rate', kind => 'intensive', method => 'population', fine => 'wl.oa') a$q$);
SELECT wl.add('apportion_best_fit', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'children', method => 'best_fit', placement => 'area') a$q$);
SELECT wl.add('overlay_diagnostics', $q$SELECT d::text FROM oba.overlay_diagnostics('wl.lsoa', 'wl.ward', sliver => 0.3) d$q$);
-- every check of a layer and of the arguments
SELECT wl.add('err_key', $q$SELECT a::text FROM oba.areal_weights('wl.lsoa', 'wl.ward', source_key => 'nope') a$q$);
SELECT wl.add('err_extra', $q$SELECT a::text FROM oba.population_weights('wl.lsoa', 'wl.ward', 'wl.oa', fine_population => 'nope') a$q$);
SELECT wl.add('err_geom', $q$SELECT a::text FROM oba.areal_weights('wl.lsoa', 'wl.ward', source_geom => 'nope') a$q$);
SELECT wl.add('err_geography', $q$SELECT a::text FROM oba.areal_weights('wl.geog', 'wl.ward') a$q$);
SELECT wl.add('err_text_geom', $q$SELECT a::text FROM oba.areal_weights('wl.textgeom', 'wl.ward') a$q$);
SELECT wl.add('err_null_key', $q$SELECT a::text FROM oba.areal_weights('wl.nullkey', 'wl.ward') a$q$);
SELECT wl.add('err_dup_key', $q$SELECT a::text FROM oba.areal_weights('wl.dupkey', 'wl.ward') a$q$);
SELECT wl.add('err_null_geom', $q$SELECT a::text FROM oba.areal_weights('wl.nullgeom', 'wl.ward') a$q$);
SELECT wl.add('err_mixed_srid', $q$SELECT a::text FROM oba.areal_weights('wl.mixed', 'wl.ward') a$q$);
SELECT wl.add('err_srid0', $q$SELECT a::text FROM oba.areal_weights('wl.srid0', 'wl.ward') a$q$);
SELECT wl.add('err_srid_unknown', $q$SELECT a::text FROM oba.areal_weights('wl.sridx', 'wl.ward') a$q$);
SELECT wl.add('err_lonlat', $q$SELECT a::text FROM oba.areal_weights('wl.lonlat', 'wl.ward') a$q$);
SELECT wl.add('err_points', $q$SELECT a::text FROM oba.areal_weights('wl.points', 'wl.ward') a$q$);
SELECT wl.add('err_invalid', $q$SELECT a::text FROM oba.areal_weights('wl.lsoa_bad', 'wl.ward') a$q$);
SELECT wl.add('err_two_srids', $q$SELECT a::text FROM oba.areal_weights('wl.lsoa', 'wl.ward_other') a$q$);
SELECT wl.add('err_null_table', $q$SELECT a::text FROM oba.areal_weights(NULL, 'wl.ward') a$q$);
SELECT wl.add('err_denominator', $q$SELECT a::text FROM oba.areal_weights('wl.lsoa', 'wl.ward', denominator => 'most') a$q$);
SELECT wl.add('err_placement', $q$SELECT a::text FROM oba.population_weights('wl.lsoa', 'wl.ward', 'wl.oa', placement => 'middle') a$q$);
SELECT wl.add('err_fallback', $q$SELECT a::text FROM oba.population_weights('wl.lsoa', 'wl.ward', 'wl.oa', fallback => 'guess') a$q$);
SELECT wl.add('err_no_fine', $q$SELECT a::text FROM oba.population_weights('wl.lsoa', 'wl.ward', NULL) a$q$);
SELECT wl.add('err_bad_population', $q$SELECT a::text FROM oba.population_weights('wl.lsoa', 'wl.ward', 'wl.oa_badpop') a$q$);
SELECT wl.add('err_rule', $q$SELECT a::text FROM oba.best_fit('wl.lsoa', 'wl.ward', 'nearest') a$q$);
SELECT wl.add('err_rule_fine', $q$SELECT a::text FROM oba.best_fit('wl.lsoa', 'wl.ward', 'population') a$q$);
SELECT wl.add('err_method', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'children', method => 'guess') a$q$);
SELECT wl.add('err_kind', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'children', kind => 'odd') a$q$);
SELECT wl.add('err_best_fit_intensive', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'rate', kind => 'intensive', method => 'best_fit') a$q$);
SELECT wl.add('err_round_null', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'children', round_counts => NULL) a$q$);
SELECT wl.add('err_round_intensive', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'rate', kind => 'intensive', round_counts => true) a$q$);
SELECT wl.add('err_null_target', $q$SELECT a::text FROM oba.apportion('wl.lsoa', NULL, 'children') a$q$);
SELECT wl.add('err_value_column', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'nope') a$q$);
SELECT wl.add('err_value_type', $q$SELECT a::text FROM oba.apportion('wl.lsoa', 'wl.ward', 'geom') a$q$);
SELECT wl.add('err_value_nan', $q$SELECT a::text FROM oba.apportion('wl.badvalues', 'wl.ward', 'v') a$q$);
SELECT wl.add('err_value_negative', $q$SELECT a::text FROM oba.apportion('wl.badvalues', 'wl.ward', 'v', round_counts => true) a$q$);
SELECT wl.add('err_sliver', $q$SELECT a::text FROM oba.overlay_diagnostics('wl.lsoa', 'wl.ward', sliver => 2) a$q$);
SELECT wl.add('err_tolerance', $q$SELECT a::text FROM oba.overlay_diagnostics('wl.lsoa', 'wl.ward', tolerance => -1) a$q$);
-- maps (oba_geo)
SELECT wl.add('choropleth_svg', $q$
  SELECT oba.choropleth_svg(array_agg(geom ORDER BY code), array_agg(c ORDER BY code), label => array_agg(label ORDER BY code),
                            title => 'A <map>', legend_title => 'Compared', highlight => array_agg(code = 'L2' ORDER BY code),
                            highlight_label => 'Programme')
    FROM (SELECT l.*, (ARRAY['better', 'worse_99_8', NULL, 'plum'])[row_number() OVER (ORDER BY code)] AS c FROM wl.lsoa l) x
  UNION ALL
  SELECT oba.choropleth_svg(array_agg(ST_Scale(geom, ST_MakePoint(100, 100)) ORDER BY code), array_agg(code ORDER BY code), width => 300, height => 250)
    FROM wl.ward
  UNION ALL
  SELECT oba.choropleth_svg(array_agg(geom), array_agg('similar'::text), simplify => 0) FROM wl.ward
  UNION ALL
  SELECT oba.choropleth_svg('{}'::geometry[], '{}'::text[], title => 'Nothing')
  UNION ALL
  SELECT coalesce(oba.choropleth_svg(NULL::geometry[], NULL), 'null')$q$);
SELECT wl.add('choropleth_err_lengths', $q$SELECT oba.choropleth_svg(array_agg(geom), '{better}') FROM wl.ward$q$);
SELECT wl.add('choropleth_err_size', $q$SELECT oba.choropleth_svg(array_agg(geom), array_agg(code), width => 100) FROM wl.ward$q$);
SELECT wl.add('choropleth_err_simplify', $q$SELECT oba.choropleth_svg(array_agg(geom), array_agg(code), simplify => -1) FROM wl.ward$q$);
SELECT wl.add('choropleth_err_null', $q$SELECT oba.choropleth_svg(ARRAY[NULL::geometry], '{better}')$q$);
SELECT wl.add('choropleth_err_srids', $q$SELECT oba.choropleth_svg(ARRAY[ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))', 27700), ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))', 4326)], '{a,b}')$q$);
SELECT wl.add('choropleth_err_points', $q$SELECT oba.choropleth_svg(ARRAY[ST_GeomFromText('POINT(1 1)', 27700)], '{a}')$q$);
SELECT wl.add('choropleth_helpers', $q$SELECT concat_ws(' ', (oba._choropleth_style('better')).fill, (oba._choropleth_style('other', 3)).texture,
                                                       oba._choropleth_pattern('p', '#000000', 'dots'))$q$);
SELECT count(*) AS queries FROM wl.result;

-- ---- before: the workload in a fresh session, nothing planted ----
\c oba_planted
SET client_min_messages = error;
SET track_functions = 'all';
BEGIN;
UPDATE wl.result r SET (before, context) = (SELECT x.result, x.context FROM wl.run(r.name) x);
-- every SQL and PL/pgSQL function of oba and oba_geo that resolves names at
-- run time (a SQL-standard body was bound when it was created) was called:
-- it returned, or it is in the context of an error
SELECT p.oid::regprocedure AS not_exercised
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname IN ('oba', 'oba_geo')
 WHERE p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'plpgsql'))
   AND p.prosqlbody IS NULL AND coalesce(pg_stat_get_xact_function_calls(p.oid), 0) = 0
   AND NOT EXISTS (SELECT 1 FROM wl.result r
                    WHERE strpos(r.context, 'PL/pgSQL function ' || p.oid::regprocedure::text || ' ') > 0
                       OR strpos(r.context, 'SQL function "' || p.proname || '"') > 0)
 ORDER BY 1;
COMMIT;
RESET client_min_messages;
-- the queries that end in an error, as they should (bad input)
SELECT name, before FROM wl.result WHERE before NOT LIKE 'ok %' ORDER BY name;

-- ---- the planting, as the role that may create in schema oba and in public ----
SET ROLE oba_planter;
CREATE SCHEMA planted;
GRANT USAGE ON SCHEMA planted TO PUBLIC;
CREATE SEQUENCE planted.calls;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE planted.calls TO PUBLIC;
CREATE TABLE planted.plant (nsp text, kind text, target text, plant text, created bool, why text);
-- the types a value may have where a call expects t: every type with an
-- implicit cast to t, text (an untyped literal or NULL prefers it), and for
-- an array the arrays of the types that cast implicitly to its element
CREATE FUNCTION planted.variants(t oid) RETURNS SETOF oid LANGUAGE sql STABLE AS $$
  SELECT c.castsource FROM pg_catalog.pg_cast c
   WHERE c.casttarget = t AND c.castcontext = 'i' AND c.castsource <> t
  UNION
  SELECT e.typarray FROM pg_catalog.pg_type a
    JOIN pg_catalog.pg_cast c ON c.casttarget = a.typelem AND c.castcontext = 'i'
    JOIN pg_catalog.pg_type e ON e.oid = c.castsource
   WHERE a.oid = t AND a.typcategory = 'A' AND e.typarray <> 0
  UNION
  SELECT 'pg_catalog.text'::pg_catalog.regtype::oid WHERE t <> 'pg_catalog.text'::pg_catalog.regtype
$$;
SET search_path = pg_catalog, pg_temp;      -- every type below prints schema-qualified
DO $plant$
DECLARE
  gis oid := (SELECT extnamespace FROM pg_extension WHERE extname = 'postgis');
  code text;
  f record;
  v record;
  sig oid[];
  names text[];
  k int;
  i int;
  n int := 0;
  args text;
  outs text;
  ret text;
  body text;
  label text;
  ok bool;
  why text;
BEGIN
  -- the text of every function of oba and oba_geo that resolves names at run time
  SELECT string_agg(p.prosrc, E'\n') INTO code
    FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname IN ('oba', 'oba_geo')
   WHERE p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'plpgsql'));
  -- the targets: every function and aggregate of schema oba; in PostGIS's
  -- schema those whose name oba's code calls
  FOR f IN
    SELECT p.oid, p.pronamespace, p.proname, p.prokind, p.pronargs, p.pronargdefaults, p.proretset,
           ARRAY(SELECT unnest(p.proargtypes::oid[])) AS argtypes, p.proargnames, p.proargmodes, p.proallargtypes,
           p.prorettype, p.provariadic
      FROM pg_proc p
     WHERE p.prokind IN ('f', 'a') AND p.pronargs > 0
       AND (p.pronamespace = 'oba'::regnamespace
            OR (p.pronamespace = gis AND code ~* ('\m' || p.proname || '\s*\(')))
     ORDER BY p.oid
  LOOP
    -- the parameters' names, IN parameters only (named calls must match)
    names := ARRAY(SELECT coalesce(f.proargnames[o], '')
                     FROM unnest(coalesce(f.proargmodes, array_fill('i'::"char", ARRAY[f.pronargs]))) WITH ORDINALITY m(mode, o)
                    WHERE m.mode IN ('i', 'b', 'v') ORDER BY o);
    outs := (SELECT string_agg(format('OUT %I %s', f.proargnames[o], format_type(f.proallargtypes[o], NULL)), ', ' ORDER BY o)
               FROM unnest(f.proargmodes) WITH ORDINALITY m(mode, o) WHERE m.mode = 'o');
    -- PL/pgSQL refuses an input named like an output column: unnamed then
    IF EXISTS (SELECT 1 FROM unnest(f.proargmodes) WITH ORDINALITY m(mode, o)
                WHERE m.mode IN ('o', 't') AND f.proargnames[o] = ANY (names)) THEN
      names := array_fill(''::text, ARRAY[cardinality(names)]);
    END IF;
    ret := CASE WHEN 't' = ANY (f.proargmodes) THEN pg_get_function_result(f.oid)
                WHEN outs IS NOT NULL THEN CASE WHEN f.proretset THEN 'SETOF record' ELSE 'record' END
                ELSE pg_get_function_result(f.oid) END;
    FOR k IN f.pronargs - CASE WHEN f.prokind = 'f' THEN f.pronargdefaults ELSE 0 END .. f.pronargs LOOP
      CONTINUE WHEN k = 0;
      -- i = 0: the same types with the trailing defaulted parameters dropped;
      -- i > 0: parameter i replaced by each of its variants
      FOR i IN CASE WHEN k < f.pronargs THEN 0 ELSE 1 END .. k LOOP
        FOR v IN SELECT x AS t FROM planted.variants(f.argtypes[greatest(i, 1)]) x WHERE i > 0
                 UNION ALL SELECT NULL::oid WHERE i = 0 LOOP
          -- a polymorphic parameter matches anything already
          CONTINUE WHEN i > 0 AND (SELECT typtype = 'p' FROM pg_type WHERE oid = f.argtypes[i]);
          sig := f.argtypes[1:k];
          IF i > 0 THEN
            sig[i] := v.t;
          END IF;
          n := n + 1;
          args := (SELECT string_agg(CASE WHEN names[o] <> '' THEN format('%I ', names[o]) ELSE '' END
                                     || CASE WHEN o = k AND f.provariadic <> 0 AND k = f.pronargs THEN 'VARIADIC ' ELSE '' END
                                     || format_type(t, NULL), ', ' ORDER BY o)
                     FROM unnest(sig) WITH ORDINALITY u(t, o));
          label := format('%s.%s(%s)', f.pronamespace::regnamespace, f.proname,
                          (SELECT string_agg(format_type(t, NULL), ', ' ORDER BY o) FROM unnest(sig) WITH ORDINALITY u(t, o)));
          body := format('BEGIN PERFORM pg_catalog.nextval(%L::pg_catalog.regclass); RAISE EXCEPTION %L; END',
                         'planted.calls', 'planted overload ' || replace(label, '%', '%%') || ' ran');
          ok := true;
          why := NULL;
          BEGIN
            IF f.prokind = 'f' THEN
              EXECUTE format('CREATE FUNCTION %s.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
                             f.pronamespace::regnamespace, f.proname, concat_ws(', ', args, outs), ret, body);
            ELSE
              EXECUTE format('CREATE FUNCTION planted.sfunc_%s(pg_catalog.int4, %s) RETURNS pg_catalog.int4 LANGUAGE plpgsql AS %L',
                             n, (SELECT string_agg(format_type(t, NULL), ', ' ORDER BY o) FROM unnest(sig) WITH ORDINALITY u(t, o)), body);
              EXECUTE format('CREATE FUNCTION planted.final_%s(pg_catalog.int4) RETURNS %s LANGUAGE plpgsql AS %L',
                             n, format_type(f.prorettype, NULL), body);
              EXECUTE format('CREATE AGGREGATE %s.%I(%s) (SFUNC = planted.sfunc_%s, STYPE = pg_catalog.int4, INITCOND = ''0'', FINALFUNC = planted.final_%s)',
                             f.pronamespace::regnamespace, f.proname,
                             (SELECT string_agg(format_type(t, NULL), ', ' ORDER BY o) FROM unnest(sig) WITH ORDINALITY u(t, o)), n, n);
            END IF;
          EXCEPTION WHEN OTHERS THEN       -- that signature exists (42723), or cannot be made
            ok := false;
            why := SQLSTATE;
          END;
          INSERT INTO planted.plant VALUES (f.pronamespace::regnamespace::text, CASE f.prokind WHEN 'f' THEN 'function' ELSE 'aggregate' END,
                                            f.oid::regprocedure::text, label, ok, why);
        END LOOP;
      END LOOP;
    END LOOP;
  END LOOP;

  -- PostGIS's operators that oba's code names (OPERATOR(schema.op)): each
  -- operand replaced by its variants
  FOR f IN
    SELECT o.oid, o.oprname, o.oprleft, o.oprright, o.oprresult
      FROM pg_operator o
     WHERE o.oprnamespace = gis AND o.oprleft <> 0
       AND o.oprname IN (SELECT (regexp_matches(code, 'OPERATOR\([^)]*\.([^). ]+)\)', 'g'))[1])
  LOOP
    FOR v IN SELECT 1 AS side, x AS t FROM planted.variants(f.oprleft) x
             UNION ALL SELECT 2, x FROM planted.variants(f.oprright) x LOOP
      n := n + 1;
      sig := ARRAY[f.oprleft, f.oprright];
      sig[v.side] := v.t;
      label := format('operator %s.%s(%s, %s)', gis::regnamespace, f.oprname, format_type(sig[1], NULL), format_type(sig[2], NULL));
      ok := true;
      why := NULL;
      BEGIN
        EXECUTE format('CREATE FUNCTION planted.op_%s(%s, %s) RETURNS %s LANGUAGE plpgsql AS %L', n,
                       format_type(sig[1], NULL), format_type(sig[2], NULL), format_type(f.oprresult, NULL),
                       format('BEGIN PERFORM pg_catalog.nextval(%L::pg_catalog.regclass); RAISE EXCEPTION %L; END',
                              'planted.calls', 'planted ' || label || ' ran'));
        EXECUTE format('CREATE OPERATOR %s.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = planted.op_%s)',
                       gis::regnamespace, f.oprname, format_type(sig[1], NULL), format_type(sig[2], NULL), n);
      EXCEPTION WHEN OTHERS THEN
        ok := false;
        why := SQLSTATE;
      END;
      INSERT INTO planted.plant VALUES (gis::regnamespace::text, 'operator', f.oid::regoperator::text, label, ok, why);
    END LOOP;
  END LOOP;
END $plant$;
RESET search_path;
RESET ROLE;
-- how many overloads were planted, per schema and kind (the numbers grow
-- with every new function, hence ranges)
SELECT nsp, kind, count(*) FILTER (WHERE created) BETWEEN 1 AND 20 AS "1-20",
       count(*) FILTER (WHERE created) BETWEEN 21 AND 500 AS "21-500",
       count(*) FILTER (WHERE created) > 500 AS "over 500",
       count(DISTINCT target) > 0 AS targets
  FROM planted.plant GROUP BY 1, 2 ORDER BY 1, 2;
-- the overloads that could not be planted: those whose signature exists already
SELECT why, count(*) > 0 AS some FROM planted.plant WHERE NOT created GROUP BY 1 ORDER BY 1;
-- some of the plants: the ones issue 12 found, and calls that rely on defaults
SELECT plant FROM planted.plant
 WHERE created AND plant IN ('oba._svg_num(numeric, integer)', 'oba._svg_num(numeric)', 'oba._svg_num(double precision)',
                             'public.st_affine(public.geometry, double precision, integer, double precision, double precision, double precision, double precision)',
                             'public.st_intersection(public.geometry, public.geometry)', 'oba.apportion_agg(double precision, integer)')
 ORDER BY 1;

-- ---- after: the workload again, as the superuser, in a fresh session ----
\c oba_planted
SET client_min_messages = error;
UPDATE wl.result r SET after = (SELECT x.result FROM wl.run(r.name) x);
RESET client_min_messages;
-- nothing planted ran, and every query gave what it gave before
SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS planted_calls FROM planted.calls;
SELECT name, before, after FROM wl.result WHERE after IS DISTINCT FROM before ORDER BY name;
SELECT count(*) AS queries, count(*) FILTER (WHERE after = before) AS same FROM wl.result;

\c :home
SET client_min_messages = warning;
DROP DATABASE oba_planted;
DROP ROLE oba_planter;
