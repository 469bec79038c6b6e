-- Security properties of oba and oba_geo in the catalogue (oba_geo installed
-- here with PostGIS in its own schema, then rolled back):
--  - no function is LEAKPROOF: a leakproof function may see rows that
--    row-level security or a security-barrier view would hide, so only a
--    function that reveals nothing about its arguments (no error, no notice
--    that depends on them) may be; oba's functions raise errors naming their
--    arguments' values, so none is;
--  - no function is SECURITY DEFINER: everything runs as the caller;
--  - every SQL and PL/pgSQL function either pins search_path to
--    pg_catalog, pg_temp or has a SQL-standard body (parsed, and its names
--    resolved, when the extension is created); C functions resolve no names;
--  - schema oba belongs to a superuser and no other role may create objects
--    in it (oba's code calls its functions by name: sql/planted.sql);
--  - privileges: every role may use the schema and call every function; the
--    report card's tables and view belong to the installer (nothing for
--    PUBLIC); the standard population is readable by all;
--  - oba is a trusted extension (a database owner may create it); oba_geo,
--    which needs PostGIS, is not.
-- sql/security.sql tests the behaviour: hostile functions in public are never
-- called, and an unprivileged role can use everything.
BEGIN;
CREATE SCHEMA postgis;
CREATE EXTENSION postgis SCHEMA postgis;
CREATE EXTENSION oba_geo;
SELECT plan(13);

CREATE TEMP VIEW ext_funcs AS
  SELECT p.oid, p.oid::regprocedure::text AS sig, e.extname, p.proleakproof, p.prosecdef,
         p.proconfig, p.prosqlbody IS NOT NULL AS sql_standard_body, l.lanname, p.proacl
    FROM pg_proc p
    JOIN pg_language l ON l.oid = p.prolang
    JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname IN ('oba', 'oba_geo');

SELECT cmp_ok((SELECT count(*) FROM ext_funcs), '>', 200::bigint, 'oba and oba_geo have their functions');
SELECT is(array(SELECT sig FROM ext_funcs WHERE proleakproof ORDER BY 1), '{}'::text[],
          'no function of oba or oba_geo is LEAKPROOF');
SELECT is(array(SELECT sig FROM ext_funcs WHERE prosecdef ORDER BY 1), '{}'::text[],
          'no function of oba or oba_geo is SECURITY DEFINER');
SELECT is(array(SELECT sig || ' (' || lanname || ')' FROM ext_funcs
                 WHERE lanname NOT IN ('c', 'internal') AND NOT sql_standard_body
                   AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (proconfig), false)
                 ORDER BY 1),
          '{}'::text[],
          'every SQL and PL/pgSQL function pins search_path = pg_catalog, pg_temp or has a SQL-standard body');
SELECT is(array(SELECT sig FROM ext_funcs
                 WHERE NOT has_function_privilege('public', oid::regprocedure, 'EXECUTE') ORDER BY 1),
          '{}'::text[], 'PUBLIC may call every function');
SELECT ok(has_schema_privilege('public', 'oba', 'USAGE'), 'PUBLIC may use schema oba');
SELECT ok(NOT has_schema_privilege('public', 'oba', 'CREATE'), 'PUBLIC may not create objects in schema oba');
SELECT ok((SELECT r.rolsuper FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'oba'),
          'schema oba belongs to a superuser');
SELECT is(array(SELECT r.rolname::text FROM pg_roles r
                 WHERE NOT r.rolsuper AND has_schema_privilege(r.oid, 'oba', 'CREATE') ORDER BY 1),
          '{}'::text[], 'no role but superusers may create objects in schema oba');
SELECT is(array(SELECT format('%s %s', c.oid::regclass, a.privilege_type)
                  FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
                 WHERE c.relnamespace = 'oba'::regnamespace AND a.grantee = 0
                 ORDER BY 1),
          ARRAY['oba.esp2013 SELECT'],
          'PUBLIC may read oba.esp2013 and no other table or view of oba');
SELECT is((SELECT array_agg(opt ORDER BY opt) FROM pg_class c, unnest(c.reloptions) opt
            WHERE c.oid = 'oba.report_card'::regclass),
          ARRAY['security_invoker=true'], 'oba.report_card runs with the privileges of its caller');
SELECT is((SELECT bool_or(trusted) FROM pg_available_extension_versions WHERE name = 'oba'), true,
          'oba is trusted: a database owner may create it');
SELECT is((SELECT bool_or(trusted) FROM pg_available_extension_versions WHERE name = 'oba_geo'), false,
          'oba_geo is not trusted: a superuser creates it');

SELECT * FROM finish();
ROLLBACK;
