-- data/geo/setup.sql: what every oba_geo regression suite starts with.
-- PostGIS in its own schema (as the README advises), oba_geo beside oba
-- (preloaded by pg_regress), and the boundaries loaded into schema geo.
-- Southampton (E06000045) layers with the reference's source values:
--   lsoa(code, geom, synthetic_count, synthetic_rate, pop_total_mid2015,
--        pop_0_15_mid2015, pct_0_15_mid2015)
--   oa(code, lsoa_code, geom, population, synthetic_count, usual_residents_census2011)
--   wards19(code, name, geom), wards25(code, name, geom)
\set ECHO none
SET client_min_messages = warning;
CREATE SCHEMA postgis;
CREATE EXTENSION postgis SCHEMA postgis;
CREATE EXTENSION oba_geo;
SET search_path = public, postgis;
\i data/geo/load.sql
CREATE TABLE lsoa AS
  SELECT l.code, l.geom,
         (substr(l.code, 2)::bigint % 97 + 3)::float8 AS synthetic_count,
         (substr(l.code, 2)::bigint % 89 + 11) / 10.0::float8 AS synthetic_rate,
         p.pop_total AS pop_total_mid2015, p.pop_0_15 AS pop_0_15_mid2015,
         100 * p.pop_0_15 / p.pop_total AS pct_0_15_mid2015
    FROM geo.lsoa l JOIN geo.lsoa_pop p USING (code)
   WHERE l.lad_code = 'E06000045';
CREATE TABLE oa AS
  SELECT o.code, o.lsoa_code, o.geom, p.residents AS population,
         (substr(o.code, 2)::bigint % 97 + 3)::float8 AS synthetic_count,
         p.residents AS usual_residents_census2011
    FROM geo.oa o JOIN geo.oa_pop p USING (code)
   WHERE o.lad_code = 'E06000045';
CREATE TABLE wards19 AS SELECT code, name, geom FROM geo.wards19 WHERE lad_code = 'E06000045';
CREATE TABLE wards25 AS SELECT code, name, geom FROM geo.wards25;
CREATE INDEX ON lsoa USING gist (geom);
CREATE INDEX ON oa USING gist (geom);
CREATE INDEX ON wards19 USING gist (geom);
CREATE INDEX ON wards25 USING gist (geom);
ANALYZE lsoa, oa, wards19, wards25;
RESET client_min_messages;
\set ECHO all
