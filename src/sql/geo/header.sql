-- oba_geo: ward-boundary apportionment next to PostGIS, installed into the
-- schema of oba. This file is assembled by the Makefile from src/sql/geo/*.sql;
-- edit those.
--
-- Search-path safety: every function pins search_path = pg_catalog, pg_temp,
-- and every PostGIS function, operator and type in the dynamic SQL is
-- qualified with PostGIS's schema, looked up at call time from pg_extension
-- (PostGIS may live in any schema). User tables arrive as regclass and are
-- printed schema-qualified; user columns are quoted with format('%I').
-- Every call passes exactly the callee's parameter types, all of them (no
-- defaults), so that no overload added later to schema oba or to PostGIS's
-- schema can match better (sql/planted.sql).

\echo Use "CREATE EXTENSION oba_geo" to load this file. \quit

-- Names the script leaves unqualified are bound now, in pg_catalog only; the
-- setting ends with the script.
SET LOCAL search_path TO pg_catalog, pg_temp;

-- oba_geo adds functions to schema oba, which must belong to a superuser
-- with nobody else able to create objects in it (see oba's install script):
-- a 0.1 install of oba by a database owner left the schema to that role
-- until ALTER EXTENSION oba UPDATE. PostGIS's schema should be as safe; it
-- cannot be changed here, so a role that may create objects in it is
-- reported (oba_geo's calls of PostGIS pass exact types, so an overload
-- added there cannot match them better, but other callers' may).
DO $check$
DECLARE
  s pg_catalog.oid := pg_catalog.to_regnamespace('@extschema@');
  gis pg_catalog.oid := (SELECT e.extnamespace FROM pg_catalog.pg_extension e WHERE e.extname = 'postgis');
  roles pg_catalog.text[];
BEGIN
  -- PUBLIC, and the roles that are neither superusers nor predefined
  roles := ARRAY(SELECT x.who FROM (
                   SELECT 0 AS k, 'PUBLIC' AS who
                     FROM pg_catalog.pg_namespace n CROSS JOIN LATERAL pg_catalog.aclexplode(n.nspacl) a
                    WHERE n.oid = s AND a.grantee = 0 AND a.privilege_type = 'CREATE'
                   UNION ALL
                   SELECT 1, pg_catalog.quote_ident(r.rolname) FROM pg_catalog.pg_roles r
                    WHERE NOT r.rolsuper AND r.rolname !~ '^pg_' AND pg_catalog.has_schema_privilege(r.oid, s, 'CREATE')) x
                  ORDER BY x.k, x.who);
  IF pg_catalog.cardinality(roles) > 0 THEN
    RAISE EXCEPTION 'oba_geo: roles that are not superusers may create objects in schema %, so oba_geo cannot be installed in it',
      s::pg_catalog.regnamespace
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('%s role(s) may: %s.', pg_catalog.cardinality(roles),
                                       pg_catalog.array_to_string(roles[1:5], ', ')
                                       || CASE WHEN pg_catalog.cardinality(roles) > 5 THEN ', ...' ELSE '' END),
            HINT = 'ALTER EXTENSION oba UPDATE gives the schema to a superuser; REVOKE CREATE ON SCHEMA from any other role that has it.';
  END IF;
  roles := ARRAY(SELECT x.who FROM (
                   SELECT 0 AS k, 'PUBLIC' AS who
                     FROM pg_catalog.pg_namespace n CROSS JOIN LATERAL pg_catalog.aclexplode(n.nspacl) a
                    WHERE n.oid = gis AND a.grantee = 0 AND a.privilege_type = 'CREATE'
                   UNION ALL
                   SELECT 1, pg_catalog.quote_ident(r.rolname) FROM pg_catalog.pg_roles r
                    WHERE NOT r.rolsuper AND r.rolname !~ '^pg_' AND pg_catalog.has_schema_privilege(r.oid, gis, 'CREATE')) x
                  ORDER BY x.k, x.who);
  IF pg_catalog.cardinality(roles) > 0 THEN
    RAISE WARNING 'oba_geo: PostGIS is in schema %, where roles that are not superusers may create objects: %',
      gis::pg_catalog.regnamespace,
      pg_catalog.array_to_string(roles[1:5], ', ') || CASE WHEN pg_catalog.cardinality(roles) > 5 THEN ', ...' ELSE '' END
      USING DETAIL = 'A function added there that matches a call of PostGIS better than PostGIS''s own runs in its place, as whoever makes the call.',
            HINT = 'Install PostGIS into a schema of its own that belongs to a superuser (CREATE SCHEMA postgis; CREATE EXTENSION postgis SCHEMA postgis), or REVOKE CREATE ON SCHEMA from those roles.';
  END IF;
END $check$;
