-- ---------------------------------------------------------------------------
-- choropleth (geo): a map of areas coloured by category, drawn as SVG text
-- from PostGIS geometries with ST_AsSVG, so that a report, a web page and a
-- BI tool show the same picture.
--
-- The categories of oba.compare (better, similar, worse, their 95% and 99.8%
-- grades, higher and lower, not_compared) have fixed styles; other labels
-- take the Okabe-Ito palette in turn. Every style pairs a colour-blind-safe
-- colour with a texture (hatching, dots, cross-hatching), and the legend
-- names each with its count, so the map reads in grey and without colour.
--
-- The geometry type lives in PostGIS's schema, which is only known when
-- oba_geo is installed: the function is created by a DO block that
-- qualifies it. At run time the PostGIS calls are qualified the same way
-- (_geo_postgis_schema) and every value reaches the query as a parameter, so
-- nothing the caller passes is ever spliced into SQL.
-- ---------------------------------------------------------------------------

-- Availability: 0.1
CREATE FUNCTION @extschema@._choropleth_style(category pg_catalog.text, rank pg_catalog.int4 DEFAULT 0,
    OUT fill pg_catalog.text, OUT texture pg_catalog.text, OUT legend pg_catalog.text, OUT sort_key pg_catalog.int4)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.fill, s.texture, s.legend, s.sort_key
    FROM (VALUES
      ('better_99_8', '#0072B2', 'none', 'Better (99.8%)', 1),
      ('better', '#0072B2', 'none', 'Better', 2),
      ('better_95', '#56B4E9', 'none', 'Better (95%)', 3),
      ('similar', '#E6E6E6', 'none', 'Similar', 4),
      ('worse_95', '#E69F00', 'hatch', 'Worse (95%)', 5),
      ('worse', '#D55E00', 'hatch', 'Worse', 6),
      ('worse_99_8', '#D55E00', 'crosshatch', 'Worse (99.8%)', 7),
      ('higher_99_8', '#CC79A7', 'dots', 'Higher (99.8%)', 11),
      ('higher', '#CC79A7', 'dots', 'Higher', 12),
      ('higher_95', '#E3B5CF', 'dots', 'Higher (95%)', 13),
      ('lower_95', '#9FD8C5', 'hatch_back', 'Lower (95%)', 14),
      ('lower', '#009E73', 'hatch_back', 'Lower', 15),
      ('lower_99_8', '#009E73', 'hatch_back', 'Lower (99.8%)', 16),
      ('not_compared', '#FFFFFF', 'crosshatch_grey', 'Not compared', 90)) s(category, fill, texture, legend, sort_key)
   WHERE s.category = _choropleth_style.category
  UNION ALL
  SELECT CASE WHEN _choropleth_style.category IS NULL THEN '#FFFFFF'
              ELSE (ARRAY['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'])[rank % 7 + 1] END,
         CASE WHEN _choropleth_style.category IS NULL THEN 'none'
              ELSE (ARRAY['none', 'hatch', 'dots', 'hatch_back', 'crosshatch'])[(rank / 7 + rank) % 5 + 1] END,
         coalesce(_choropleth_style.category, 'No data'),
         CASE WHEN _choropleth_style.category IS NULL THEN 99 ELSE 50 END
   WHERE _choropleth_style.category IS NULL
      OR _choropleth_style.category NOT IN ('better_99_8', 'better', 'better_95', 'similar', 'worse_95', 'worse',
                                           'worse_99_8', 'higher_99_8', 'higher', 'higher_95', 'lower_95', 'lower',
                                           'lower_99_8', 'not_compared')
$$;
COMMENT ON FUNCTION @extschema@._choropleth_style(pg_catalog.text, pg_catalog.int4) IS
'Internal (oba_geo, maps): the fill colour, texture (none, hatch, hatch_back, dots, crosshatch, crosshatch_grey), legend text and legend order of a category of oba.choropleth_svg. The categories of oba.compare have fixed styles (better blue, similar light grey, worse vermillion hatched, higher purple dotted, lower green back-hatched, not_compared white cross-hatched); any other label takes the rank-th Okabe-Ito colour and a texture; NULL is ''No data'', plain white.';

-- Availability: 0.1
CREATE FUNCTION @extschema@._choropleth_pattern(id pg_catalog.text, fill pg_catalog.text, texture pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT '<pattern id="' || id || '" patternUnits="userSpaceOnUse" width="6" height="6"'
         || CASE WHEN texture IN ('hatch', 'crosshatch', 'crosshatch_grey') THEN ' patternTransform="rotate(45)"'
                 WHEN texture = 'hatch_back' THEN ' patternTransform="rotate(-45)"' ELSE '' END || '>'
         || '<rect width="6" height="6" fill="' || fill || '"/>'
         || CASE texture
              WHEN 'hatch' THEN '<line x1="1" y1="0" x2="1" y2="6" stroke="#ffffff" stroke-width="1.6"/>'
              WHEN 'hatch_back' THEN '<line x1="1" y1="0" x2="1" y2="6" stroke="#ffffff" stroke-width="1.6"/>'
              WHEN 'crosshatch' THEN '<path d="M1 0V6M0 1H6" stroke="#ffffff" stroke-width="1.4"/>'
              WHEN 'crosshatch_grey' THEN '<path d="M1 0V6M0 1H6" stroke="#999999" stroke-width="0.8"/>'
              WHEN 'dots' THEN '<circle cx="3" cy="3" r="1.3" fill="#ffffff"/>'
              ELSE '' END
         || '</pattern>'
$$;
COMMENT ON FUNCTION @extschema@._choropleth_pattern(pg_catalog.text, pg_catalog.text, pg_catalog.text) IS
'Internal (oba_geo, maps): the SVG pattern element with the given id that fills an area with a colour and a texture (see oba._choropleth_style).';

-- The map itself: created with the geometry type qualified by PostGIS's schema.
DO $do$
DECLARE
  p pg_catalog.text;
BEGIN
  SELECT pg_catalog.quote_ident(n.nspname) INTO p
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'postgis';
  EXECUTE pg_catalog.replace($fn$
-- Availability: 0.1
CREATE FUNCTION @extschema@.choropleth_svg(
    geom @postgis@.geometry[], value pg_catalog.text[],
    label pg_catalog.text[] DEFAULT NULL,
    title pg_catalog.text DEFAULT NULL,
    legend_title pg_catalog.text DEFAULT NULL,
    highlight pg_catalog.bool[] DEFAULT NULL,
    highlight_label pg_catalog.text DEFAULT 'Highlighted',
    width pg_catalog.int4 DEFAULT 640,
    height pg_catalog.int4 DEFAULT NULL,
    simplify pg_catalog.float8 DEFAULT NULL)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $body$
DECLARE
  fname constant text := 'oba.choropleth_svg';
  p text := @extschema@._geo_postgis_schema();
  n int := coalesce(cardinality(geom), 0);
  e record;
  pad constant float8 := 12;
  tp float8 := CASE WHEN title IS NULL THEN 12 ELSE 38 END;
  cat_name text[];
  cat_fill text[];
  cat_texture text[];
  cat_legend text[];
  cat_n int[];
  paint text[];
  item_text text[] := '{}';
  item_x float8[] := '{}';
  item_row int[] := '{}';
  nrows int := 0;
  w float8;
  cx float8;
  ly float8;
  mw float8;
  mh float8;
  sc float8;
  ox float8;
  bottom float8;
  legend_h float8;
  h float8;
  tol float8;
  paths text;
  outline text;
  bar float8;
  mag float8;
  out text;
  i int;
  n_hl int := coalesce((SELECT count(*) FROM unnest(highlight) x WHERE x), 0);
BEGIN
  IF geom IS NULL THEN
    RETURN NULL;
  END IF;
  IF p IS NULL THEN
    RAISE EXCEPTION '%: PostGIS is not installed in this database', fname USING ERRCODE = 'undefined_object';
  END IF;
  IF value IS NULL OR coalesce(cardinality(value), 0) <> n
     OR (label IS NOT NULL AND coalesce(cardinality(label), 0) <> n)
     OR (highlight IS NOT NULL AND coalesce(cardinality(highlight), 0) <> n) THEN
    RAISE EXCEPTION '%: geom, value, label and highlight must be arrays of the same length, got %', fname,
      concat_ws(', ', n, coalesce(cardinality(value)::text, 'NULL'),
                coalesce(cardinality(label)::text, 'NULL'), coalesce(cardinality(highlight)::text, 'NULL'))
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF width IS NULL OR width NOT BETWEEN 240 AND 4000 OR (height IS NOT NULL AND height NOT BETWEEN 200 AND 4000) THEN
    RAISE EXCEPTION '%: width must be between 240 and 4000, and height NULL (from the map''s shape) or between 200 and 4000, got % and %',
      fname, coalesce(width::text, 'NULL'), coalesce(height::text, 'NULL')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF simplify IS NOT NULL AND NOT (simplify >= 0 AND simplify < 'Infinity') THEN
    RAISE EXCEPTION '%: simplify must be a distance of 0 or more in the geometries'' units, got %', fname, simplify
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  -- the layer: no NULLs, one SRID, polygons; its extent, and whether its
  -- unit is the metre (for the scale bar)
  EXECUTE format($q$
    SELECT count(*) FILTER (WHERE g IS NULL) AS nulls,
           count(DISTINCT %1$s.ST_SRID(g)) AS srids,
           count(*) FILTER (WHERE %1$s.ST_Dimension(g) <> 2 AND NOT %1$s.ST_IsEmpty(g)) AS non_polygonal,
           -- a NaN or infinite coordinate makes the perimeter NaN or infinite
           -- (scaled down first, so that no finite coordinate overflows it;
           -- by ST_Affine's 13-argument C form: PostGIS's two-factor scaling
           -- is SQL that passes an integer literal on)
           count(*) FILTER (WHERE NOT %1$s.ST_Perimeter(%1$s.ST_Affine(g,
                                        1e-160::pg_catalog.float8, 0::pg_catalog.float8, 0::pg_catalog.float8,
                                        0::pg_catalog.float8, 1e-160::pg_catalog.float8, 0::pg_catalog.float8,
                                        0::pg_catalog.float8, 0::pg_catalog.float8, 1::pg_catalog.float8,
                                        0::pg_catalog.float8, 0::pg_catalog.float8, 0::pg_catalog.float8))
                                      < 'Infinity'::pg_catalog.float8) AS non_finite,
           %1$s.ST_XMin(%1$s.ST_Extent(g)::%1$s.box3d) AS x0, %1$s.ST_YMin(%1$s.ST_Extent(g)::%1$s.box3d) AS y0,
           %1$s.ST_XMax(%1$s.ST_Extent(g)::%1$s.box3d) AS x1, %1$s.ST_YMax(%1$s.ST_Extent(g)::%1$s.box3d) AS y1,
           (SELECT r.proj4text ~ '\+units=m( |$)' FROM %1$s.spatial_ref_sys r
             WHERE r.srid = min(%1$s.ST_SRID(g))) AS metres
      FROM unnest($1) g$q$, p) INTO e USING geom;
  IF e.nulls > 0 THEN
    RAISE EXCEPTION '%: geom must not contain NULL, got % of %', fname, e.nulls, n
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF e.srids > 1 THEN
    RAISE EXCEPTION '%: geom mixes SRIDs', fname
      USING ERRCODE = 'invalid_parameter_value', HINT = 'Transform every geometry to one CRS with ST_Transform.';
  END IF;
  IF e.non_polygonal > 0 THEN
    RAISE EXCEPTION '%: geom must be polygons or multipolygons, got % other geometr%', fname, e.non_polygonal,
      CASE WHEN e.non_polygonal = 1 THEN 'y' ELSE 'ies' END
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- before any of it reaches GEOS (a NaN hangs its simplification where no
  -- cancel reaches it), and before the scale overflows
  IF e.non_finite > 0 THEN
    RAISE EXCEPTION '%: geom must have finite coordinates, got % geometr% with NaN or infinite ones', fname,
      e.non_finite, CASE WHEN e.non_finite = 1 THEN 'y' ELSE 'ies' END
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF (CASE WHEN greatest(abs(e.x0), abs(e.x1), abs(e.y0), abs(e.y1)) > 1e300::float8 THEN true
           ELSE e.x1 - e.x0 > 0::float8 AND e.x1 - e.x0 < 1e-300::float8 END) THEN
    RAISE EXCEPTION '%: geom must lie within 1e300 of the origin and be wider than 1e-300 to be drawn, got x from % to %, y from % to %',
      fname, e.x0, e.x1, e.y0, e.y1
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  -- the categories in legend order, each with its style and count (labels
  -- outside the vocabulary of oba.compare take styles in alphabetical order)
  SELECT array_agg(c.category ORDER BY st.sort_key, c.category), array_agg(st.fill ORDER BY st.sort_key, c.category),
         array_agg(st.texture ORDER BY st.sort_key, c.category), array_agg(st.legend ORDER BY st.sort_key, c.category),
         array_agg(c.n ORDER BY st.sort_key, c.category)
    INTO cat_name, cat_fill, cat_texture, cat_legend, cat_n
    FROM (SELECT v AS category, count(*)::int AS n,
                 (dense_rank() OVER (ORDER BY v) - 1)::int AS rank
            FROM unnest(value) v GROUP BY v) c
   CROSS JOIN LATERAL @extschema@._choropleth_style(c.category, c.rank) st;
  paint := ARRAY(SELECT CASE WHEN u.texture = 'none' THEN u.fill ELSE 'url(#<#>-' || u.k || ')' END
                   FROM unnest(cat_fill, cat_texture) WITH ORDINALITY u(fill, texture, k) ORDER BY u.k);

  -- the legend, packed in rows under the map
  cx := pad;
  FOR i IN 1 .. coalesce(cardinality(cat_name), 0) + CASE WHEN n_hl > 0 THEN 1 ELSE 0 END LOOP
    item_text := item_text || CASE WHEN i <= coalesce(cardinality(cat_name), 0)
                                   THEN cat_legend[i] || ' (' || cat_n[i] || ')'
                                   ELSE coalesce(highlight_label, 'Highlighted') || ' (' || n_hl || ')' END;
    w := 24 + 6.3 * length(item_text[i]);
    IF nrows = 0 OR (cx + w > width - pad AND cx > pad) THEN
      nrows := nrows + 1;
      cx := pad;
    END IF;
    item_x := item_x || cx;
    item_row := item_row || nrows;
    cx := cx + w + 16;
  END LOOP;

  -- the scale: the map fills the width, or the height when one is given
  legend_h := 30 + 19 * nrows + (CASE WHEN legend_title IS NULL THEN 0 ELSE 19 END) + pad;
  mw := width - 2 * pad;
  IF e.x0 IS NULL OR e.x1 <= e.x0 OR e.y1 <= e.y0 THEN
    sc := NULL;
    mh := 120;
  ELSE
    sc := mw / (e.x1 - e.x0);
    mh := (e.y1 - e.y0) * sc;
    IF height IS NOT NULL AND mh > height - tp - legend_h THEN
      mh := greatest(height - tp - legend_h, 40);
      sc := mh / (e.y1 - e.y0);
    END IF;
  END IF;
  ox := pad + CASE WHEN sc IS NULL THEN 0 ELSE (mw - (e.x1 - e.x0) * sc) / 2 END;
  bottom := tp + mh;
  h := coalesce(height, ceil(bottom + legend_h));

  out := format('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %1$s %2$s" width="%1$s" height="%2$s" role="img" aria-labelledby="<#>-t <#>-d" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-size="11">',
                width, h);
  out := out || '<title id="<#>-t">' || coalesce(@extschema@.xml_escape(title), 'Map') || '</title>';
  out := out || '<desc id="<#>-d">' || @extschema@.xml_escape(
           ('Map of ' || n || ' area' || CASE WHEN n = 1 THEN '' ELSE 's' END
           || coalesce('. ' || legend_title, '') || coalesce(': ' || (
                SELECT string_agg(lower(u.l) || ' ' || u.c, ', ' ORDER BY u.k)
                  FROM unnest(cat_legend, cat_n) WITH ORDINALITY u(l, c, k)), '')
           || CASE WHEN n_hl > 0 THEN '; ' || n_hl || ' ' || lower(coalesce(highlight_label, 'highlighted')) ELSE '' END
           || '.')::pg_catalog.text) || '</desc>';
  out := out || '<defs>' || coalesce((
           SELECT string_agg(@extschema@._choropleth_pattern(('<#>-' || u.k)::pg_catalog.text, u.fill, u.texture), '' ORDER BY u.k)
             FROM unnest(cat_fill, cat_texture) WITH ORDINALITY u(fill, texture, k) WHERE u.texture <> 'none'), '')
         || '</defs>';
  out := out || format('<rect width="%s" height="%s" fill="#ffffff"/>', width, h);
  IF title IS NOT NULL THEN
    out := out || format('<text x="%s" y="24" text-anchor="middle" font-size="15" font-weight="bold">%s</text>',
                         @extschema@._svg_num((width / 2.0)::pg_catalog.float8, 1), @extschema@.xml_escape(title));
  END IF;

  IF sc IS NULL THEN
    out := out || format('<text x="%s" y="%s" text-anchor="middle" fill="#333333">No areas</text>',
                         @extschema@._svg_num((width / 2.0)::pg_catalog.float8, 1), @extschema@._svg_num((tp + mh / 2)::pg_catalog.float8, 1));
  ELSE
    -- each area simplified to half a pixel (or simplify), moved into the
    -- picture (y down) and written by ST_AsSVG to 0.1 pixel; a tooltip
    -- names it and its category. ST_Affine's 13-argument form is PostGIS's
    -- C function; its 2D form is SQL that calls it with integer literals,
    -- which an overload added to PostGIS's schema could intercept.
    tol := coalesce(simplify, 0.5 / sc);
    -- GEOS squares distances: where a side of the extent is below 1e-150 (or
    -- a coordinate above 1e150) they underflow (overflow), and it collapses
    -- rings or fails; such maps are drawn as they are
    IF e.x1 - e.x0 < 1e-150::float8 OR e.y1 - e.y0 < 1e-150::float8
       OR greatest(abs(e.x0), abs(e.x1), abs(e.y0), abs(e.y1)) > 1e150::float8 THEN
      tol := NULL;
    END IF;
    EXECUTE format($q$
      SELECT string_agg('<path d="' || d.svg || '" fill="' || $7[array_position($6, d.v)]
                        || '" fill-rule="evenodd" stroke="#4d4d4d" stroke-width="0.6" stroke-linejoin="round"><title>'
                        || @extschema@.xml_escape((coalesce(d.l || ': ', '') || $8[array_position($6, d.v)])::pg_catalog.text)
                        || '</title></path>', '' ORDER BY d.i),
             string_agg('<path d="' || d.svg || '" fill="none" stroke="#000000" stroke-width="2.4" stroke-linejoin="round"/>',
                        '' ORDER BY d.i) FILTER (WHERE d.hl)
        FROM (SELECT u.i, u.v, u.l, coalesce(u.hl, false) AS hl,
                     %1$s.ST_AsSVG(%1$s.ST_Affine(CASE WHEN $2 IS NULL THEN u.g
                                                       ELSE %1$s.ST_SimplifyPreserveTopology(u.g, $2) END,
                                               $3, 0::pg_catalog.float8, 0::pg_catalog.float8,
                                               0::pg_catalog.float8, $3, 0::pg_catalog.float8,
                                               0::pg_catalog.float8, 0::pg_catalog.float8, 1::pg_catalog.float8,
                                               $4, $5, 0::pg_catalog.float8), 1, 1) AS svg
                FROM unnest($1, $9, $10, $11) WITH ORDINALITY u(g, v, l, hl, i)) d$q$, p)
      INTO paths, outline
      USING geom, tol, sc, ox - e.x0 * sc, -tp - e.y1 * sc, cat_name, paint, cat_legend, value,
            coalesce(label, array_fill(NULL::text, ARRAY[n])), coalesce(highlight, array_fill(NULL::bool, ARRAY[n]));
    out := out || '<g>' || coalesce(paths, '') || '</g>' || coalesce('<g>' || outline || '</g>', '');
    -- a scale bar of a round length near a fifth of the width
    IF coalesce(e.metres, false) THEN
      bar := mw / 5 / sc;
      mag := power(10::float8, floor(log(bar)));
      bar := mag * CASE WHEN bar / mag >= 5 THEN 5 WHEN bar / mag >= 2 THEN 2 ELSE 1 END;
      out := out || format('<path d="M%1$s %2$sv5h%3$sv-5" fill="none" stroke="#333333" stroke-width="1.5"/><text x="%4$s" y="%5$s">%6$s</text>',
                           pad, @extschema@._svg_num((bottom + 10)::pg_catalog.float8, 1), @extschema@._svg_num((bar * sc)::pg_catalog.float8, 1),
                           @extschema@._svg_num((pad + bar * sc + 6)::pg_catalog.float8, 1), @extschema@._svg_num((bottom + 19)::pg_catalog.float8, 1),
                           CASE WHEN bar >= 1000 THEN @extschema@._svg_num((bar / 1000)::pg_catalog.float8, 3) || ' km'
                                ELSE @extschema@._svg_num(bar, 3) || ' m' END);
    END IF;
  END IF;

  -- the legend
  ly := bottom + 30;
  IF legend_title IS NOT NULL THEN
    out := out || format('<text x="%s" y="%s" font-weight="bold">%s</text>', pad, @extschema@._svg_num((ly + 9)::pg_catalog.float8, 1),
                         @extschema@.xml_escape(legend_title));
    ly := ly + 19;
  END IF;
  FOR i IN 1 .. coalesce(cardinality(item_text), 0) LOOP
    out := out || format('<rect x="%s" y="%s" width="18" height="12" fill="%s" stroke="%s" stroke-width="%s"/><text x="%s" y="%s">%s</text>',
                         @extschema@._svg_num(item_x[i], 1), @extschema@._svg_num((ly + 19 * (item_row[i] - 1))::pg_catalog.float8, 1),
                         CASE WHEN i <= coalesce(cardinality(cat_name), 0) THEN paint[i] ELSE 'none' END,
                         CASE WHEN i <= coalesce(cardinality(cat_name), 0) THEN '#4d4d4d' ELSE '#000000' END,
                         CASE WHEN i <= coalesce(cardinality(cat_name), 0) THEN '0.6' ELSE '2.4' END,
                         @extschema@._svg_num((item_x[i] + 24)::pg_catalog.float8, 1), @extschema@._svg_num((ly + 19 * (item_row[i] - 1) + 10)::pg_catalog.float8, 1),
                         @extschema@.xml_escape(item_text[i]));
  END LOOP;
  out := out || '</svg>';
  RETURN replace(out, '<#>', 'oba-' || left(md5(out), 12));
END $body$;
$fn$, '@postgis@', p);
  EXECUTE pg_catalog.replace($fn$
COMMENT ON FUNCTION @extschema@.choropleth_svg(@postgis@.geometry[], pg_catalog.text[], pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.bool[], pg_catalog.text, pg_catalog.int4, pg_catalog.int4, pg_catalog.float8) IS
'A map as SVG text (a choropleth): one area per element of geom (polygons in one SRID, projected), filled by its category in value. The categories of oba.compare have fixed styles that pair a colour-blind-safe colour with a texture: better blue, similar light grey, worse vermillion with white hatching (crossed at 99.8%), higher purple dotted, lower green back-hatched, not_compared white cross-hatched, NULL (''No data'') white; other labels take the Okabe-Ito colours and textures in alphabetical order. A legend names each category with its count under legend_title; label gives each area''s tooltip; highlight outlines some areas in black (named highlight_label in the legend); a title; a scale bar when the CRS is in metres. Areas are simplified to half a pixel (or to simplify, in the geometries'' units; 0 for none) and written by ST_AsSVG to 0.1 pixel; the viewBox is width (default 640) by height (default: from the map''s shape). Text is XML-escaped; the values reach PostGIS as query parameters. A map narrower or lower than 1e-150, or with a coordinate beyond 1e150, is drawn unsimplified (GEOS''s squared distances would underflow or overflow). NULL geom gives NULL; arrays of different lengths, mixed SRIDs, non-polygons, a bad size or simplify, a NaN or infinite coordinate (refused before PostGIS sees it), a coordinate beyond 1e300 or a map narrower than 1e-300 are errors (22023), a NULL geometry is 22004.';
$fn$, '@postgis@', p);
END $do$;
