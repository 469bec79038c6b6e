-- Inputs to oba_geo that once crashed a backend or failed inside its
-- dynamic SQL (found by make fuzz); the rest are in crashes.sql. Each must now be
-- an error with a SQLSTATE, or a result; never a crash.
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- oba_geo: a NULL table, and a value column that is not a number, were a
-- syntax error and a cast error from inside the function's dynamic SQL.
SET client_min_messages = warning;
CREATE SCHEMA crash_postgis;
CREATE EXTENSION postgis SCHEMA crash_postgis;
CREATE EXTENSION oba_geo;
RESET client_min_messages;
CREATE TEMP TABLE crash_src AS
  SELECT 'S1'::text AS code, crash_postgis.ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 1,0 0))', 27700) AS geom, 3::float8 AS n;
CREATE TEMP TABLE crash_tgt AS SELECT 'T1'::text AS code, geom FROM crash_src;
SELECT pg_temp.err($$SELECT * FROM oba.apportion('crash_src', NULL, 'n')$$);
SELECT pg_temp.err($$SELECT * FROM oba.apportion(NULL, 'crash_tgt', 'n')$$);
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('crash_src', NULL)$$);
SELECT pg_temp.err($$SELECT * FROM oba.apportion('crash_src', 'crash_tgt', 'geom')$$);
SELECT * FROM oba.apportion('crash_src', 'crash_tgt', 'n');
SET client_min_messages = warning;
DROP TABLE crash_src, crash_tgt;
DROP EXTENSION oba_geo;
DROP EXTENSION postgis;
DROP SCHEMA crash_postgis;
RESET client_min_messages;
