-- oba: upgrade script, assembled by the Makefile from the families that are
-- new in this version (src/sql/*.sql) and the hand-written changes to older
-- objects (src/sql/updates/). Every reference is schema-qualified.

\echo Use "ALTER EXTENSION oba UPDATE" to load this file. \quit

-- Names the script leaves unqualified are bound now, in pg_catalog only
-- (see the install script); the setting ends with the script.
SET LOCAL search_path TO pg_catalog, pg_temp;
