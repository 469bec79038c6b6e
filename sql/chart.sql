-- oba.curve_svg: turn-the-curve charts as SVG text; oba.xml_escape. The
-- SVG is checked as XML (xml_is_well_formed_document, xpath): its size and
-- viewBox, title, axis labels, legend, markers and tooltips, and that text
-- from the caller cannot inject markup.
\pset null '(null)'
SET datestyle = 'ISO, MDY';
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
-- the texts of the elements an XPath finds in an SVG, joined with ' | '
CREATE FUNCTION pg_temp.svg_texts(svg text, path text) RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(x::text, ' | ')
    FROM unnest(xpath(path, svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']])) x
$$;

-- ---- oba.xml_escape ----
SELECT oba.xml_escape('Bevois & Bargate <East> "north" it''s'),
       oba.xml_escape(E'tab\tnewline\nbell\x07end'), oba.xml_escape(NULL) IS NULL AS null_in_null_out;

-- ---- worked example: emergency admissions, lower is better ----
CREATE TEMP TABLE admissions (year_start date, rate float8);
INSERT INTO admissions VALUES
  ('2012-04-01', 58), ('2013-04-01', 60), ('2014-04-01', 61), ('2015-04-01', 63), ('2016-04-01', 64),
  ('2017-04-01', 66), ('2018-04-01', 67), ('2019-04-01', 69), ('2020-04-01', 67), ('2021-04-01', 65),
  ('2022-04-01', 63), ('2023-04-01', 61);
CREATE TEMP TABLE chart AS
SELECT oba.curve_svg(array_agg(t ORDER BY t), array_agg(value ORDER BY t),
                     array_agg(fitted_or_forecast ORDER BY t), array_agg(pi_lower ORDER BY t),
                     array_agg(pi_upper ORDER BY t), array_agg(point_class ORDER BY t),
                     title => 'Emergency admissions of children, Northam',
                     y_label => 'per 10,000 children', x_label => 'Financial year',
                     start_label => 'Prevention programme') AS svg
  FROM oba.curve_points((SELECT array_agg(year_start ORDER BY year_start) FROM admissions),
                        (SELECT array_agg(rate ORDER BY year_start) FROM admissions),
                        date '2020-04-01', 'lower_is_better', horizon => 2);
-- valid XML, an SVG that scales (viewBox) with its intrinsic size
SELECT xml_is_well_formed_document(svg) AS well_formed, length(svg) BETWEEN 4000 AND 9000 AS sensible_size,
       pg_temp.svg_texts(svg, '/s:svg/@viewBox') AS viewbox, pg_temp.svg_texts(svg, '/s:svg/@width') AS width,
       pg_temp.svg_texts(svg, '/s:svg/@height') AS height, pg_temp.svg_texts(svg, '/s:svg/@role') AS role
  FROM chart;
-- a title (for the eye and for screen readers) and a description
SELECT pg_temp.svg_texts(svg, '/s:svg/s:title/text()') AS title,
       pg_temp.svg_texts(svg, '/s:svg/s:desc/text()') AS description
  FROM chart;
-- every text drawn: the title, y ticks, financial years (every second), the
-- start, the axis labels and the legend of what is shown
SELECT pg_temp.svg_texts(svg, '//s:text/text()') AS texts FROM chart;
-- one marker per value, each with a tooltip: grey dots before the start,
-- blue squares filled beyond the interval after it
SELECT pg_temp.svg_texts(svg, '//s:g/s:g/s:title/text()') AS tooltips FROM chart;
SELECT (xpath('count(//s:g/s:g/s:circle)', svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1] AS dots,
       (xpath('count(//s:g/s:g/s:rect[@fill="#0072B2"])', svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1] AS filled_squares,
       (xpath('count(//s:polyline[@stroke-dasharray])', svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1] AS forecast_lines,
       (xpath('count(//s:path[@fill="#56B4E9"])', svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1] AS interval_bands
  FROM chart;
-- ids are unique to the picture (several charts on one page) and the
-- aria-labelledby attribute names them
SELECT pg_temp.svg_texts(svg, '/s:svg/@aria-labelledby') =
       pg_temp.svg_texts(svg, '/s:svg/s:title/@id') || ' ' || pg_temp.svg_texts(svg, '/s:svg/s:desc/@id') AS ids_match,
       pg_temp.svg_texts(svg, '/s:svg/s:title/@id') ~ '^oba-[0-9a-f]{12}-t$' AS id_form
  FROM chart;

-- the same picture whatever the session's settings (IMMUTABLE is honest)
SELECT md5(svg) AS before FROM chart \gset
SET datestyle = 'SQL, DMY';
SET extra_float_digits = 3;
SET intervalstyle = 'sql_standard';
SELECT md5(oba.curve_svg(array_agg(t ORDER BY t), array_agg(value ORDER BY t),
                         array_agg(fitted_or_forecast ORDER BY t), array_agg(pi_lower ORDER BY t),
                         array_agg(pi_upper ORDER BY t), array_agg(point_class ORDER BY t),
                         title => 'Emergency admissions of children, Northam',
                         y_label => 'per 10,000 children', x_label => 'Financial year',
                         start_label => 'Prevention programme')) = :'before' AS same_picture
  FROM oba.curve_points((SELECT array_agg(year_start ORDER BY year_start) FROM admissions),
                        (SELECT array_agg(rate ORDER BY year_start) FROM admissions),
                        date '2020-04-01', 'lower_is_better', horizon => 2);
RESET datestyle;
RESET extra_float_digits;
RESET intervalstyle;
SET datestyle = 'ISO, MDY';

-- rows in any order: the chart sorts them by time
SELECT oba.curve_svg(array_agg(t ORDER BY t DESC), array_agg(value ORDER BY t DESC),
                     array_agg(fitted_or_forecast ORDER BY t DESC), array_agg(pi_lower ORDER BY t DESC),
                     array_agg(pi_upper ORDER BY t DESC), array_agg(point_class ORDER BY t DESC),
                     title => 'Emergency admissions of children, Northam',
                     y_label => 'per 10,000 children', x_label => 'Financial year',
                     start_label => 'Prevention programme') = (SELECT svg FROM chart) AS order_does_not_matter
  FROM oba.curve_points((SELECT array_agg(year_start ORDER BY year_start) FROM admissions),
                        (SELECT array_agg(rate ORDER BY year_start) FROM admissions),
                        date '2020-04-01', 'lower_is_better', horizon => 2);

-- ---- text from the caller is escaped: no markup gets in ----
SELECT xml_is_well_formed_document(s) AS well_formed,
       (xpath('count(//script)', s::xml))[1] AS scripts,
       (xpath('count(//*[local-name()="script"])', s::xml))[1] AS scripts_any_namespace,
       pg_temp.svg_texts(s, '/s:svg/s:title/text()') AS title_as_text,
       pg_temp.svg_texts(s, '//s:text[@transform]/text()') AS y_label_as_text
  FROM (SELECT oba.curve_svg('{1,2,3,4}'::float8[], '{1,2,3,5}', '{1,2,3,4}', '{NULL,NULL,NULL,3.5}',
                             '{NULL,NULL,NULL,4.5}', '{baseline,baseline,baseline,better_beyond_pi}',
                             title => '</title><script>alert(1)</script> & "x"',
                             y_label => E']]><!-- \x01 --><x y="1"/>') AS s) c;

-- ---- every class: shapes and the legend ----
SELECT pg_temp.svg_texts(s, '//s:g[not(@*)]/s:text/text()') AS legend,
       (xpath('count(//s:g/s:g/s:path[@stroke="#D55E00"])', s::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1] AS diamonds,
       (xpath('count(//s:g/s:g/s:circle[@fill="#ffffff"])', s::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1] AS open_circles
  FROM (SELECT oba.curve_svg('{1,2,3,4,5,6,7,8}'::float8[], '{1,2,3,4,5,6,7,8}', '{1,2,3,4,5,6,7,8}',
                             '{NULL,NULL,NULL,3,4,5,6,7}', '{NULL,NULL,NULL,5,6,7,8,9}',
                             '{baseline,baseline,baseline,better_within_pi,on_forecast,worse_within_pi,worse_beyond_pi,forecast}',
                             'Every class') AS s) c;
SELECT pg_temp.svg_texts(s, '//s:g[not(@*)]/s:text/text()') AS neutral_legend
  FROM (SELECT oba.curve_svg('{1,2,3,4,5}'::float8[], '{1,2,3,4,5}', '{1,2,3,4,5}', '{NULL,NULL,NULL,3,4}',
                             '{NULL,NULL,NULL,5,6}', '{baseline,baseline,baseline,above_beyond_pi,below_within_pi}',
                             'Neutral') AS s) c;

-- ---- dates: the x axis by financial, academic or calendar year ----
CREATE TEMP TABLE quarterly AS
  SELECT (date '2015-04-01' + make_interval(months => 3 * q))::date AS t,
         50 - 0.2 * q + CASE WHEN q >= 24 THEN 0.8 * (q - 23) ELSE 0 END + ((q * 7) % 5) * 0.3 AS v
    FROM generate_series(0, 39) q;
SELECT x.ticks, pg_temp.svg_texts(s, '//s:g[@text-anchor="middle"]/s:text/text()') AS x_labels
  FROM (VALUES ('financial_year'), ('academic_year'), ('calendar_year')) x(ticks),
       LATERAL (SELECT oba.curve_svg(array_agg(c.t ORDER BY c.t), array_agg(c.value ORDER BY c.t),
                                     array_agg(c.fitted_or_forecast ORDER BY c.t), array_agg(c.pi_lower ORDER BY c.t),
                                     array_agg(c.pi_upper ORDER BY c.t), array_agg(c.point_class ORDER BY c.t),
                                     'Quarterly', x_ticks => x.ticks) AS s
                  FROM oba.curve_points((SELECT array_agg(t ORDER BY t) FROM quarterly),
                                        (SELECT array_agg(v ORDER BY t) FROM quarterly),
                                        date '2021-04-01', horizon => 4) c) q;
-- a wide chart has room for every year; tooltips name each period's date
SELECT pg_temp.svg_texts(s, '//s:g[@text-anchor="middle"]/s:text/text()') AS x_labels,
       (pg_temp.svg_texts(s, '//s:g/s:g/s:title/text()') LIKE '2015-04-01: 50%') AS first_tooltip
  FROM (SELECT oba.curve_svg(array_agg(c.t ORDER BY c.t), array_agg(c.value ORDER BY c.t),
                             array_agg(c.fitted_or_forecast ORDER BY c.t), array_agg(c.pi_lower ORDER BY c.t),
                             array_agg(c.pi_upper ORDER BY c.t), array_agg(c.point_class ORDER BY c.t),
                             'Quarterly', width => 1200, height => 400) AS s
          FROM oba.curve_points((SELECT array_agg(t ORDER BY t) FROM quarterly),
                                (SELECT array_agg(v ORDER BY t) FROM quarterly),
                                date '2021-04-01', horizon => 4) c) q;

-- ---- float8 times: numeric ticks ----
SELECT pg_temp.svg_texts(s, '//s:g[@text-anchor="middle"]/s:text/text()') AS x_labels,
       pg_temp.svg_texts(s, '//s:g[@text-anchor="end"]/s:text/text()') AS y_labels
  FROM (SELECT oba.curve_svg('{2010,2011,2012,2013,2014,2015}'::float8[], '{0.12,0.15,0.11,0.14,0.2,0.22}',
                             '{0.12,0.13,0.13,0.14,0.14,0.15}', '{NULL,NULL,NULL,NULL,0.1,0.1}',
                             '{NULL,NULL,NULL,NULL,0.18,0.2}',
                             '{baseline,baseline,baseline,baseline,better_beyond_pi,better_beyond_pi}', 'Years') AS s) c;

-- ---- edges ----
-- NULL t gives NULL; empty arrays and no values draw "No data"; an
-- insufficient baseline (no forecast) draws the values alone; NULL title
SELECT oba.curve_svg(NULL::float8[], NULL, NULL, NULL, NULL, NULL, 'x') IS NULL AS null_t,
       pg_temp.svg_texts(oba.curve_svg('{}'::float8[], '{}', '{}', '{}', '{}', '{}', 'Empty'), '//s:text/text()') AS empty,
       pg_temp.svg_texts(oba.curve_svg('{1,2}'::float8[], '{NULL,NULL}', '{NULL,NULL}', '{NULL,NULL}', '{NULL,NULL}',
                                       '{on_forecast,on_forecast}', 'No values'), '//s:text/text()') AS no_values;
SELECT xml_is_well_formed_document(s) AS well_formed, pg_temp.svg_texts(s, '/s:svg/s:title/text()') AS default_title,
       pg_temp.svg_texts(s, '//s:g/s:g/s:title/text()') AS tooltips
  FROM (SELECT oba.curve_svg(array_agg(c.t ORDER BY c.t), array_agg(c.value ORDER BY c.t),
                             array_agg(c.fitted_or_forecast ORDER BY c.t), array_agg(c.pi_lower ORDER BY c.t),
                             array_agg(c.pi_upper ORDER BY c.t), array_agg(c.point_class ORDER BY c.t), NULL) AS s
          FROM oba.curve_points('{1,2,3}'::float8[], '{5,6,7}', 3) c) q;
-- a constant series and a single point still make a picture
SELECT xml_is_well_formed_document(oba.curve_svg('{1,2,3,4}'::float8[], '{5,5,5,5}', '{5,5,5,5}', '{NULL,NULL,NULL,5}',
                                                 '{NULL,NULL,NULL,5}', '{baseline,baseline,baseline,on_forecast}', 'Flat'))
         AS constant,
       pg_temp.svg_texts(oba.curve_svg('{2020}'::float8[], '{7}', '{NULL}', '{NULL}', '{NULL}', '{baseline}', 'One'),
                         '//s:g[@text-anchor="end"]/s:text/text()') AS one_point_y_ticks;

-- ---- bad input: 22023 naming the argument ----
SELECT pg_temp.err($$SELECT oba.curve_svg('{1,2}'::float8[], '{1}', '{1,2}', '{1,2}', '{1,2}', '{baseline,baseline}', 'x')$$);
SELECT pg_temp.err($$SELECT oba.curve_svg('{1,2}'::float8[], NULL, '{1,2}', '{1,2}', '{1,2}', '{baseline,baseline}', 'x')$$);
SELECT pg_temp.err($$SELECT oba.curve_svg('{1,2}'::float8[], '{1,2}', '{1,2}', '{1,2}', '{1,2}', '{baseline,turned}', 'x')$$);
SELECT pg_temp.err($$SELECT oba.curve_svg('{1,2}'::float8[], '{1,NaN}', '{1,2}', '{1,2}', '{1,2}', '{baseline,baseline}', 'x')$$);
SELECT pg_temp.err($$SELECT oba.curve_svg('{1,Infinity}'::float8[], '{1,2}', '{1,2}', '{1,2}', '{1,2}', '{baseline,baseline}', 'x')$$);
SELECT pg_temp.err($$SELECT oba.curve_svg('{1,2}'::float8[], '{1,2}', '{1,2}', '{1,2}', '{1,2}', '{baseline,baseline}', 'x', width => 100)$$);
SELECT pg_temp.err($$SELECT oba.curve_svg('{1,2}'::float8[], '{1,2}', '{1,2}', '{1,2}', '{1,2}', '{baseline,baseline}', 'x', height => NULL)$$);
SELECT pg_temp.err($$SELECT oba.curve_svg('{2020-01-01}'::date[], '{1}', '{1}', '{1}', '{1}', '{baseline}', 'x', x_ticks => 'weekly')$$);
SELECT pg_temp.err($$SELECT oba.curve_svg('{infinity}'::date[], '{1}', '{1}', '{1}', '{1}', '{baseline}', 'x')$$);
