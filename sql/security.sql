-- Security: oba and oba_geo in a hostile database, and without privileges.
--  1. A database whose schema public (where PostGIS lives, as it often does)
--     holds functions and operators that shadow built-ins: an exact copy of
--     every pg_catalog function and operator with plain types, for callers
--     whose search_path puts public before pg_catalog, and a better match
--     (int4 where pg_catalog has float8, varchar where it has text ...) for
--     every built-in numeric and string function and operator, for the
--     default search_path. Each trap warns and counts its calls in a
--     sequence (which no rollback undoes). CREATE EXTENSION, ALTER EXTENSION
--     UPDATE and every SQL-language and PL/pgSQL function of oba and oba_geo
--     (and a sample of the C ones) must never call one.
--  2. The calls are made by a role with no privileges beyond what PUBLIC has
--     (and SELECT on its own data): nothing needs superuser at query time.
--  3. A database owner who is not a superuser can create oba (a trusted
--     extension) and use it, but does not own schema oba and cannot create
--     objects in it (issue 12); a schema oba made before the install is
--     used only if empty, and taken over; an update from 0.1 takes the
--     schema over and names the objects in it that are not oba's; oba_geo
--     refuses a schema oba that other roles may create in, and warns when
--     PostGIS's schema is such a schema. sql/planted.sql shows that an
--     overload added to schema oba or to PostGIS's schema never runs.
-- The catalogue side (search_path pinned, no SECURITY DEFINER, no LEAKPROOF,
-- privileges) is checked in test/pgtap/security.sql.
\pset null '(null)'
SELECT current_database() AS home \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS oba_hostile;
DROP DATABASE IF EXISTS oba_trusted;
DROP DATABASE IF EXISTS oba_preexisting;
DROP DATABASE IF EXISTS oba_old;
DROP ROLE IF EXISTS oba_analyst;
DROP ROLE IF EXISTS oba_dbowner;
RESET client_min_messages;
CREATE ROLE oba_analyst NOLOGIN;
CREATE DATABASE oba_hostile;
\c oba_hostile
SET client_min_messages = warning;
CREATE EXTENSION postgis;           -- into public
RESET client_min_messages;

-- ---- data, owned by the superuser (the analyst may read it), made before the traps ----
SET client_min_messages = warning;
CREATE SCHEMA data;
CREATE TABLE data.lsoa (code text PRIMARY KEY, geom geometry(Polygon, 27700), children float8, population float8);
CREATE TABLE data.ward (code text PRIMARY KEY, geom geometry(Polygon, 27700));
CREATE TABLE data.oa (code text PRIMARY KEY, geom geometry(Polygon, 27700), population float8);
RESET client_min_messages;
-- two wards side by side; three LSOAs, the middle one straddling the boundary
INSERT INTO data.ward VALUES
  ('W1', 'SRID=27700;POLYGON((0 0,100 0,100 100,0 100,0 0))'),
  ('W2', 'SRID=27700;POLYGON((100 0,200 0,200 100,100 100,100 0))');
INSERT INTO data.lsoa VALUES
  ('L1', 'SRID=27700;POLYGON((0 0,60 0,60 100,0 100,0 0))', 12, 300),
  ('L2', 'SRID=27700;POLYGON((60 0,140 0,140 100,60 100,60 0))', 20, 400),
  ('L3', 'SRID=27700;POLYGON((140 0,200 0,200 100,140 100,140 0))', 7, 250);
INSERT INTO data.oa VALUES
  ('O1', 'SRID=27700;POLYGON((60 0,90 0,90 100,60 100,60 0))', 100),
  ('O2', 'SRID=27700;POLYGON((90 0,140 0,140 100,90 100,90 0))', 300),
  ('O3', 'SRID=27700;POLYGON((0 0,60 0,60 100,0 100,0 0))', 300),
  ('O4', 'SRID=27700;POLYGON((140 0,200 0,200 100,140 100,140 0))', 250);
CREATE TABLE data.ward_month (ward text, month date, admissions int, children int, score float8);
INSERT INTO data.ward_month
  SELECT 'W' || w, make_date(2022, 1, 1) + make_interval(months => m), 5 + (w * 7 + m * 3) % 11, 2000 + 10 * w,
         50 + m * 0.5 + (m * 7 % 5)
    FROM generate_series(1, 2) w, generate_series(0, 23) m;

-- ---- the traps ----
CREATE SEQUENCE public.trap_calls;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE public.trap_calls TO PUBLIC;
CREATE FUNCTION public.trap_body(what text, call text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('BEGIN PERFORM pg_catalog.nextval(''public.trap_calls''); RAISE WARNING %L; RETURN %s; END',
                'hostile ' || replace(what, '%', '%%') || ' called', call)
$$;
CREATE TABLE public.traps (kind text, what text);
DO $$
DECLARE
  r record;
  sig oid[];
  n int := 0;
BEGIN
  -- exact copies of the functions
  FOR r IN
    SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args,
           format_type(p.prorettype, NULL) AS ret, p.pronargs
      FROM pg_proc p
     WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.prokind = 'f' AND NOT p.proretset
       AND p.provariadic = 0 AND p.proallargtypes IS NULL
       AND NOT EXISTS (SELECT 1 FROM unnest(p.proargtypes::oid[] || p.prorettype) t
                        JOIN pg_type ty ON ty.oid = t WHERE ty.typtype = 'p')
  LOOP
    BEGIN
      EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
        r.proname, r.args, r.ret,
        public.trap_body(format('public.%s(%s)', r.proname, r.args),
                         format('pg_catalog.%I(%s)', r.proname,
                                (SELECT string_agg('$' || i, ', ') FROM generate_series(1, r.pronargs) i))));
      INSERT INTO public.traps VALUES ('exact function', r.proname);
    EXCEPTION WHEN duplicate_function THEN
      NULL;                         -- PostGIS has one of that name and types
    END;
  END LOOP;
  -- exact copies of the operators
  FOR r IN
    SELECT o.oid, o.oprname, o.oprleft, o.oprright, o.oprresult, o.oprcode
      FROM pg_operator o
     WHERE o.oprnamespace = 'pg_catalog'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM unnest(ARRAY[o.oprleft, o.oprright, o.oprresult]) t
                        JOIN pg_type ty ON ty.oid = t WHERE ty.typtype = 'p')
  LOOP
    n := n + 1;
    EXECUTE format('CREATE FUNCTION public.trap_op_%s(%s) RETURNS %s LANGUAGE plpgsql AS %L', n,
      concat_ws(', ', CASE WHEN r.oprleft <> 0 THEN format_type(r.oprleft, NULL) END, format_type(r.oprright, NULL)),
      format_type(r.oprresult, NULL),
      public.trap_body(format('operator public.%s(%s, %s)', r.oprname, format_type(r.oprleft, NULL), format_type(r.oprright, NULL)),
                       format('pg_catalog.%I(%s)', (SELECT proname FROM pg_proc WHERE oid = r.oprcode),
                              CASE WHEN r.oprleft <> 0 THEN '$1, $2' ELSE '$1' END)));
    BEGIN
      EXECUTE format('CREATE OPERATOR public.%s (%s RIGHTARG = %s, FUNCTION = public.trap_op_%s)', r.oprname,
        CASE WHEN r.oprleft <> 0 THEN format('LEFTARG = %s,', format_type(r.oprleft, NULL)) ELSE '' END,
        format_type(r.oprright, NULL), n);
      INSERT INTO public.traps VALUES ('exact operator', r.oprname);
    EXCEPTION WHEN duplicate_function OR duplicate_object THEN
      NULL;
    END;
  END LOOP;
  -- better matches than the built-ins, for callers with the default search_path:
  -- every signature of a numeric or string function or operator of pg_catalog
  -- with its argument types changed within their family, where pg_catalog
  -- has no such signature (public.sqrt(int4), public.=(int4, numeric),
  -- public.lower(varchar) ...)
  FOR r IN
    WITH fams(t, f) AS (VALUES ('int2'::regtype, 'n'), ('int4', 'n'), ('int8', 'n'), ('float4', 'n'),
                               ('float8', 'n'), ('numeric', 'n'), ('text', 's'), ('varchar', 's'),
                               ('bpchar', 's'), ('name', 's')),
    builtins AS (
      SELECT 'f' AS kind, p.proname AS name, ARRAY(SELECT unnest(p.proargtypes::oid[])) AS args, p.prorettype AS ret
        FROM pg_proc p
       WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.prokind = 'f' AND NOT p.proretset
         AND p.pronargs BETWEEN 1 AND 2 AND p.provariadic = 0
         AND (SELECT typtype FROM pg_type WHERE oid = p.prorettype) <> 'p'
         AND p.proname !~ '^(int|float|numeric|text|varchar|bpchar|name|char)' -- casts and I/O
         AND (SELECT bool_and(t IN (SELECT t FROM fams)) FROM unnest(p.proargtypes::oid[]) t)
      UNION
      SELECT 'o', o.oprname, ARRAY[o.oprleft, o.oprright]::oid[], o.oprresult
        FROM pg_operator o
       WHERE o.oprnamespace = 'pg_catalog'::regnamespace AND o.oprleft <> 0
         AND o.oprleft IN (SELECT t FROM fams) AND o.oprright IN (SELECT t FROM fams))
    SELECT DISTINCT ON (b.kind, b.name, v.args) b.kind, b.name, v.args, b.ret
      FROM builtins b,
           LATERAL (SELECT ARRAY[a1.t, a2.t]::oid[] AS args
                      FROM fams a1, fams a2
                     WHERE cardinality(b.args) = 2
                       AND a1.f = (SELECT f FROM fams WHERE t = b.args[1]) AND a2.f = (SELECT f FROM fams WHERE t = b.args[2])
                    UNION ALL
                    SELECT ARRAY[a1.t]::oid[] FROM fams a1
                     WHERE cardinality(b.args) = 1 AND a1.f = (SELECT f FROM fams WHERE t = b.args[1])) v
     WHERE NOT EXISTS (SELECT 1 FROM pg_proc p WHERE b.kind = 'f' AND p.proname = b.name
                          AND ARRAY(SELECT unnest(p.proargtypes::oid[])) = v.args)
       AND NOT EXISTS (SELECT 1 FROM pg_operator o WHERE b.kind = 'o' AND o.oprname = b.name
                          AND ARRAY[o.oprleft, o.oprright]::oid[] = v.args)
  LOOP
    n := n + 1;
    sig := r.args;
    BEGIN
    EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
      CASE WHEN r.kind = 'f' THEN r.name ELSE 'trap_op_' || n END,
      (SELECT string_agg(format_type(t, NULL), ', ' ORDER BY o) FROM unnest(sig) WITH ORDINALITY u(t, o)),
      format_type(r.ret, NULL),
      public.trap_body(format('%s public.%s(%s)', CASE WHEN r.kind = 'f' THEN 'function' ELSE 'operator' END, r.name,
                              (SELECT string_agg(format_type(t, NULL), ', ' ORDER BY o) FROM unnest(sig) WITH ORDINALITY u(t, o))),
                       'NULL'));
    IF r.kind = 'o' THEN
      EXECUTE format('CREATE OPERATOR public.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = public.trap_op_%s)',
                     r.name, format_type(sig[1], NULL), format_type(sig[2], NULL), n);
    END IF;
    INSERT INTO public.traps VALUES ('better ' || CASE WHEN r.kind = 'f' THEN 'function' ELSE 'operator' END, r.name);
    EXCEPTION WHEN duplicate_function OR duplicate_object THEN
      NULL;                         -- PostGIS has one
    END;
  END LOOP;
END $$;
SELECT kind, count(*) > 50 AS many FROM public.traps GROUP BY kind ORDER BY kind;
SELECT string_agg(DISTINCT what, ' ' ORDER BY what) FILTER (WHERE what IN ('sqrt', 'lower', 'round', 'ln', 'exp', 'abs', 'floor', 'length', '=', '*', '/', '||', '<'))
         AS some_shadowed_builtins
  FROM public.traps;

-- the traps work: a call that resolves names on the hostile path is caught
SET search_path = public, pg_catalog;
SELECT sqrt(4::float8) AS caught_exact;
RESET search_path;
SELECT sqrt(4) AS caught_better_match;      -- public.sqrt(int4) beats pg_catalog.sqrt(float8)
SELECT pg_catalog.setval('public.trap_calls', 1, false);

-- ---- installing and updating under the traps ----
CREATE EXTENSION oba VERSION '0.1';
ALTER EXTENSION oba UPDATE;
CREATE EXTENSION oba_geo;           -- runs with search_path oba, public (PostGIS's schema)
SELECT extname, extversion FROM pg_extension WHERE extname IN ('oba', 'oba_geo') ORDER BY 1;
SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS traps_called_by_install FROM public.trap_calls;
DROP EXTENSION oba_geo;
DROP EXTENSION oba;
CREATE EXTENSION oba;
CREATE EXTENSION oba_geo;
SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS traps_called_by_install FROM public.trap_calls;

-- ---- the report card's data (the statements here resolve no name a trap shadows) ----
INSERT INTO oba.indicator (code, name, question, polarity, kind, suppress_threshold)
  VALUES ('ADM', 'Admissions', 'population', 'lower_is_better', 'rate', 5);
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator, parent_area_code)
  SELECT 'ADM', ward, 'ward', date_trunc('quarter', month)::date, sum(admissions), max(children), 'C'
    FROM data.ward_month GROUP BY 2, 4;
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  SELECT 'ADM', 'C', 'lad', date_trunc('quarter', month)::date, sum(admissions), sum(children)
    FROM data.ward_month GROUP BY 4;
CREATE MATERIALIZED VIEW data.report_card AS SELECT * FROM oba.report_card;
CREATE UNIQUE INDEX ON data.report_card (indicator_code, area_code, period_start);
GRANT USAGE ON SCHEMA data TO oba_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA data TO oba_analyst;
GRANT SELECT ON oba.report_card, oba.indicator, oba.observation TO oba_analyst;
SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS traps_called_by_setup FROM public.trap_calls;

-- ---- every SQL and PL/pgSQL function, and a sample of C ones, as an
-- ---- unprivileged role whose search_path puts the traps first (the
-- ---- queries' own functions and operators are qualified) ----
SET ROLE oba_analyst;
SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user;
SET search_path = public, pg_catalog;
SELECT pg_catalog.round((oba.rate(12, 4310)).value::numeric, 6) AS rate, pg_catalog.round((oba.proportion(231, 402)).value::numeric, 6) AS proportion;
SELECT ward, pg_catalog.round((oba.rate_agg(admissions, children)).value::numeric, 4) AS rate,
       pg_catalog.round((oba.proportion_agg(admissions, children)).upper::numeric, 4) AS upper
  FROM data.ward_month GROUP BY ward ORDER BY ward;
SELECT ward, month, pg_catalog.round((oba.rate_agg(admissions, children) OVER w).value::numeric, 4) AS rolling
  FROM data.ward_month WINDOW w AS (PARTITION BY ward ORDER BY month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
 ORDER BY ward, month LIMIT 4;
SELECT ward, pg_catalog.round((oba.mann_kendall_agg(month, score)).sen_slope::numeric, 4) AS sen_slope,
       (oba.spc_agg(month, score)).variation,
       (oba.turn_the_curve_agg(month, score, date '2023-01-01')).status
  FROM data.ward_month GROUP BY ward ORDER BY ward;
SELECT oba.decile(3, 20), oba.quintile(20, 20), oba.quantile_group(7, 20, 4);
SELECT pg_catalog.round((oba.dsr_agg(e, n, w)).value::numeric, 4) AS dsr
  FROM (VALUES (3, 1000, 500), (7, 2000, 800), (4, 1500, 900)) v(e, n, w);
SELECT count(*) AS esp2013_bands FROM oba.esp2013;
SELECT area_code, period_start, numerator, pg_catalog.round(value::numeric, 4) AS value, suppressed
  FROM oba.report_card WHERE area_type OPERATOR(pg_catalog.=) 'ward' ORDER BY period_start, area_code LIMIT 4;
SELECT count(*) AS rows FROM data.report_card;
SELECT * FROM oba.suppress_table(ARRAY['a', 'b', 'c'], ARRAY[3, 40, 50]::int8[], 5);
SELECT source_code, target_code, pg_catalog.round(weight::numeric, 6) AS weight FROM oba.areal_weights('data.lsoa', 'data.ward');
SELECT source_code, target_code, pg_catalog.round(weight::numeric, 6) AS weight
  FROM oba.population_weights('data.lsoa', 'data.ward', 'data.oa');
SELECT * FROM oba.best_fit('data.lsoa', 'data.ward', 'area');
SELECT target_code, pg_catalog.round(value::numeric, 6) AS children, sources FROM oba.apportion('data.lsoa', 'data.ward', 'children');
SELECT target_code, pg_catalog.round(value::numeric, 6) AS children
  FROM oba.apportion('data.lsoa', 'data.ward', 'children', method => 'population', fine => 'data.oa', round_counts => true);
SELECT source_code, targets, pg_catalog.round(covered_share::numeric, 6) AS covered, gap, overlap
  FROM oba.overlay_diagnostics('data.lsoa', 'data.ward');
SELECT oba.schedule_refresh('data.report_card');        -- the analyst does not own the view: 42501
SELECT oba.unschedule_refresh('data.report_card');
-- the analyst cannot change the report card's data (granted SELECT only)
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  VALUES ('ADM', 'W9', 'ward', '2022-01-01', 1, 100);
RESET search_path;
RESET ROLE;
-- the triggers of oba.observation, run by its owner under the hostile path
SET search_path = public, pg_catalog;
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
  VALUES ('ADM', 'W3', 'ward', '2022-01-01', 1, 100);
UPDATE oba.indicator SET kind = 'proportion' WHERE code OPERATOR(pg_catalog.=) 'ADM';
REFRESH MATERIALIZED VIEW CONCURRENTLY data.report_card;
RESET search_path;
SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS traps_called_at_query_time FROM public.trap_calls;

-- ---- a database owner who is not a superuser installs oba (trusted) ----
\c :home
CREATE ROLE oba_dbowner NOLOGIN;
CREATE DATABASE oba_trusted OWNER oba_dbowner;
\c oba_trusted
SET ROLE oba_dbowner;
CREATE EXTENSION oba;
SELECT e.extname, r.rolname AS owner FROM pg_extension e JOIN pg_roles r ON r.oid = e.extowner WHERE e.extname = 'oba';
-- the schema belongs to a superuser, not to the installer, who cannot add
-- an overload there (issue 12: oba._svg_num(numeric) for _svg_num(width / 2.0))
SELECT r.rolsuper AS schema_owner_is_superuser, has_schema_privilege('oba_dbowner', 'oba', 'CREATE') AS dbowner_may_create,
       has_schema_privilege('oba_dbowner', 'oba', 'USAGE') AS dbowner_may_use
  FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'oba';
CREATE FUNCTION oba._svg_num(x numeric) RETURNS text LANGUAGE sql AS 'SELECT NULL';
ALTER SCHEMA oba OWNER TO oba_dbowner;
SELECT round((oba.rate(12, 4310)).value::numeric, 6) AS rate;
INSERT INTO oba.indicator (code, name, question, kind) VALUES ('X', 'X', 'population', 'count');
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator) VALUES ('X', 'A', 'lad', '2024-04-01', 3);
SELECT indicator_code, area_code, numerator FROM oba.report_card;
GRANT SELECT ON oba.report_card, oba.indicator, oba.observation TO oba_analyst;
SET ROLE oba_analyst;
SELECT indicator_code, area_code, numerator FROM oba.report_card;
RESET ROLE;

-- the installer may drop and create the extension again: the schema stays,
-- empty and the superuser's, and is used again
SET ROLE oba_dbowner;
DROP EXTENSION oba;
CREATE EXTENSION oba;
SELECT count(*) > 100 AS functions FROM pg_proc WHERE pronamespace = 'oba'::regnamespace;
RESET ROLE;

-- ---- a schema oba made before the install ----
-- by a role that put something in it: refused, whoever installs
\c :home
CREATE DATABASE oba_preexisting OWNER oba_dbowner;
\c oba_preexisting
SET ROLE oba_dbowner;
CREATE SCHEMA oba;
CREATE FUNCTION oba._svg_num(x numeric, digits int DEFAULT 1) RETURNS text LANGUAGE sql AS 'SELECT NULL';
CREATE EXTENSION oba;
RESET ROLE;
CREATE EXTENSION oba;
-- empty, by a role that is not a superuser: taken over (a WARNING says so)
DROP SCHEMA oba CASCADE;
SET ROLE oba_dbowner;
CREATE SCHEMA oba;
RESET ROLE;
CREATE EXTENSION oba;
SELECT r.rolsuper AS schema_owner_is_superuser, has_schema_privilege('oba_dbowner', 'oba', 'CREATE') AS dbowner_may_create
  FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'oba';
DROP EXTENSION oba;
-- empty and the superuser's, but with CREATE granted to others: refused
GRANT CREATE ON SCHEMA oba TO PUBLIC;
CREATE EXTENSION oba;
REVOKE CREATE ON SCHEMA oba FROM PUBLIC;
CREATE EXTENSION oba;
SELECT extversion FROM pg_extension WHERE extname = 'oba';

-- ---- oba 0.1 installed by a database owner, updated to 0.2 ----
-- 0.1 left the schema to the installer, who planted an overload; the update
-- takes the schema over and names what is not part of oba
\c :home
CREATE DATABASE oba_old OWNER oba_dbowner;
\c oba_old
SET ROLE oba_dbowner;
CREATE EXTENSION oba VERSION '0.1';
SELECT r.rolname = 'oba_dbowner' AS schema_owner_is_installer
  FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'oba';
CREATE FUNCTION oba.rate(events int, population int) RETURNS oba.estimate LANGUAGE sql AS 'SELECT NULL::oba.estimate';
ALTER EXTENSION oba UPDATE;
SELECT r.rolsuper AS schema_owner_is_superuser, has_schema_privilege('oba_dbowner', 'oba', 'CREATE') AS dbowner_may_create
  FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = 'oba';
RESET ROLE;
-- oba_geo goes only into a schema oba that no other role may create in
ALTER SCHEMA oba OWNER TO oba_dbowner;
SET client_min_messages = warning;
CREATE EXTENSION postgis;
RESET client_min_messages;
CREATE EXTENSION oba_geo;
-- and says when PostGIS is in a schema that others may create in (here
-- public, which belongs to the database owner)
ALTER SCHEMA oba OWNER TO CURRENT_USER;
CREATE EXTENSION oba_geo;
SELECT extname FROM pg_extension WHERE extname = 'oba_geo';

\c :home
DROP DATABASE oba_hostile;
DROP DATABASE oba_trusted;
DROP DATABASE oba_preexisting;
DROP DATABASE oba_old;
DROP ROLE oba_analyst;
DROP ROLE oba_dbowner;
