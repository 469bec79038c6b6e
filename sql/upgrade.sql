-- Every released version of oba updates to the newest with ALTER EXTENSION
-- UPDATE, and the result is the same catalogue as a fresh install: the same
-- objects with the same definitions, properties, comments and privileges.
\pset null '(null)'

-- One line per member object of extension oba: its identity and everything
-- that defines it. Object identities, not OIDs, so two installs compare.
CREATE FUNCTION pg_temp.oba_catalogue() RETURNS SETOF text LANGUAGE sql AS $$
  SELECT pg_describe_object(d.classid, d.objid, d.objsubid) || ' | ' ||
         coalesce(CASE d.classid
           WHEN 'pg_proc'::regclass THEN
             (SELECT CASE WHEN p.prokind = 'a' THEN
                       format('aggregate %s sfunc=%s stype=%s init=%s combine=%s final=%s serial=%s deserial=%s msfunc=%s minv=%s mstype=%s minit=%s mfinal=%s kind=%s parallel=%s',
                              pg_get_function_identity_arguments(p.oid), a.aggtransfn::regproc, format_type(a.aggtranstype, NULL),
                              a.agginitval, a.aggcombinefn::regproc, a.aggfinalfn::regproc, a.aggserialfn::regproc,
                              a.aggdeserialfn::regproc, a.aggmtransfn::regproc, a.aggminvtransfn::regproc,
                              format_type(a.aggmtranstype, NULL), a.aggminitval, a.aggmfinalfn::regproc, a.aggkind, p.proparallel)
                     ELSE pg_get_functiondef(p.oid) || format(' leakproof=%s secdef=%s', p.proleakproof, p.prosecdef) END
                FROM pg_proc p LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid WHERE p.oid = d.objid)
           WHEN 'pg_type'::regclass THEN
             (SELECT format('type %s kind=%s', format_type(t.oid, NULL), t.typtype) ||
                     coalesce(' (' || (SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum)
                                         FROM pg_attribute WHERE attrelid = t.typrelid AND attnum > 0 AND NOT attisdropped) || ')', '')
                FROM pg_type t WHERE t.oid = d.objid)
           WHEN 'pg_class'::regclass THEN
             (SELECT format('relation kind=%s', c.relkind) ||
                     coalesce(' view ' || pg_get_viewdef(c.oid), '') ||
                     coalesce(' columns ' || (SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod) ||
                                                                CASE WHEN attnotnull THEN ' not null' ELSE '' END ||
                                                                coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), ''),
                                                                ', ' ORDER BY attnum)
                                                FROM pg_attribute LEFT JOIN pg_attrdef ad ON ad.adrelid = attrelid AND ad.adnum = attnum
                                               WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped), '') ||
                     coalesce(' constraints ' || (SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conname)
                                                    FROM pg_constraint WHERE conrelid = c.oid), '') ||
                     coalesce(' indexes ' || (SELECT string_agg(pg_get_indexdef(indexrelid), '; ' ORDER BY 1)
                                                FROM pg_index WHERE indrelid = c.oid), '') ||
                     coalesce(' triggers ' || (SELECT string_agg(pg_get_triggerdef(oid), '; ' ORDER BY 1)
                                                 FROM pg_trigger WHERE tgrelid = c.oid AND NOT tgisinternal), '') ||
                     coalesce(' acl ' || c.relacl::text, '') ||
                     CASE WHEN c.oid = ANY (e.extconfig) THEN ' configuration-dump' ELSE '' END
                FROM pg_class c WHERE c.oid = d.objid)
           WHEN 'pg_namespace'::regclass THEN
             (SELECT 'acl ' || coalesce(n.nspacl::text, '') FROM pg_namespace n WHERE n.oid = d.objid)
           END, '') || ' | comment: ' || coalesce(obj_description(d.objid, d.classid::regclass::name), '')
    FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
   WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = 'oba'
  UNION ALL
  SELECT 'schema oba | acl ' || coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = 'oba'
$$;

DROP EXTENSION oba;
CREATE EXTENSION oba;
CREATE TEMP TABLE fresh AS SELECT pg_temp.oba_catalogue() AS line;
SELECT count(*) > 100 AS fresh_install_has_objects FROM fresh;

-- every older version that this installation ships
SELECT version FROM pg_available_extension_versions
 WHERE name = 'oba' AND version <> (SELECT default_version FROM pg_available_extensions WHERE name = 'oba')
 ORDER BY version;

DROP EXTENSION oba;
CREATE EXTENSION oba VERSION '0.1';
SELECT extversion FROM pg_extension WHERE extname = 'oba';
-- something a 0.1 user holds: a table of estimates, a view using them
CREATE TABLE kept (ward text, e oba.estimate);
INSERT INTO kept VALUES ('W1', oba.rate(12, 4310)), ('W2', oba.proportion(231, 402));
CREATE VIEW kept_view AS SELECT ward, (oba.rate_agg(x, 1000)).value FROM kept, generate_series(1, 3) x GROUP BY ward;
-- views over the 0.1 aggregates, whose state type the update changes (from
-- float8[] to oba.agg_state: issue 15): a flag proportion, int8 counts, a
-- rolling window (the moving-aggregate functions)
CREATE VIEW kept_aggregates AS
SELECT (oba.proportion_agg(x % 3 = 0)).value AS flags,
       (oba.rate_agg(x::int8, 1000::int8)).value AS int8_rate,
       (SELECT string_agg(round((w).value::numeric, 4)::text, ' ' ORDER BY x)
          FROM (SELECT x, oba.proportion_agg(x::int4, 10) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS w
                  FROM generate_series(1, 5) x) r) AS rolling
  FROM generate_series(1, 9) x;
SELECT * FROM kept_aggregates;
SELECT aggtranstype::regtype AS state_before FROM pg_aggregate WHERE aggfnoid = 'oba.rate_agg(float8, float8)'::regprocedure;
ALTER EXTENSION oba UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'oba';
CREATE TEMP TABLE upgraded AS SELECT pg_temp.oba_catalogue() AS line;

-- the two catalogues are the same: nothing missing, nothing extra, nothing different
SELECT 'only after update' AS side, line FROM (SELECT line FROM upgraded EXCEPT ALL SELECT line FROM fresh) x
UNION ALL
SELECT 'only in fresh install', line FROM (SELECT line FROM fresh EXCEPT ALL SELECT line FROM upgraded) y
ORDER BY 1, 2;
-- and nothing the user held was lost
SELECT ward, round((e).value::numeric, 6) AS value FROM kept ORDER BY ward;
SELECT ward, round(value::numeric, 6) AS value FROM kept_view ORDER BY ward;
SELECT * FROM kept_aggregates;
SELECT aggtranstype::regtype AS state_after, aggmtranstype::regtype AS moving_state_after
  FROM pg_aggregate WHERE aggfnoid = 'oba.rate_agg(float8, float8)'::regprocedure;
DROP VIEW kept_aggregates;
DROP VIEW kept_view;
DROP TABLE kept;
