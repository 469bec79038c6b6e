-- oba.choropleth_svg (oba_geo): a map of Southampton's 2019 wards as SVG
-- text, checked as XML: size and viewBox, one path per area with its
-- tooltip, the styles of oba.compare's categories (colour and texture), the
-- legend with counts, highlighted areas, the scale bar, escaping, the
-- search_path, and bad input.
\i data/geo/setup.sql
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.svg_texts(svg text, path text) RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(x::text, ' | ')
    FROM unnest(xpath(path, svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']])) x
$$;

-- each ward against the city: a synthetic comparison, by ward code
CREATE TEMP TABLE ward_compare AS
  SELECT w.code, w.name, w.geom,
         (ARRAY['better', 'similar', 'similar', 'worse', 'worse_99_8', 'not_compared', NULL])[(row_number() OVER (ORDER BY w.code) - 1) % 7 + 1]
           AS compared,
         w.name IN ('Bevois', 'Bargate') AS programme
    FROM wards19 w;
CREATE TEMP TABLE map AS
  SELECT oba.choropleth_svg(array_agg(geom ORDER BY code), array_agg(compared ORDER BY code),
                            array_agg(name ORDER BY code),
                            title => 'Southampton wards against the city',
                            legend_title => 'Compared with Southampton (95% interval)',
                            highlight => array_agg(programme ORDER BY code), highlight_label => 'Programme wards') AS svg
    FROM ward_compare;

-- valid XML that scales (viewBox), its height from the map's shape
SELECT xml_is_well_formed_document(svg) AS well_formed, length(svg) BETWEEN 5000 AND 30000 AS sensible_size,
       pg_temp.svg_texts(svg, '/s:svg/@viewBox') AS viewbox, pg_temp.svg_texts(svg, '/s:svg/@role') AS role
  FROM map;
SELECT pg_temp.svg_texts(svg, '/s:svg/s:title/text()') AS title,
       pg_temp.svg_texts(svg, '/s:svg/s:desc/text()') AS description
  FROM map;
-- 16 wards, each a path with a tooltip, and 2 outlined
SELECT (xpath('count(/s:svg/s:g[1]/s:path)', svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1] AS areas,
       (xpath('count(/s:svg/s:g[2]/s:path)', svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1] AS outlined,
       pg_temp.svg_texts(svg, '/s:svg/s:g[1]/s:path/s:title/text()') AS tooltips
  FROM map;
-- the legend: each category with its count, then the outline; the scale bar
SELECT pg_temp.svg_texts(svg, '/s:svg/s:text/text()') AS texts FROM map;
-- colour and texture: better solid blue, similar solid grey, worse hatched
-- vermillion, 99.8% worse cross-hatched, not compared cross-hatched grey on
-- white, no data white
SELECT pg_temp.svg_texts(svg, '/s:svg/s:rect[@width="18"]/@fill') AS legend_fills,
       pg_temp.svg_texts(svg, '/s:svg/s:defs/s:pattern/s:rect/@fill') AS pattern_colours,
       pg_temp.svg_texts(svg, '/s:svg/s:defs/s:pattern/@patternTransform') AS pattern_angles
  FROM map;
-- ids unique to the picture
SELECT pg_temp.svg_texts(svg, '/s:svg/s:defs/s:pattern[1]/@id') ~ '^oba-[0-9a-f]{12}-[0-9]+$' AS pattern_id,
       pg_temp.svg_texts(svg, '/s:svg/@aria-labelledby') ~ '^oba-[0-9a-f]{12}-t oba-[0-9a-f]{12}-d$' AS labelled
  FROM map;

-- other labels take the Okabe-Ito colours in alphabetical order; a fixed
-- height shrinks the map to fit; simplify => 0 keeps every vertex
SELECT pg_temp.svg_texts(s, '/s:svg/s:text/text()') AS texts,
       pg_temp.svg_texts(s, '/s:svg/@viewBox') AS viewbox,
       pg_temp.svg_texts(s, '/s:svg/s:rect[@width="18"]/@fill') AS legend_fills
  FROM (SELECT oba.choropleth_svg(array_agg(geom ORDER BY code),
                                  array_agg(CASE WHEN name < 'M' THEN 'Quintile 1' ELSE 'Quintile 5' END ORDER BY code),
                                  width => 400, height => 300) AS s
          FROM wards19) m;
SELECT length(a) < length(b) AS simplified_is_smaller, xml_is_well_formed_document(b) AS unsimplified_well_formed
  FROM (SELECT oba.choropleth_svg(array_agg(geom), array_agg('similar'::text)) AS a,
               oba.choropleth_svg(array_agg(geom), array_agg('similar'::text), simplify => 0) AS b
          FROM wards19) m;

-- text from the caller is escaped
SELECT xml_is_well_formed_document(s) AS well_formed,
       (xpath('count(//*[local-name()="script"])', s::xml))[1] AS scripts,
       pg_temp.svg_texts(s, '/s:svg/s:title/text()') AS title,
       pg_temp.svg_texts(s, '/s:svg/s:g[1]/s:path[1]/s:title/text()') AS first_tooltip
  FROM (SELECT oba.choropleth_svg(array_agg(geom ORDER BY code), array_agg('<b>bold</b>'::text),
                                  array_agg('A & B <script>' || code ORDER BY code),
                                  title => '"Wards" & <script>alert(1)</script>') AS s
          FROM wards19) m;

-- the same map whatever the search_path (PostGIS is found by its schema)
SELECT md5(svg) AS before FROM map \gset
SET search_path = pg_catalog;
SELECT md5(oba.choropleth_svg(array_agg(geom ORDER BY code), array_agg(compared ORDER BY code),
                              array_agg(name ORDER BY code),
                              title => 'Southampton wards against the city',
                              legend_title => 'Compared with Southampton (95% interval)',
                              highlight => array_agg(programme ORDER BY code), highlight_label => 'Programme wards'))
       = :'before' AS same_map
  FROM pg_temp.ward_compare;
SET search_path = public, postgis;

-- edges: NULL geom gives NULL; no areas draws a frame that says so
SELECT oba.choropleth_svg(NULL::postgis.geometry[], NULL) IS NULL AS null_geom,
       pg_temp.svg_texts(oba.choropleth_svg('{}'::postgis.geometry[], '{}', title => 'Nothing'), '/s:svg/s:text/text()')
         AS empty;

-- bad input
SELECT pg_temp.err($$SELECT oba.choropleth_svg(array_agg(geom), '{better}') FROM wards19$$);
SELECT pg_temp.err($$SELECT oba.choropleth_svg(array_agg(geom), array_agg(code), label => '{a}') FROM wards19$$);
SELECT pg_temp.err($$SELECT oba.choropleth_svg(ARRAY[NULL::postgis.geometry], '{better}')$$);
SELECT pg_temp.err($$SELECT oba.choropleth_svg(ARRAY[postgis.ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))', 27700),
                                                     postgis.ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))', 4326)], '{a,b}')$$);
SELECT pg_temp.err($$SELECT oba.choropleth_svg(ARRAY[postgis.ST_GeomFromText('POINT(1 1)', 27700)], '{a}')$$);
SELECT pg_temp.err($$SELECT oba.choropleth_svg(array_agg(geom), array_agg(code), width => 100) FROM wards19$$);
SELECT pg_temp.err($$SELECT oba.choropleth_svg(array_agg(geom), array_agg(code), height => 5000) FROM wards19$$);
SELECT pg_temp.err($$SELECT oba.choropleth_svg(array_agg(geom), array_agg(code), simplify => -1) FROM wards19$$);

DROP TABLE ward_compare, map;
\i data/geo/teardown.sql
