-- The public API of oba.choropleth_svg (oba_geo), installed here with
-- PostGIS in its own schema, then rolled back: its signature and defaults,
-- the geometry type qualified by PostGIS's schema (created when oba_geo is
-- installed), text out, STABLE (it reads pg_extension and spatial_ref_sys),
-- PARALLEL SAFE, not STRICT, a pinned search_path.
BEGIN;
CREATE SCHEMA gis;
CREATE EXTENSION postgis SCHEMA gis;
CREATE EXTENSION oba_geo;
SELECT plan(6);

SELECT has_function('oba', 'choropleth_svg', ARRAY['gis.geometry[]', 'text[]', 'text[]', 'text', 'text', 'boolean[]',
                                                   'text', 'integer', 'integer', 'double precision']);
SELECT is((SELECT pg_get_function_arguments(p.oid) FROM pg_proc p
            WHERE p.pronamespace = 'oba'::regnamespace AND p.proname = 'choropleth_svg'),
          'geom gis.geometry[], value text[], label text[] DEFAULT NULL::text[], title text DEFAULT NULL::text, legend_title text DEFAULT NULL::text, highlight boolean[] DEFAULT NULL::boolean[], highlight_label text DEFAULT ''Highlighted''::text, width integer DEFAULT 640, height integer DEFAULT NULL::integer, simplify double precision DEFAULT NULL::double precision',
          'oba.choropleth_svg(geom, value, ...) with PostGIS''s geometry, wherever PostGIS lives');
SELECT is((SELECT format_type(p.prorettype, NULL) FROM pg_proc p
            WHERE p.pronamespace = 'oba'::regnamespace AND p.proname = 'choropleth_svg'), 'text', 'returns text');
SELECT is((SELECT p.provolatile::text || p.proparallel::text || p.proisstrict::text FROM pg_proc p
            WHERE p.pronamespace = 'oba'::regnamespace AND p.proname = 'choropleth_svg'), 'ssfalse',
          'STABLE, PARALLEL SAFE, not STRICT');
SELECT is((SELECT p.proconfig FROM pg_proc p
            WHERE p.pronamespace = 'oba'::regnamespace AND p.proname = 'choropleth_svg'),
          '{"search_path=pg_catalog, pg_temp"}'::text[], 'a pinned search_path');
SELECT is((SELECT count(*) FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
            WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e' AND e.extname = 'oba_geo'
              AND d.objid IN (SELECT oid FROM pg_proc WHERE proname IN ('choropleth_svg', '_choropleth_style', '_choropleth_pattern'))),
          3::bigint, 'the map''s functions belong to oba_geo (created by its DO block)');

SELECT * FROM finish();
ROLLBACK;
