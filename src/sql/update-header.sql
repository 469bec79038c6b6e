-- oba: upgrade script, assembled by the Makefile from the families that are
-- new in this version (src/sql/*.sql) and the hand-written changes to older
-- objects (src/sql/updates/). Every reference is schema-qualified.

\echo Use "ALTER EXTENSION oba UPDATE" to load this file. \quit
