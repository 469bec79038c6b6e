-- oba is a trusted extension: a database owner without superuser installs it.
-- (pg_regress preloaded oba as superuser; drop it and install it again.)
DROP EXTENSION oba;
CREATE ROLE oba_regress_owner LOGIN;
SELECT current_database() AS db \gset
ALTER DATABASE :"db" OWNER TO oba_regress_owner;
SET ROLE oba_regress_owner;
SELECT rolsuper FROM pg_roles WHERE rolname = current_user;
CREATE EXTENSION oba;
SELECT extname, extversion, nspname AS schema, extowner::regrole AS owner
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE extname = 'oba';
SELECT (oba.rate(12, 4310)).value IS NOT NULL AS works_for_owner;
-- an ordinary user may call every function: nothing needs superuser at query time
RESET ROLE;
CREATE ROLE oba_regress_reader;
SET ROLE oba_regress_reader;
SELECT round((oba.proportion(231, 402)).value::numeric, 6) AS pct;
SELECT round((oba.rate_agg(x, 1000)).value::numeric, 6) AS rate FROM generate_series(1, 3) x;
RESET ROLE;
-- the install script does not depend on search_path
DROP EXTENSION oba;
SET search_path = pg_catalog;
CREATE EXTENSION oba;
RESET search_path;
-- hand the database back and leave oba installed for the next suites
ALTER DATABASE :"db" OWNER TO CURRENT_USER;
DROP EXTENSION oba;
CREATE EXTENSION oba;
DROP ROLE oba_regress_reader;
DROP OWNED BY oba_regress_owner;
DROP ROLE oba_regress_owner;
