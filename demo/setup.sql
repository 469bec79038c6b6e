-- demo/setup.sql: the extensions the demo needs, in the database it runs in.
-- PostGIS goes into its own schema first (CASCADE would put it into oba),
-- then oba and oba_geo (schema oba); pg_cron when the server preloads it
-- and runs its jobs in this database. Sets :postgis (PostGIS's schema) and
-- :cron ('on' or 'off').
SET client_min_messages = warning;
SELECT NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') AS need_postgis \gset
\if :need_postgis
CREATE SCHEMA IF NOT EXISTS postgis;
CREATE EXTENSION postgis SCHEMA postgis;
\endif
CREATE EXTENSION IF NOT EXISTS oba;
CREATE EXTENSION IF NOT EXISTS oba_geo;
SELECT n.nspname AS postgis FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname = 'postgis' \gset
SET search_path = public, :"postgis";
SELECT format('ALTER DATABASE %I SET search_path = "$user", public, %I', current_database(), :'postgis') \gexec

SELECT CASE WHEN current_setting('shared_preload_libraries') ~ '(^|[ ,])pg_cron($|[ ,])'
             AND current_setting('cron.database_name', true) = current_database()
             AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_cron')
            THEN 'on' ELSE 'off' END AS cron \gset
\if :cron
CREATE EXTENSION IF NOT EXISTS pg_cron;
\endif
RESET client_min_messages;
