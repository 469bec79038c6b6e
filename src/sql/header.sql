-- oba: Outcomes-Based Accountability measures in PostgreSQL.
-- This file is assembled by the Makefile from src/sql/*.sql; edit those.
-- Every reference is schema-qualified (@extschema@, pg_catalog): the script
-- must not depend on the installing user's search_path.

\echo Use "CREATE EXTENSION oba" to load this file. \quit

-- The schema is created by CREATE EXTENSION as the installing (bootstrap)
-- superuser; every role may call the functions, as with functions in public.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;
