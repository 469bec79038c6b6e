-- The public API of the chart family: oba.curve_svg (float8 and date times)
-- and oba.xml_escape: signatures and defaults, text out, IMMUTABLE and
-- PARALLEL SAFE (pure functions of their arguments; they run no dynamic SQL),
-- and the chart's arguments are the columns of oba.curve_points.
BEGIN;
SELECT plan(13);

SELECT has_function('oba', 'curve_svg', ARRAY['double precision[]', 'double precision[]', 'double precision[]',
  'double precision[]', 'double precision[]', 'text[]', 'text', 'text', 'text', 'text', 'text', 'integer', 'integer']);
SELECT has_function('oba', 'curve_svg', ARRAY['date[]', 'double precision[]', 'double precision[]',
  'double precision[]', 'double precision[]', 'text[]', 'text', 'text', 'text', 'text', 'text', 'integer', 'integer', 'text']);
SELECT has_function('oba', 'xml_escape', ARRAY['text']);
SELECT is(array(SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a
                 WHERE a.aggfnoid::regproc::text = 'oba.curve_svg_agg'
                 ORDER BY 1),
          ARRAY['oba.curve_svg_agg(date,double precision,date,text,text)',
                'oba.curve_svg_agg(date,double precision,date,text,text,text,integer)'],
          'oba.curve_svg_agg: the chart from rows, short and full forms');
SELECT is(array(SELECT DISTINCT a.aggcombinefn::regprocedure::text || ' ' || p.proparallel::text FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
                 WHERE a.aggfnoid::regproc::text = 'oba.curve_svg_agg'),
          ARRAY['oba.curve_svg_agg_combine(oba._curve_svg_agg_state,oba._curve_svg_agg_state) s'],
          'oba.curve_svg_agg is PARALLEL SAFE with a combine function');
SELECT function_returns('oba', 'curve_svg_agg', ARRAY['date', 'double precision', 'date', 'text', 'text'], 'text');
SELECT is((SELECT pg_get_function_arguments('oba.curve_svg(date[], float8[], float8[], float8[], float8[], text[], text, text, text, text, text, int4, int4, text)'::regprocedure)),
          't date[], value double precision[], fitted_or_forecast double precision[], pi_lower double precision[], pi_upper double precision[], point_class text[], title text, y_label text DEFAULT NULL::text, x_label text DEFAULT NULL::text, start_label text DEFAULT ''Start''::text, interval_label text DEFAULT ''Forecast interval''::text, width integer DEFAULT 640, height integer DEFAULT 360, x_ticks text DEFAULT ''financial_year''::text',
          'oba.curve_svg(date[] ...) arguments and defaults');
SELECT is((SELECT proargnames[1:6] FROM pg_proc
            WHERE oid = 'oba.curve_svg(date[], float8[], float8[], float8[], float8[], text[], text, text, text, text, text, int4, int4, text)'::regprocedure),
          (SELECT array_agg(u.n ORDER BY u.i)
             FROM pg_proc p, unnest(p.proargnames, p.proargmodes) WITH ORDINALITY u(n, m, i)
            WHERE p.oid = 'oba.curve_points(date[], float8[], date, text, int4, float8)'::regprocedure
              AND u.m = 't' AND u.n NOT IN ('se_pred', 'residual')),
          'oba.curve_svg takes the columns of oba.curve_points that a chart draws, by the same names');
SELECT function_returns('oba', 'curve_svg', ARRAY['date[]', 'double precision[]', 'double precision[]',
  'double precision[]', 'double precision[]', 'text[]', 'text', 'text', 'text', 'text', 'text', 'integer', 'integer', 'text'], 'text');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'oba'::regnamespace
                   AND (p.proname IN ('curve_svg', 'xml_escape') OR p.proname LIKE 'curve_svg\_%' OR p.proname LIKE 'svg\_%')
                   AND NOT (p.provolatile = 'i' AND p.proparallel = 's')
                 ORDER BY 1),
          '{}'::text[], 'every chart function is IMMUTABLE and PARALLEL SAFE');
SELECT isnt_strict('oba', 'curve_svg', ARRAY['double precision[]', 'double precision[]', 'double precision[]',
  'double precision[]', 'double precision[]', 'text[]', 'text', 'text', 'text', 'text', 'text', 'integer', 'integer'],
  'oba.curve_svg is not STRICT: a NULL title or label leaves it out');
SELECT is_strict('oba', 'xml_escape', ARRAY['text'], 'oba.xml_escape is STRICT: NULL in, NULL out');
SELECT is(array(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'oba'::regnamespace
                   AND (p.proname IN ('curve_svg', 'xml_escape') OR p.proname LIKE 'curve_svg\_%' OR p.proname LIKE 'svg\_%')
                   AND p.prokind <> 'a'
                   AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)
                 ORDER BY 1),
          '{}'::text[], 'every chart function pins search_path = pg_catalog, pg_temp');

SELECT * FROM finish();
ROLLBACK;
