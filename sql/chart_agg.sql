-- oba.curve_svg_agg: the turn-the-curve chart from rows, with no array
-- parameter. It must draw exactly what oba.curve_svg draws from the arrays
-- of oba.curve_points, serially and split across parallel workers.
-- a plain table: parallel workers cannot read a temporary one
CREATE TABLE chart_agg_adm AS
  SELECT 'E0' || a::text AS area, make_date(2011 + y, 4, 1) AS year_start,
         80 - 1.5 * y + (a % 7) + CASE WHEN y >= 10 THEN -(a % 5) * (y - 9) ELSE 0 END
           + ((a * 31 + y * 17) % 9) / 3.0 AS rate
    FROM generate_series(1, 14) y, generate_series(0, 99) a
   ORDER BY y, a;   -- each area's rows spread over the table, so workers split them

-- the array form, by hand, per area
CREATE TEMP TABLE by_arrays AS
  SELECT s.area,
         (SELECT oba.curve_svg(array_agg(p.t ORDER BY p.t), array_agg(p.value ORDER BY p.t),
                               array_agg(p.fitted_or_forecast ORDER BY p.t), array_agg(p.pi_lower ORDER BY p.t),
                               array_agg(p.pi_upper ORDER BY p.t), array_agg(p.point_class ORDER BY p.t),
                               title => s.area, y_label => 'per 10,000')
            FROM oba.curve_points(s.ts, s.vs, date '2020-04-01', 'lower_is_better', horizon => 2) p) AS svg
    FROM (SELECT area, array_agg(year_start ORDER BY year_start) AS ts, array_agg(rate ORDER BY year_start) AS vs
            FROM chart_agg_adm GROUP BY area) s;

SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS
  SELECT area, oba.curve_svg_agg(year_start, rate, date '2020-04-01', 'lower_is_better', area, 'per 10,000', 2) AS svg
    FROM chart_agg_adm GROUP BY area;
SELECT count(*) AS areas, count(*) FILTER (WHERE s.svg = a.svg) AS same_as_arrays,
       min(length(s.svg)) > 4000 AS drawn
  FROM serial s JOIN by_arrays a USING (area);

-- parallel: partial states combined (the rows of a group arrive split and
-- in any order; the chart sorts them)
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
ALTER TABLE chart_agg_adm SET (parallel_workers = 2);
EXPLAIN (COSTS OFF)
  SELECT area, oba.curve_svg_agg(year_start, rate, date '2020-04-01', 'lower_is_better', area, 'per 10,000', 2)
    FROM chart_agg_adm GROUP BY area;
CREATE TEMP TABLE parallel AS
  SELECT area, oba.curve_svg_agg(year_start, rate, date '2020-04-01', 'lower_is_better', area, 'per 10,000', 2) AS svg
    FROM chart_agg_adm GROUP BY area;
SELECT count(*) AS areas, count(*) FILTER (WHERE p.svg = s.svg) AS same_as_serial
  FROM parallel p JOIN serial s USING (area);
-- the combine function on its own: two halves of a series, in either order
CREATE AGGREGATE pg_temp.curve_state(date, float8, date, text, text, text, int4) (
    SFUNC = oba.curve_svg_agg_trans, STYPE = oba._curve_svg_agg_state);
WITH h AS (
  SELECT pg_temp.curve_state(year_start, rate, date '2020-04-01', 'lower_is_better', 'E07', 'per 10,000', 2)
           FILTER (WHERE year_start < '2019-01-01') AS a,
         pg_temp.curve_state(year_start, rate, date '2020-04-01', 'lower_is_better', 'E07', 'per 10,000', 2)
           FILTER (WHERE year_start >= '2019-01-01') AS b
    FROM chart_agg_adm WHERE area = 'E07')
SELECT cardinality((h.a).t) AS first_half, cardinality((h.b).t) AS second_half,
       oba.curve_svg_agg_final(oba.curve_svg_agg_combine(h.a, h.b)) = s.svg AS a_then_b,
       oba.curve_svg_agg_final(oba.curve_svg_agg_combine(h.b, h.a)) = s.svg AS b_then_a
  FROM h, serial s WHERE s.area = 'E07';
RESET ALL;

-- the short form: no y label, no future periods
SELECT oba.curve_svg_agg(year_start, rate, date '2020-04-01', 'lower_is_better', 'E01')
       = (SELECT oba.curve_svg(array_agg(p.t ORDER BY p.t), array_agg(p.value ORDER BY p.t),
                               array_agg(p.fitted_or_forecast ORDER BY p.t), array_agg(p.pi_lower ORDER BY p.t),
                               array_agg(p.pi_upper ORDER BY p.t), array_agg(p.point_class ORDER BY p.t), 'E01')
            FROM oba.curve_points((SELECT array_agg(year_start) FROM chart_agg_adm WHERE area = 'E01'),
                                  (SELECT array_agg(rate) FROM chart_agg_adm WHERE area = 'E01'),
                                  date '2020-04-01', 'lower_is_better') p) AS short_form_same
  FROM chart_agg_adm WHERE area = 'E01';

-- NULLs: no rows gives NULL; a NULL time is skipped, a NULL value dropped
SELECT oba.curve_svg_agg(year_start, rate, date '2020-04-01', 'lower_is_better', 'none') IS NULL AS no_rows
  FROM chart_agg_adm WHERE false;
SELECT oba.curve_svg_agg(t, v, date '2020-04-01', 'lower_is_better', 'E01')
       = (SELECT oba.curve_svg_agg(year_start, rate, date '2020-04-01', 'lower_is_better', 'E01') FROM chart_agg_adm WHERE area = 'E01')
         AS nulls_skipped
  FROM (SELECT year_start AS t, rate AS v FROM chart_agg_adm WHERE area = 'E01'
        UNION ALL SELECT NULL, 5 UNION ALL SELECT date '1990-04-01', NULL) x;

-- errors
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT pg_temp.err($$SELECT oba.curve_svg_agg(year_start, rate, date '2020-04-01', 'lower_is_better', area) FROM chart_agg_adm WHERE area IN ('E01', 'E02')$$);
SELECT pg_temp.err($$SELECT oba.curve_svg_agg(year_start, rate, date '2020-04-01', 'sideways', 'x') FROM chart_agg_adm WHERE area = 'E01'$$);
SELECT pg_temp.err($$SELECT oba.curve_svg_agg(d, v, date '2020-04-01', 'lower_is_better', 'x')
                      FROM (VALUES (date '2019-04-01', 1.0::float8), (date '2019-04-01', 2.0)) AS t(d, v)$$);
SELECT pg_temp.err($$SELECT oba.curve_svg_agg(year_start, rate, date '2020-04-01', 'lower_is_better', 'x', NULL, -1) FROM chart_agg_adm WHERE area = 'E01'$$);

SELECT pg_temp.err($$SELECT oba.curve_svg_agg(year_start, rate, NULL, 'lower_is_better', 'x') FROM chart_agg_adm WHERE area = 'E01'$$);

DROP TABLE chart_agg_adm;
