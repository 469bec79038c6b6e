-- oba: Outcomes-Based Accountability measures in PostgreSQL.
-- This file is assembled by the Makefile from src/sql/*.sql; edit those.
-- Every reference is schema-qualified (@extschema@, pg_catalog): the script
-- must not depend on the installing user's search_path.

\echo Use "CREATE EXTENSION oba" to load this file. \quit

-- Names the script leaves unqualified (operators in CHECK constraints and
-- views, the calls in SQL-standard bodies) are bound now, once: only in
-- pg_catalog, never in a schema that another role may write to. The setting
-- ends with the script.
SET LOCAL search_path TO pg_catalog, pg_temp;

-- Schema oba belongs to a superuser and nobody else may create objects in
-- it: oba's own code calls functions of schema oba by name, so a role that
-- could add functions there could add better-matching overloads of them
-- and have them run as whoever calls oba (a superuser drawing a chart).
--  - CREATE EXTENSION makes the schema when it does not exist, owned by the
--    role running CREATE EXTENSION, which for a trusted extension is a
--    database owner who need not be a superuser; the script runs as a
--    superuser (the bootstrap superuser for a trusted extension) and takes
--    the schema over.
--  - A schema made before (by pg_restore, or by anyone) is used only if it
--    is empty: objects already in it were put there by someone else. An
--    empty one is taken over, so its previous owner loses the right to
--    create in it.
--  - After that no role but superusers may create objects in the schema
--    (a grant of CREATE, to PUBLIC or a role, made by a previous owner
--    would survive the change of owner): otherwise the install stops.
DO $check$
DECLARE
  s pg_catalog.oid := pg_catalog.to_regnamespace('@extschema@');
  ext pg_catalog.oid := (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname = 'oba');
  objects pg_catalog.text[];
BEGIN
  objects := ARRAY(SELECT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid)
                     FROM pg_catalog.pg_depend d
                    WHERE d.refclassid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.refobjid = s
                      AND NOT (d.classid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.objid = ext)
                    ORDER BY 1);
  IF pg_catalog.cardinality(objects) > 0 THEN
    RAISE EXCEPTION 'oba: schema % is not empty, so oba cannot be installed in it', s::pg_catalog.regnamespace
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('It holds %s object(s): %s.', pg_catalog.cardinality(objects),
                                       pg_catalog.array_to_string(objects[1:5], ', ')
                                       || CASE WHEN pg_catalog.cardinality(objects) > 5 THEN ', ...' ELSE '' END),
            HINT = 'oba calls the functions of its schema by name, so the schema must hold nothing that oba did not put there. Drop or move those objects, or drop the schema, and create the extension again.';
  END IF;
  -- a schema that CREATE EXTENSION has just made changes owner silently
  IF NOT (SELECT r.rolsuper FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_roles r ON r.oid = n.nspowner
           WHERE n.oid = s)
     AND (SELECT n.xmin FROM pg_catalog.pg_namespace n WHERE n.oid = s)
       OPERATOR(pg_catalog.<>) pg_catalog.pg_current_xact_id()::pg_catalog.xid THEN
    RAISE WARNING 'oba: schema % now belongs to the superuser that installs the extension, no longer to %',
      s::pg_catalog.regnamespace, (SELECT n.nspowner::pg_catalog.regrole FROM pg_catalog.pg_namespace n WHERE n.oid = s)
      USING DETAIL = 'oba calls the functions of its schema by name, so only superusers may create objects in it.';
  END IF;
END $check$;
ALTER SCHEMA @extschema@ OWNER TO CURRENT_USER;
DO $check$
DECLARE
  s pg_catalog.oid := pg_catalog.to_regnamespace('@extschema@');
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
    RAISE EXCEPTION 'oba: roles that are not superusers may create objects in schema %, so oba cannot be installed in it',
      s::pg_catalog.regnamespace
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('%s role(s) may: %s.', pg_catalog.cardinality(roles),
                                       pg_catalog.array_to_string(roles[1:5], ', ')
                                       || CASE WHEN pg_catalog.cardinality(roles) > 5 THEN ', ...' ELSE '' END),
            HINT = pg_catalog.format('REVOKE CREATE ON SCHEMA %s FROM PUBLIC (and from those roles), then create the extension again.',
                                     s::pg_catalog.regnamespace);
  END IF;
END $check$;

-- Every role may call the functions, as with functions in public.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;
