-- oba_geo on a shared server: geometries built to be expensive. Combs (long
-- parallel teeth) made oba._geo_overlap_area quadratic in time and memory
-- (1.6 GB and tens of minutes at 20,000 vertices) and deaf to cancellation;
-- now the areal weights of combs finish and agree with PostGIS, and a query
-- stops within a second of its statement_timeout. A map 1e-300 across
-- passed PostGIS a simplification tolerance of 8e-304, and one with a NaN
-- coordinate hung GEOS where no cancel reaches it.
SET client_min_messages = warning;
CREATE SCHEMA postgis;
CREATE EXTENSION postgis SCHEMA postgis;
CREATE EXTENSION oba_geo;
RESET client_min_messages;
SET search_path = public, postgis;

-- A comb of t teeth (4t vertices): a base bar 0 <= y <= 1 under 2t - 1, tooth
-- k over 2k <= x <= 2k + 1 up to y = h; x and y swapped when swap, both times
-- f, then moved by (dx, dy) from (400000, 100000) (British National Grid).
CREATE FUNCTION pg_temp.comb(t int, dx float8, dy float8, f float8 DEFAULT 1, h float8 DEFAULT 1000,
                             swap bool DEFAULT false) RETURNS geometry LANGUAGE sql AS $$
SELECT ST_SetSRID(ST_MakePolygon(ST_MakeLine(array_agg(
         ST_MakePoint(400000 + dx + f * CASE WHEN swap THEN s.y ELSE s.x END,
                      100000 + dy + f * CASE WHEN swap THEN s.x ELSE s.y END) ORDER BY s.o))), 27700)
  FROM (SELECT 0 AS o, 0::float8 AS x, 0::float8 AS y
        UNION ALL SELECT 1, 2 * t - 1, 0
        UNION ALL SELECT 2 + 4 * (t - 1 - k) + j,
                         CASE j WHEN 0 THEN 2 * k + 1 WHEN 1 THEN 2 * k WHEN 2 THEN 2 * k ELSE 2 * k - 1 END,
                         CASE WHEN j < 2 THEN h ELSE 1 END
          FROM generate_series(0, t - 1) k, generate_series(0, 3) j WHERE k > 0 OR j < 2
        UNION ALL SELECT 4 * t + 1, 0, 0) s
$$;

-- ---- areal weights of combs: 1,000 and 20,000 vertices ----
-- shifted: b is a copied half a tooth across and 500 up; meshed: b's teeth
-- point down between a's (a turned half round). Each pair 3,000 apart.
CREATE TABLE comb_src (code text, geom geometry);
CREATE TABLE comb_tgt (code text, geom geometry);
INSERT INTO comb_src
  SELECT k || n, pg_temp.comb(n / 4, 0, 3000 * i)
    FROM (VALUES (1, 'shifted', 1000), (2, 'shifted', 20000), (3, 'meshed', 1000), (4, 'meshed', 20000)) v(i, k, n);
INSERT INTO comb_tgt
  SELECT k || n, CASE k WHEN 'shifted' THEN pg_temp.comb(n / 4, 0.5, 3000 * i + 500)
                        ELSE pg_temp.comb(n / 4, n / 2 - 0.5, 3000 * i + 1500, -1) END
    FROM (VALUES (1, 'shifted', 1000), (2, 'shifted', 20000), (3, 'meshed', 1000), (4, 'meshed', 20000)) v(i, k, n);
SELECT s.code, ST_NPoints(s.geom) AS vertices, ST_IsValid(s.geom) AND ST_IsValid(t.geom) AS valid
  FROM comb_src s JOIN comb_tgt t USING (code) ORDER BY 1;
-- each source meets its own target only; the weight is PostGIS's to 1e-9
SELECT w.source_code, w.target_code,
       abs(w.weight - ST_Area(ST_Intersection(s.geom, t.geom)) / ST_Area(s.geom))
         <= 1e-9 * w.weight AS agrees_with_postgis
  FROM oba.areal_weights('comb_src', 'comb_tgt') w
  JOIN comb_src s ON s.code = w.source_code JOIN comb_tgt t ON t.code = w.target_code
 ORDER BY 1, 2;

-- ---- cancellation: crossed combs, 20,000 vertices each ----
-- b's teeth across a's: 10^8 crossings, seconds of work in C; the WKB is
-- built first, so that the timed statement is the overlay itself
CREATE TABLE comb_crossed AS
  SELECT 'a'::text AS code, pg_temp.comb(5000, 0, 0, 1, 10000) AS geom,
         ST_AsBinary(pg_temp.comb(5000, 0, 0, 1, 10000)) AS wa,
         ST_AsBinary(pg_temp.comb(5000, 0.25, 0.5, 1, 10000, true)) AS wb;
CREATE TABLE comb_crossed_tgt AS
  SELECT 'b'::text AS code, pg_temp.comb(5000, 0.25, 0.5, 1, 10000, true) AS geom;
SET statement_timeout = '500ms';
DO $$
BEGIN
  PERFORM oba._geo_overlap_area(wa, wb) FROM comb_crossed;
  RAISE NOTICE '_geo_overlap_area finished before the timeout';
EXCEPTION WHEN query_canceled THEN
  RAISE NOTICE '_geo_overlap_area cancelled within a second: %',
    clock_timestamp() - statement_timestamp() < interval '1.5 s';
END $$;
-- the same through oba.areal_weights (its checks take PostGIS a moment first)
SET statement_timeout = '2s';
DO $$
BEGIN
  PERFORM count(*) FROM oba.areal_weights('comb_crossed', 'comb_crossed_tgt');
  RAISE NOTICE 'areal_weights finished before the timeout';
EXCEPTION WHEN query_canceled THEN
  RAISE NOTICE 'areal_weights cancelled within a second: %',
    clock_timestamp() - statement_timestamp() < interval '3 s';
END $$;
RESET statement_timeout;

-- ---- maps of extreme coordinates ----
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
-- a pentagon 1e-300 across: half a pixel is 8e-304, whose square underflows;
-- GEOS would collapse the pentagon to a line (or fail). It is drawn whole.
SELECT xml_is_well_formed_document(s) AS well_formed,
       (xpath('//*[local-name()="path"]/@d', s::xml))[1] AS path
  FROM (SELECT oba.choropleth_svg(ARRAY['SRID=27700;POLYGON((0 0,1e-300 0,1.5e-300 0.7e-300,1e-300 1e-300,0 1e-300,0 0))'::geometry],
                                  ARRAY['better']) AS s) m;
-- the same pentagon 1e-100 across, with a vertex in the middle of its top
-- edge: simplified as before (that vertex goes)
SELECT (xpath('//*[local-name()="path"]/@d', s::xml))[1] AS path
  FROM (SELECT oba.choropleth_svg(ARRAY['SRID=27700;POLYGON((0 0,1e-100 0,1.5e-100 0.7e-100,1e-100 1e-100,0.5e-100 1e-100,0 1e-100,0 0))'::geometry],
                                  ARRAY['better']) AS s) m;
-- NaN (GEOS's simplification never returns, and no cancel reaches it),
-- infinite, beyond 1e300, narrower than 1e-300: errors before PostGIS
SELECT pg_temp.err($$SELECT oba.choropleth_svg(ARRAY[ST_MakePolygon(ST_MakeLine(ARRAY[ST_MakePoint(0, 0), ST_MakePoint('NaN'::float8, 0), ST_MakePoint(1, 1), ST_MakePoint(0, 0)]))], ARRAY['better'])$$);
SELECT pg_temp.err($$SELECT oba.choropleth_svg(ARRAY[ST_MakePolygon(ST_MakeLine(ARRAY[ST_MakePoint(0, 0), ST_MakePoint('Infinity'::float8, 0), ST_MakePoint(1, 1), ST_MakePoint(0, 0)]))], ARRAY['better'])$$);
SELECT pg_temp.err($$SELECT oba.choropleth_svg(ARRAY['POLYGON((-1e308 -1e308,1e308 -1e308,1e308 1e308,-1e308 -1e308))'::geometry], ARRAY['better'])$$);
SELECT pg_temp.err($$SELECT oba.choropleth_svg(ARRAY['POLYGON((0 0,1e-308 0,1e-308 1e-308,0 0))'::geometry], ARRAY['better'])$$);

DROP TABLE comb_src, comb_tgt, comb_crossed, comb_crossed_tgt;
DROP FUNCTION pg_temp.comb(int, float8, float8, float8, float8, bool);
SET client_min_messages = warning;
DROP EXTENSION oba_geo;
DROP EXTENSION postgis;
DROP SCHEMA postgis;
RESET client_min_messages;
RESET search_path;
