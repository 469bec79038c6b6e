-- data/geo/teardown.sql: leave the database as pg_regress made it (oba only).
\set ECHO none
SET client_min_messages = warning;
DROP TABLE IF EXISTS lsoa, oa, wards19, wards25;
DROP SCHEMA geo CASCADE;
DROP EXTENSION oba_geo;
DROP EXTENSION postgis;
DROP SCHEMA postgis;
RESET client_min_messages;
RESET search_path;
\set ECHO all
