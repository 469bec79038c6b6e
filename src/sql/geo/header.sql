-- oba_geo: ward-boundary apportionment next to PostGIS, installed into the
-- schema of oba. This file is assembled by the Makefile from src/sql/geo/*.sql;
-- edit those.
--
-- Search-path safety: every function pins search_path = pg_catalog, pg_temp,
-- and every PostGIS function, operator and type in the dynamic SQL is
-- qualified with PostGIS's schema, looked up at call time from pg_extension
-- (PostGIS may live in any schema). User tables arrive as regclass and are
-- printed schema-qualified; user columns are quoted with format('%I').

\echo Use "CREATE EXTENSION oba_geo" to load this file. \quit
