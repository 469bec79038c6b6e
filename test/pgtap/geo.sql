-- Catalogue properties of extension oba_geo (installed here with PostGIS in
-- its own schema, then rolled back): every function commented, PARALLEL
-- SAFE, honest volatility (functions that read tables are STABLE), a pinned
-- search_path (C functions resolve no names); internal helpers (and only
-- they) named with a leading underscore; the control file's requirements;
-- the public signatures.
BEGIN;
CREATE SCHEMA postgis;
CREATE EXTENSION postgis SCHEMA postgis;
CREATE EXTENSION oba_geo;
SELECT plan(15);

CREATE TEMP VIEW geo_funcs AS
  SELECT p.oid, p.oid::regprocedure::text AS sig, p.proname, p.prokind, p.provolatile,
         p.proparallel, p.proconfig, l.lanname
    FROM pg_proc p
    JOIN pg_language l ON l.oid = p.prolang
    JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'oba_geo';

-- Not IMMUTABLE, with the reason. Everything else of oba_geo is IMMUTABLE.
CREATE TEMP TABLE expected_volatility (proname name PRIMARY KEY, provolatile "char", why text);
INSERT INTO expected_volatility VALUES
  ('_geo_postgis_schema', 's', 'reads pg_extension'),
  ('_geo_relname', 's', 'reads pg_class'),
  ('_geo_indexed', 's', 'reads pg_index'),
  ('_geo_layer', 's', 'reads the layer''s table'),
  ('_geo_area_arrays', 's', 'reads the source and target tables'),
  ('_geo_fine', 's', 'reads the source, target and fine tables'),
  ('_geo_weights', 's', 'reads the tables'),
  ('_geo_warn_unplaced', 'v', 'raises a WARNING, a side effect'),
  ('areal_weights', 's', 'reads the tables'),
  ('population_weights', 's', 'reads the tables'),
  ('best_fit', 's', 'reads the tables'),
  ('apportion', 's', 'reads the tables'),
  ('overlay_diagnostics', 's', 'reads the tables'),
  ('choropleth_svg', 's', 'reads pg_extension and spatial_ref_sys');

SELECT cmp_ok((SELECT count(*) FROM geo_funcs), '>=', 16::bigint, 'oba_geo has its functions');
SELECT is(array(SELECT sig FROM geo_funcs WHERE obj_description(oid, 'pg_proc') IS NULL ORDER BY 1),
          '{}'::text[], 'every oba_geo function has a COMMENT');
SELECT is(array(SELECT f.sig FROM geo_funcs f LEFT JOIN expected_volatility v USING (proname)
                 WHERE f.provolatile <> coalesce(v.provolatile, 'i') ORDER BY 1),
          '{}'::text[], 'every oba_geo function has its expected volatility');
-- Internal helpers are named with a leading underscore, and only those
-- (test/pgtap/catalog.sql does the same for oba, where oba.agg_state's
-- functions are the exceptions; oba_geo has none).
SELECT is(array(SELECT sig FROM geo_funcs
                 WHERE obj_description(oid, 'pg_proc') LIKE 'Internal%' AND left(proname, 1) <> '_' ORDER BY 1),
          '{}'::text[], 'every oba_geo function whose comment begins "Internal" has a name beginning with _');
SELECT is(array(SELECT sig FROM geo_funcs
                 WHERE left(proname, 1) = '_' AND coalesce(obj_description(oid, 'pg_proc'), '') NOT LIKE 'Internal%' ORDER BY 1),
          '{}'::text[], 'every oba_geo function whose name begins with _ has a comment beginning "Internal"');
SELECT is(array(SELECT sig FROM geo_funcs WHERE proparallel <> 's' ORDER BY 1),
          '{}'::text[], 'every oba_geo function is PARALLEL SAFE');
-- C functions resolve no names (and a SET clause would cost every call)
SELECT is(array(SELECT sig FROM geo_funcs
                 WHERE lanname <> 'c' AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (proconfig), false)
                 ORDER BY 1),
          '{}'::text[], 'every oba_geo SQL and PL/pgSQL function pins search_path = pg_catalog, pg_temp');
SELECT is((SELECT n.nspname::text FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'oba_geo'), 'oba', 'oba_geo installs into schema oba');
SELECT is((SELECT requires::text FROM pg_available_extension_versions WHERE name = 'oba_geo' AND version = '0.1'),
          '{oba,postgis}', 'oba_geo requires oba and postgis');
SELECT is((SELECT trusted FROM pg_available_extension_versions WHERE name = 'oba_geo' AND version = '0.1'),
          false, 'oba_geo is not trusted (it depends on PostGIS)');
SELECT is((SELECT relocatable FROM pg_available_extension_versions WHERE name = 'oba_geo' AND version = '0.1'),
          false, 'oba_geo is not relocatable');

SELECT is(pg_get_function_arguments('oba.areal_weights(regclass, regclass, text, text, text, text, text, boolean)'::regprocedure),
          'source regclass, target regclass, source_key text DEFAULT ''code''::text, target_key text DEFAULT ''code''::text, source_geom text DEFAULT ''geom''::text, target_geom text DEFAULT ''geom''::text, denominator text DEFAULT ''total''::text, make_valid boolean DEFAULT false',
          'oba.areal_weights signature and defaults');
SELECT is(pg_get_function_result('oba.areal_weights(regclass, regclass, text, text, text, text, text, boolean)'::regprocedure),
          'TABLE(source_code text, target_code text, weight double precision)', 'oba.areal_weights returns plain columns');
SELECT is(pg_get_function_result('oba.apportion(regclass, regclass, text, text, text, text, regclass, text, text, text, text, boolean, boolean, text, text, text, text, text, text, boolean)'::regprocedure),
          'TABLE(target_code text, value double precision, sources integer, null_sources integer)',
          'oba.apportion returns plain columns');
SELECT is(pg_get_function_result('oba.best_fit(regclass, regclass, text, regclass, text, text, text, text, text, text, text, text, boolean)'::regprocedure),
          'TABLE(source_code text, target_code text, share double precision)', 'oba.best_fit returns plain columns');

SELECT * FROM finish();
ROLLBACK;
