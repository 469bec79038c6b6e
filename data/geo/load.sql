-- data/geo/load.sql: load the Birmingham and Southampton boundaries and
-- populations (EPSG:27700, as stored; see README.md here) into schema geo.
-- Run from the project root with PostGIS on the search_path:
--   psql -v ON_ERROR_STOP=1 -f data/geo/load.sql
-- Tables: geo.wards19, geo.wards25 (Southampton), geo.lsoa, geo.oa,
-- geo.lsoa_pop, geo.oa_pop, geo.ons_bestfit. Keys are ONS codes in "code".
CREATE SCHEMA geo;
CREATE TABLE geo.geojson (layer text PRIMARY KEY, doc jsonb);
\set doc `cat data/geo/wards_dec2019.geojson`
INSERT INTO geo.geojson VALUES ('wards19', :'doc');
\set doc `cat data/geo/wards_dec2025_southampton.geojson`
INSERT INTO geo.geojson VALUES ('wards25', :'doc');
\set doc `cat data/geo/lsoa11.geojson`
INSERT INTO geo.geojson VALUES ('lsoa', :'doc');
\set doc `cat data/geo/oa11.geojson`
INSERT INTO geo.geojson VALUES ('oa', :'doc');
\unset doc

CREATE TABLE geo.wards19 (code text PRIMARY KEY, name text, lad_code text,
                          geom geometry(MultiPolygon, 27700));
CREATE TABLE geo.wards25 (LIKE geo.wards19 INCLUDING ALL);
CREATE TABLE geo.lsoa (code text PRIMARY KEY, name text, lad_code text,
                       geom geometry(MultiPolygon, 27700));
CREATE TABLE geo.oa (code text PRIMARY KEY, lsoa_code text, lad_code text,
                     geom geometry(MultiPolygon, 27700));

INSERT INTO geo.wards19
  SELECT f->'properties'->>'ward_code', f->'properties'->>'ward_name', f->'properties'->>'lad_code',
         ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 27700)
    FROM geo.geojson, jsonb_array_elements(doc->'features') f WHERE layer = 'wards19';
INSERT INTO geo.wards25
  SELECT f->'properties'->>'ward_code', f->'properties'->>'ward_name', f->'properties'->>'lad_code',
         ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 27700)
    FROM geo.geojson, jsonb_array_elements(doc->'features') f WHERE layer = 'wards25';
INSERT INTO geo.lsoa
  SELECT f->'properties'->>'lsoa11_code', f->'properties'->>'lsoa11_name', f->'properties'->>'lad_code',
         ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 27700)
    FROM geo.geojson, jsonb_array_elements(doc->'features') f WHERE layer = 'lsoa';
INSERT INTO geo.oa
  SELECT f->'properties'->>'oa11_code', f->'properties'->>'lsoa11_code', f->'properties'->>'lad_code',
         ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 27700)
    FROM geo.geojson, jsonb_array_elements(doc->'features') f WHERE layer = 'oa';
DROP TABLE geo.geojson;

CREATE TABLE geo.lsoa_pop (code text PRIMARY KEY, lad_code text, pop_total float8,
                           pop_0_15 float8, pop_16_59 float8, pop_60plus float8);
\copy geo.lsoa_pop FROM 'data/geo/lsoa11_population.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE geo.oa_pop (code text PRIMARY KEY, lsoa_code text, lad_code text, residents float8);
\copy geo.oa_pop FROM 'data/geo/oa11_population.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE geo.ons_bestfit (lsoa_code text PRIMARY KEY, ward_code text, ward_name text, lad_code text);
\copy geo.ons_bestfit FROM 'data/geo/ons_lsoa11_to_wd19_bestfit.csv' WITH (FORMAT csv, HEADER true)

CREATE INDEX ON geo.wards19 USING gist (geom);
CREATE INDEX ON geo.wards25 USING gist (geom);
CREATE INDEX ON geo.lsoa USING gist (geom);
CREATE INDEX ON geo.oa USING gist (geom);
ANALYZE geo.wards19, geo.wards25, geo.lsoa, geo.oa, geo.lsoa_pop, geo.oa_pop, geo.ons_bestfit;
