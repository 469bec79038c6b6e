-- oba_geo behaviour: worked examples, bad input (SQLSTATE and a
-- message naming the table, column or key), make_valid, rows that cannot be
-- placed, missing values, targets that receive nothing, search_path safety.
-- Reference numbers are checked in sql/geo_reference.sql.
\i data/geo/setup.sql
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- ---- worked example: LSOA counts to wards ----
-- children aged 0-15 (mid-2015) by Southampton LSOA, to the Dec 2019 wards
SELECT w.code, w.name, round(a.value::numeric, 4) AS children, a.sources
  FROM oba.apportion('lsoa', 'wards19', 'pop_0_15_mid2015') a
  JOIN wards19 w ON w.code = a.target_code
 ORDER BY w.code LIMIT 5;
-- the same as whole numbers that keep every LSOA's total (largest remainder)
SELECT target_code, value AS children FROM oba.apportion('lsoa', 'wards19', 'pop_0_15_mid2015',
                                                        denominator => 'covered', round_counts => true)
 ORDER BY 1 LIMIT 5;
SELECT sum(value) AS rounded_total, (SELECT sum(pop_0_15_mid2015) FROM lsoa) AS lsoa_total
  FROM oba.apportion('lsoa', 'wards19', 'pop_0_15_mid2015', denominator => 'covered', round_counts => true);
-- why totals move: 'total' loses the LSOA area outside every ward
SELECT round(sum(value)::numeric, 2) AS kept_by_total,
       (SELECT sum(pop_total_mid2015) FROM lsoa) AS lsoa_total
  FROM oba.apportion('lsoa', 'wards19', 'pop_total_mid2015');
-- rounding under 'total': each source's covered part is rounded before it is
-- split, so the rounded total moves away from the unrounded one, either way
SELECT c.col, r.value AS rounded, round(u.value::numeric, 2) AS unrounded
  FROM (VALUES ('pop_0_15_mid2015'), ('synthetic_count')) c(col),
       LATERAL (SELECT sum(value) AS value FROM oba.apportion('lsoa', 'wards19', c.col, round_counts => true)) r,
       LATERAL (SELECT sum(value) AS value FROM oba.apportion('lsoa', 'wards19', c.col)) u
 ORDER BY 1;
SELECT count(*) AS lsoas, count(*) FILTER (WHERE gap) AS with_gap, round(min(covered_share)::numeric, 4) AS min_covered,
       count(*) FILTER (WHERE overlap) AS with_overlap, sum(slivers) AS slivers,
       count(*) FILTER (WHERE second_share > 0.1) AS split_over_10pct
  FROM oba.overlay_diagnostics('lsoa', 'wards19');
SELECT source_code, targets, round(covered_share::numeric, 12) AS covered_share,
       round(largest_share::numeric, 12) AS largest_share, largest_target,
       round(second_share::numeric, 12) AS second_share, slivers, gap, overlap
  FROM oba.overlay_diagnostics('lsoa', 'wards19', sliver => 1e-3) WHERE slivers > 0 ORDER BY covered_share LIMIT 3;
-- the weights themselves, for a join of your own
SELECT source_code, target_code, round(weight::numeric, 12) AS weight
  FROM oba.areal_weights('lsoa', 'wards19') WHERE source_code = 'E01017136';

-- ---- worked example: 2019 wards to 2025 wards ----
-- a count published for the Dec 2019 wards (here: children by best fit)
CREATE TABLE ward19_children AS
  SELECT w.code, w.geom, a.value AS children
    FROM wards19 w JOIN oba.apportion('lsoa', 'wards19', 'pop_0_15_mid2015', method => 'best_fit') a
      ON a.target_code = w.code;
-- to the Dec 2025 wards, weighted by where people live: each output area's
-- residents go with its point on surface, both into an old ward and a new one
SELECT a.target_code, w.name, round(a.value::numeric, 1) AS children, a.sources
  FROM oba.apportion('ward19_children', 'wards25', 'children', method => 'population',
                     fine => 'oa', round_counts => false) a
  JOIN wards25 w ON w.code = a.target_code
 ORDER BY 1 LIMIT 6;
SELECT round(sum(value)::numeric, 6) AS total_2025, (SELECT sum(children) FROM ward19_children) AS total_2019
  FROM oba.apportion('ward19_children', 'wards25', 'children', method => 'population', fine => 'oa');
SELECT source_code, target_code, round(weight::numeric, 4) AS weight
  FROM oba.population_weights('ward19_children', 'wards25', 'oa') WHERE source_code = 'E05002462';

-- ---- best fit ----
SELECT * FROM oba.best_fit('lsoa', 'wards25') ORDER BY source_code LIMIT 3;
SELECT source_code, target_code, round(share::numeric, 4) AS share
  FROM oba.best_fit('lsoa', 'wards25', 'population', fine => 'oa', fine_source => 'lsoa_code')
 ORDER BY share LIMIT 3;

-- ---- bad input: SQLSTATE and a message naming the table, column or key ----
CREATE TABLE t (code text, geom geometry, name text, n float8);
INSERT INTO t SELECT code, geom, name, 10 FROM wards19 WHERE code IN ('E05002455', 'E05002456');
CREATE TABLE bad AS SELECT * FROM t;
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('lsoa', 'no_such_table')$$);
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('lsoa', 'wards19', target_key => 'ward_code')$$);
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('lsoa', 'wards19', source_geom => 'shape')$$);
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('lsoa', 'wards19', target_geom => 'name')$$);
SELECT pg_temp.err($$SELECT * FROM oba.apportion('lsoa', 'wards19', 'children')$$);
UPDATE bad SET geom = ST_SetSRID(geom, 3857) WHERE code = 'E05002455';
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('lsoa', 'bad')$$);          -- mixed SRIDs in one table
UPDATE bad SET geom = ST_SetSRID(geom, 3857);
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('lsoa', 'bad')$$);          -- different SRIDs
UPDATE bad SET geom = ST_SetSRID(geom, 4326);
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('bad', 'wards19')$$);        -- geographic
UPDATE bad SET geom = ST_SetSRID(geom, 0);
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('lsoa', 'bad')$$);          -- no SRID
CREATE TABLE geog AS SELECT code, geom::geography AS geom FROM (SELECT code, ST_Transform(geom, 4326) AS geom FROM t) x;
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('geog', 'wards19')$$);
TRUNCATE bad; INSERT INTO bad SELECT * FROM t;
UPDATE bad SET code = NULL WHERE code = 'E05002455';
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('lsoa', 'bad')$$);          -- NULL key
UPDATE bad SET code = 'E05002456';
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('lsoa', 'bad')$$);          -- duplicate key
TRUNCATE bad; INSERT INTO bad SELECT * FROM t;
UPDATE bad SET geom = NULL WHERE code = 'E05002456';
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('bad', 'wards19')$$);        -- NULL geometry
UPDATE bad SET geom = ST_PointOnSurface(geom) WHERE code = 'E05002455';
UPDATE bad SET geom = (SELECT geom FROM t WHERE code = 'E05002456') WHERE code = 'E05002456';
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('bad', 'wards19')$$);        -- not a polygon
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('lsoa', 'wards19', denominator => 'sum')$$);
SELECT pg_temp.err($$SELECT * FROM oba.population_weights('lsoa', 'wards19', 'oa', fine_population => 'residents')$$);
SELECT pg_temp.err($$SELECT * FROM oba.population_weights('lsoa', 'wards19', 'oa', placement => 'centroid')$$);
SELECT pg_temp.err($$SELECT * FROM oba.best_fit('lsoa', 'wards19', 'largest')$$);
SELECT pg_temp.err($$SELECT * FROM oba.best_fit('lsoa', 'wards19', 'population')$$);
SELECT pg_temp.err($$SELECT * FROM oba.apportion('lsoa', 'wards19', 'pct_0_15_mid2015', kind => 'rate')$$);
SELECT pg_temp.err($$SELECT * FROM oba.apportion('lsoa', 'wards19', 'pct_0_15_mid2015', kind => 'intensive', method => 'best_fit')$$);
SELECT pg_temp.err($$SELECT * FROM oba.apportion('lsoa', 'wards19', 'pct_0_15_mid2015', kind => 'intensive', round_counts => true)$$);
SELECT pg_temp.err($$SELECT * FROM oba.overlay_diagnostics('lsoa', 'wards19', sliver => 1)$$);
-- a fine unit with a negative population
CREATE TABLE oa_bad AS SELECT * FROM oa;
UPDATE oa_bad SET population = -1 WHERE code = (SELECT min(code) FROM oa);
SELECT pg_temp.err($$SELECT * FROM oba.population_weights('lsoa', 'wards19', 'oa_bad')$$);
-- a value that cannot be counted
CREATE TABLE lsoa_bad AS SELECT code, geom, synthetic_count FROM lsoa;
UPDATE lsoa_bad SET synthetic_count = 'Infinity' WHERE code = 'E01017140';
SELECT pg_temp.err($$SELECT * FROM oba.apportion('lsoa_bad', 'wards19', 'synthetic_count')$$);
UPDATE lsoa_bad SET synthetic_count = -3 WHERE code = 'E01017140';
SELECT pg_temp.err($$SELECT * FROM oba.apportion('lsoa_bad', 'wards19', 'synthetic_count', round_counts => true)$$);

-- ---- invalid geometries: an error, or repaired with make_valid ----
-- a self-intersecting ring (a bow tie) across wards E05002455 and E05002457
CREATE TABLE bowtie (code text, geom geometry(Polygon, 27700), n float8);
INSERT INTO bowtie SELECT 'BOW', ST_SetSRID(ST_MakePolygon(ST_MakeLine(ARRAY[
         ST_Translate(c, -300, -300), ST_Translate(c, 300, 300), ST_Translate(c, 300, -300),
         ST_Translate(c, -300, 300), ST_Translate(c, -300, -300)])), 27700), 100
  FROM (SELECT ST_Centroid(ST_Collect(geom)) AS c FROM wards19 WHERE code IN ('E05002455', 'E05002457')) x;
INSERT INTO bowtie SELECT code, (ST_Dump(geom)).geom, 1 FROM lsoa WHERE code = 'E01017136';
SELECT pg_temp.err($$SELECT * FROM oba.areal_weights('bowtie', 'wards19')$$);
SELECT source_code, target_code, round(weight::numeric, 6) AS weight
  FROM oba.areal_weights('bowtie', 'wards19', make_valid => true) ORDER BY 1, 2;
SELECT round(sum(weight)::numeric, 6) AS bowtie_covered
  FROM oba.areal_weights('bowtie', 'wards19', make_valid => true) WHERE source_code = 'BOW';

-- ---- rows that cannot be placed are reported, never dropped silently ----
-- a source far out at sea, and a ward with no source in it
CREATE TABLE lsoa_plus AS SELECT code, geom, synthetic_count FROM lsoa;
INSERT INTO lsoa_plus SELECT 'SEA1', ST_Translate(geom, 50000, 0), 7 FROM lsoa WHERE code = 'E01017136';
CREATE TABLE wards_plus AS SELECT code, geom FROM wards19;
INSERT INTO wards_plus SELECT 'FAR1', ST_Translate(geom, 0, 90000) FROM wards19 WHERE code = 'E05002455';
SELECT count(*) AS pairs FROM oba.areal_weights('lsoa_plus', 'wards_plus');
SELECT * FROM oba.best_fit('lsoa_plus', 'wards_plus') WHERE target_code IS NULL OR source_code = 'SEA1';
SELECT * FROM oba.overlay_diagnostics('lsoa_plus', 'wards_plus') WHERE targets = 0;
-- every target comes back: one with no source is NULL by area, 0 by best fit
SELECT a.target_code, a.value AS by_area, a.sources, b.value AS by_best_fit
  FROM oba.apportion('lsoa_plus', 'wards_plus', 'synthetic_count') a
  JOIN oba.apportion('lsoa_plus', 'wards_plus', 'synthetic_count', method => 'best_fit') b USING (target_code)
 WHERE a.target_code = 'FAR1';
-- a source whose fine units are all empty: area weights as a fallback, or none
CREATE TABLE oa_zero AS SELECT code, lsoa_code, geom, CASE WHEN lsoa_code = 'E01017136' THEN 0 ELSE population END AS population FROM oa;
SELECT source_code, target_code, round(weight::numeric, 6) AS weight
  FROM oba.population_weights('lsoa', 'wards19', 'oa_zero', fine_source => 'lsoa_code') WHERE source_code = 'E01017136';
SELECT count(*) AS rows_for_it
  FROM oba.population_weights('lsoa', 'wards19', 'oa_zero', fine_source => 'lsoa_code', fallback => 'none')
 WHERE source_code = 'E01017136';
-- fine units whose parent code is no source
CREATE TABLE oa_orphan AS SELECT * FROM oa;
UPDATE oa_orphan SET lsoa_code = 'E01999999' WHERE code IN (SELECT code FROM oa ORDER BY code LIMIT 2);
SELECT count(*) AS pairs FROM oba.population_weights('lsoa', 'wards19', 'oa_orphan', fine_source => 'lsoa_code');

-- ---- missing values: NULL propagates to every target it touches, or is skipped ----
CREATE TABLE lsoa_null AS SELECT code, geom, synthetic_count FROM lsoa;
UPDATE lsoa_null SET synthetic_count = NULL WHERE code = 'E01017136';
SELECT a.target_code, round(a.value::numeric, 4) AS propagate, a.null_sources,
       round(b.value::numeric, 4) AS skipped, b.null_sources AS skipped_sources
  FROM oba.apportion('lsoa_null', 'wards19', 'synthetic_count') a
  JOIN oba.apportion('lsoa_null', 'wards19', 'synthetic_count', skip_nulls => true) b USING (target_code)
 WHERE a.null_sources > 0 ORDER BY 1;

-- ---- keys compare as text; any key type ----
CREATE TABLE lsoa_int AS SELECT row_number() OVER (ORDER BY code) AS id, geom, synthetic_count FROM lsoa;
SELECT source_code, target_code, round(weight::numeric, 15) AS weight
  FROM oba.areal_weights('lsoa_int', 'wards19', source_key => 'id') ORDER BY weight LIMIT 2;

-- ---- intersection areas computed in C agree with PostGIS's overlay ----
-- the same pairs and shares as ST_Area(ST_Intersection(s, t)) / ST_Area(s), on
-- layers that cross and on layers that share boundaries (2019 and 2025 wards,
-- a layer with itself: pairs that only touch are not pairs)
CREATE FUNCTION pg_temp.plain(s regclass, t regclass)
RETURNS TABLE (source_code text, target_code text, weight float8) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format('SELECT s.code, t.code, ST_Area(ST_Intersection(s.geom, t.geom)) / ST_Area(s.geom)
                                 FROM %s s JOIN %s t ON ST_Intersects(s.geom, t.geom)', s, t);
END $$;
-- (a source without a spatial index joins through the target's)
CREATE TABLE lsoa_unindexed AS SELECT code, geom FROM lsoa;
SELECT l.s, l.t, count(*) FILTER (WHERE p.weight > 0) AS plain_pairs, count(o.*) AS oba_pairs,
       count(*) FILTER (WHERE abs(o.weight - p.weight) < 1e-12) AS same_share
  FROM (VALUES ('lsoa', 'wards19'), ('lsoa_unindexed', 'wards19'), ('oa', 'wards25'), ('wards19', 'wards25'),
               ('wards25', 'wards19'), ('wards19', 'wards19')) l(s, t),
       LATERAL pg_temp.plain(l.s::regclass, l.t::regclass) p
       FULL JOIN LATERAL oba.areal_weights(l.s::regclass, l.t::regclass) o USING (source_code, target_code)
 GROUP BY 1, 2 ORDER BY 1, 2;
-- a source inside one target has share 1 exactly (its area is ST_Area's, to the bit)
SELECT count(*) AS whole_lsoas, count(*) FILTER (WHERE weight = 1) AS share_exactly_1
  FROM oba.areal_weights('lsoa', 'wards19') w
 WHERE EXISTS (SELECT 1 FROM lsoa s JOIN wards19 t ON ST_CoveredBy(s.geom, t.geom)
                WHERE s.code = w.source_code AND t.code = w.target_code);
-- oba._geo_overlap_area itself: overlapping, shared edges, identical, touching;
-- NULL where the caller must ask PostGIS
SELECT x.pair, oba._geo_overlap_area(ST_AsBinary(x.a::geometry), ST_AsBinary(x.b::geometry)) AS area
  FROM (VALUES ('crossing', 'POLYGON((0 0,2 0,2 2,0 2,0 0))', 'POLYGON((1 1,3 1,3 3,1 3,1 1))'),
               ('inside, sides shared', 'POLYGON((0 0,2 0,2 2,0 2,0 0))', 'POLYGON((0 0,0 2,1 2,1 0,0 0))'),
               ('identical', 'POLYGON((0 0,1 0,1 1,0 1,0 0))', 'POLYGON((0 0,0 1,1 1,1 0,0 0))'),
               ('hole', 'POLYGON((0 0,4 0,4 4,0 4,0 0),(1 1,1 3,3 3,3 1,1 1))', 'MULTIPOLYGON(((1 0,3 0,3 4,1 4,1 0)))'),
               ('apart', 'POLYGON((0 0,1 0,1 1,0 1,0 0))', 'POLYGON((5 5,6 5,6 6,5 6,5 5))'),
               ('touching', 'POLYGON((0 0,1 0,1 1,0 1,0 0))', 'POLYGON((1 0,2 0,2 1,1 1,1 0))'),
               ('touching, within rounding of 0 (NULL: PostGIS)', 'POLYGON((0 0,1 0,1 1,0 1,0 0))', 'POLYGON((-1 0,0 0,0 1,-1 1,-1 0))'),
               ('a curve (NULL: PostGIS)', 'CURVEPOLYGON(CIRCULARSTRING(0 0,2 0,0 0))', 'POLYGON((0 0,1 0,1 1,0 1,0 0))')) x(pair, a, b);
SELECT pg_temp.err($$SELECT oba._geo_overlap_area('\x0103', ST_AsBinary('POLYGON((0 0,1 0,1 1,0 0))'::geometry))$$);

-- ---- search_path tricks do not reach oba_geo ----
CREATE SCHEMA evil;
CREATE FUNCTION evil.st_area(geometry) RETURNS float8 LANGUAGE sql AS 'SELECT 1::float8';
CREATE FUNCTION evil.st_intersection(geometry, geometry) RETURNS geometry LANGUAGE sql AS 'SELECT $1';
SET search_path = evil, public, postgis;
SELECT count(*) AS pairs, round(sum(weight)::numeric, 6) AS total_weight FROM oba.areal_weights('lsoa', 'wards19');
SET search_path = public, postgis;
DROP SCHEMA evil CASCADE;

DROP TABLE t, bad, geog, ward19_children, oa_bad, lsoa_bad, bowtie, lsoa_plus, wards_plus, oa_zero, oa_orphan,
  lsoa_null, lsoa_int, lsoa_unindexed;
\i data/geo/teardown.sql
