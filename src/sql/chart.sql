-- ---------------------------------------------------------------------------
-- chart: charts drawn as SVG text in SQL, so that a report, a web page and a
-- BI tool (Power BI shows an SVG data URI in a table or card) show the same
-- picture. oba.curve_svg draws a turn-the-curve chart from rows shaped like
-- oba.curve_points. oba_geo adds oba.choropleth_svg (maps, on PostGIS).
--
-- Safety: no dynamic SQL; every text that comes from the caller is
-- XML-escaped (oba.xml_escape), so a title cannot inject markup. Numbers are
-- printed through numeric, so the output depends on no setting (DateStyle,
-- extra_float_digits, lc_numeric): the functions are IMMUTABLE.
--
-- Readable without colour: a colour-blind-safe palette (Okabe and Ito 2008:
-- blue #0072B2, vermillion #D55E00, reddish purple #CC79A7, sky blue
-- #56B4E9), and every class also differs in shape or fill and is named in
-- the legend.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE FUNCTION @extschema@.xml_escape(s pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT replace(replace(replace(replace(replace(
           regexp_replace(s, '[\x01-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]', '', 'g'),
           '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')
$$;
COMMENT ON FUNCTION @extschema@.xml_escape(pg_catalog.text) IS
'Text made safe inside XML or HTML, as element content or a quoted attribute: & < > " and '' become entities, and the control characters XML 1.0 does not allow (U+0001-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF) are removed. NULL in gives NULL out.';

-- Availability: 0.2
CREATE FUNCTION @extschema@._svg_num(x pg_catalog.float8, digits pg_catalog.int4 DEFAULT 1)
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN x IN ('NaN', 'Infinity', '-Infinity') THEN NULL
              ELSE trim_scale(round(x::numeric, digits))::text END
$$;
COMMENT ON FUNCTION @extschema@._svg_num(pg_catalog.float8, pg_catalog.int4) IS
'Internal (charts): a number as SVG and chart labels print it, rounded to digits decimals without trailing zeros, the same whatever the session''s settings; NULL for NULL, NaN or infinity.';

-- Availability: 0.2
CREATE FUNCTION @extschema@._svg_ticks(lo pg_catalog.float8, hi pg_catalog.float8, n pg_catalog.int4 DEFAULT 5,
                                      OUT ticks pg_catalog.float8[], OUT digits pg_catalog.int4)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  raw float8;
  mag float8;
  step float8;
  f float8;
  k0 float8;
  k1 float8;
BEGIN
  IF NOT (lo <= hi) OR lo IN ('-Infinity', 'Infinity') OR hi IN ('-Infinity', 'Infinity') OR n NOT BETWEEN 1 AND 100 THEN
    RAISE EXCEPTION 'oba._svg_ticks: need finite lo <= hi and n between 1 and 100, got %, %, %', lo, hi, n
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF hi = lo THEN
    raw := greatest(abs(lo), 1) / n;
  ELSE
    raw := (hi - lo) / n;
  END IF;
  mag := power(10::float8, floor(log(raw)));
  f := raw / mag;
  step := mag * CASE WHEN f <= 1 THEN 1 WHEN f <= 2 THEN 2 WHEN f <= 5 THEN 5 ELSE 10 END;
  k0 := floor(lo / step + 1e-9);
  k1 := ceil(hi / step - 1e-9);
  IF k1 <= k0 THEN
    k1 := k0 + 1;
  END IF;
  ticks := ARRAY(SELECT (k * step)::float8 FROM generate_series(k0::numeric, k1::numeric) k);
  digits := greatest(0, -floor(log(step) + 1e-9))::int;
END $$;
COMMENT ON FUNCTION @extschema@._svg_ticks(pg_catalog.float8, pg_catalog.float8, pg_catalog.int4) IS
'Internal (charts): "nice" axis ticks covering lo to hi, about n (1 to 100) intervals of 1, 2 or 5 times a power of ten, and the decimals their labels need.';


-- Availability: 0.2
CREATE FUNCTION @extschema@._curve_svg_class_label(point_class pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE point_class
           WHEN 'baseline' THEN 'Before the start'
           WHEN 'on_forecast' THEN 'On the forecast'
           WHEN 'better_within_pi' THEN 'Better than forecast, within interval'
           WHEN 'better_beyond_pi' THEN 'Better than forecast, beyond interval'
           WHEN 'worse_within_pi' THEN 'Worse than forecast, within interval'
           WHEN 'worse_beyond_pi' THEN 'Worse than forecast, beyond interval'
           WHEN 'above_within_pi' THEN 'Above forecast, within interval'
           WHEN 'above_beyond_pi' THEN 'Above forecast, beyond interval'
           WHEN 'below_within_pi' THEN 'Below forecast, within interval'
           WHEN 'below_beyond_pi' THEN 'Below forecast, beyond interval'
           WHEN 'forecast' THEN 'Forecast'
           WHEN 'unclassified' THEN 'Not compared (too few points before the start)'
         END
$$;
COMMENT ON FUNCTION @extschema@._curve_svg_class_label(pg_catalog.text) IS
'Internal (charts): the legend text of a point_class of oba.curve_points (''better_beyond_pi'': ''Better than forecast, beyond interval''), and of ''unclassified'', a value after the start with no forecast to compare with (curve_points gives it a NULL class when the baseline is too short); NULL for an unknown class.';

-- Availability: 0.2
CREATE FUNCTION @extschema@._curve_svg_marker(point_class pg_catalog.text, cx pg_catalog.float8, cy pg_catalog.float8)
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- shape by meaning (square better, diamond worse, triangles above and
-- below, circles on the forecast and before the start), filled when beyond
-- the interval: readable in grey and by the colour-blind; a dashed grey
-- circle where there is no forecast to compare with. A SQL-standard body:
-- its calls are bound when the extension is created.
BEGIN ATOMIC
  SELECT CASE
           WHEN point_class = 'baseline' THEN
             format('<circle cx="%s" cy="%s" r="3" fill="#555555"/>', x, y)
           WHEN point_class = 'on_forecast' THEN
             format('<circle cx="%s" cy="%s" r="4.5" fill="#ffffff" stroke="#000000" stroke-width="1.5"/>', x, y)
           WHEN point_class = 'unclassified' THEN
             format('<circle cx="%s" cy="%s" r="4" fill="#ffffff" stroke="#777777" stroke-width="1.5" stroke-dasharray="2 1.5"/>', x, y)
           WHEN point_class LIKE 'better%' THEN
             format('<rect x="%s" y="%s" width="9" height="9" fill="%s" stroke="#0072B2" stroke-width="2"/>',
                    @extschema@._svg_num((cx - 4.5)::pg_catalog.float8, 1), @extschema@._svg_num((cy - 4.5)::pg_catalog.float8, 1), fill_b)
           WHEN point_class LIKE 'worse%' THEN
             format('<path d="M%s %sL%s %sL%s %sL%s %sZ" fill="%s" stroke="#D55E00" stroke-width="2"/>',
                    x, @extschema@._svg_num((cy - 6.5)::pg_catalog.float8, 1), @extschema@._svg_num((cx + 6.5)::pg_catalog.float8, 1), y,
                    x, @extschema@._svg_num((cy + 6.5)::pg_catalog.float8, 1), @extschema@._svg_num((cx - 6.5)::pg_catalog.float8, 1), y, fill_w)
           WHEN point_class LIKE 'above%' THEN
             format('<path d="M%s %sL%s %sL%s %sZ" fill="%s" stroke="#CC79A7" stroke-width="2"/>',
                    x, @extschema@._svg_num((cy - 6.5)::pg_catalog.float8, 1), @extschema@._svg_num((cx + 6)::pg_catalog.float8, 1), @extschema@._svg_num((cy + 4.5)::pg_catalog.float8, 1),
                    @extschema@._svg_num((cx - 6)::pg_catalog.float8, 1), @extschema@._svg_num((cy + 4.5)::pg_catalog.float8, 1), fill_n)
           WHEN point_class LIKE 'below%' THEN
             format('<path d="M%s %sL%s %sL%s %sZ" fill="%s" stroke="#CC79A7" stroke-width="2"/>',
                    x, @extschema@._svg_num((cy + 6.5)::pg_catalog.float8, 1), @extschema@._svg_num((cx + 6)::pg_catalog.float8, 1), @extschema@._svg_num((cy - 4.5)::pg_catalog.float8, 1),
                    @extschema@._svg_num((cx - 6)::pg_catalog.float8, 1), @extschema@._svg_num((cy - 4.5)::pg_catalog.float8, 1), fill_n)
         END
    FROM (SELECT @extschema@._svg_num(cx, 1) AS x, @extschema@._svg_num(cy, 1) AS y,
                 CASE WHEN point_class LIKE '%beyond%' THEN '#0072B2' ELSE '#ffffff' END AS fill_b,
                 CASE WHEN point_class LIKE '%beyond%' THEN '#D55E00' ELSE '#ffffff' END AS fill_w,
                 CASE WHEN point_class LIKE '%beyond%' THEN '#CC79A7' ELSE '#ffffff' END AS fill_n) s;
END;
COMMENT ON FUNCTION @extschema@._curve_svg_marker(pg_catalog.text, pg_catalog.float8, pg_catalog.float8) IS
'Internal (charts): the SVG marker of a point of a turn-the-curve chart at (cx, cy): a grey dot before the start, an open circle on the forecast, a blue square better than the forecast, a vermillion diamond worse, purple triangles above or below (neutral direction); filled when beyond the prediction interval; a dashed grey circle for unclassified (no forecast). NULL for the class forecast (no value) and unknown classes.';

-- Availability: 0.2
CREATE FUNCTION @extschema@._curve_svg_render(
    t pg_catalog.float8[], t_text pg_catalog.text[], value pg_catalog.float8[],
    fitted_or_forecast pg_catalog.float8[], pi_lower pg_catalog.float8[], pi_upper pg_catalog.float8[],
    point_class pg_catalog.text[], title pg_catalog.text, y_label pg_catalog.text, x_label pg_catalog.text,
    start_label pg_catalog.text, interval_label pg_catalog.text, width pg_catalog.int4, height pg_catalog.int4,
    x_min pg_catalog.float8, x_max pg_catalog.float8,
    x_ticks pg_catalog.float8[], x_tick_text pg_catalog.text[], x_tick_text_at pg_catalog.float8[])
RETURNS pg_catalog.text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  n int := coalesce(cardinality(t), 0);
  pt float8[];
  ptt text[];
  pv float8[];
  pf float8[];
  plo float8[];
  phi float8[];
  pc text[];
  ymin float8;
  ymax float8;
  yticks float8[];
  yd int;
  y0 float8;
  y1 float8;
  l constant float8 := 64;           -- the plot area: left, right, top, bottom
  r float8 := width - 20;
  tp float8 := CASE WHEN title IS NULL THEN 26 ELSE 48 END;
  b float8;
  legend text[] := '{}';
  item_w float8[] := '{}';
  item_row int[] := '{}';
  item_x float8[] := '{}';
  nrows int := 0;
  cx float8;
  w float8;
  i int;
  k int;
  s text := '';
  pts text;
  tip text;
  first_post int;
  last_base int;
  sx float8;
  ly float8;
  has_values bool;
BEGIN
  -- oba.curve_svg chooses the range; a direct call with an empty or
  -- unbounded one is refused rather than divided by
  IF NOT (x_max > x_min AND x_max - x_min < 'Infinity'::float8) OR x_min IS NULL OR x_max IS NULL THEN
    RAISE EXCEPTION 'oba._curve_svg_render: x_max must be greater than x_min and both finite, got % and %',
      coalesce(x_min::text, 'NULL'), coalesce(x_max::text, 'NULL')
      USING ERRCODE = 'invalid_parameter_value', HINT = 'Draw the chart with oba.curve_svg.';
  END IF;
  -- the points in time order; rows without a time are skipped; a value
  -- without a class (curve_points, too short a baseline) is unclassified
  SELECT array_agg(u.t ORDER BY u.t), array_agg(u.tt ORDER BY u.t), array_agg(u.v ORDER BY u.t),
         array_agg(u.f ORDER BY u.t), array_agg(u.lo ORDER BY u.t), array_agg(u.hi ORDER BY u.t),
         array_agg(coalesce(u.c, 'unclassified') ORDER BY u.t)
    INTO pt, ptt, pv, pf, plo, phi, pc
    FROM unnest(t, t_text, value, fitted_or_forecast, pi_lower, pi_upper, point_class) u(t, tt, v, f, lo, hi, c)
   WHERE u.t IS NOT NULL;
  n := coalesce(cardinality(pt), 0);

  -- y scale over everything drawn
  SELECT min(u), max(u) INTO ymin, ymax
    FROM unnest(coalesce(pv, '{}') || coalesce(pf, '{}') || coalesce(plo, '{}') || coalesce(phi, '{}')) u;
  has_values := ymin IS NOT NULL;
  IF NOT has_values THEN
    ymin := 0;
    ymax := 1;
  END IF;
  SELECT st.ticks, st.digits INTO yticks, yd FROM @extschema@._svg_ticks(ymin, ymax, 5) st;
  y0 := yticks[1];
  y1 := yticks[cardinality(yticks)];

  -- the legend: only what the chart shows, packed in rows under the x axis
  IF 'baseline' = ANY (pc) THEN
    legend := array_append(legend, 'dot');
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(pc, pf) u(c, f) WHERE c = 'baseline' AND f IS NOT NULL) THEN
    legend := array_append(legend, 'baseline_line');
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(pc, pf) u(c, f) WHERE c <> 'baseline' AND f IS NOT NULL) THEN
    legend := array_append(legend, 'forecast_line');
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(plo, phi) u(lo, hi) WHERE lo IS NOT NULL AND hi IS NOT NULL) THEN
    legend := array_append(legend, 'band');
  END IF;
  legend := legend || ARRAY(
    SELECT c FROM (SELECT DISTINCT u.c FROM unnest(pc, pv) u(c, v)
                    WHERE u.c NOT IN ('baseline', 'forecast') AND u.v IS NOT NULL) d
     ORDER BY array_position(ARRAY['better_beyond_pi', 'better_within_pi', 'on_forecast', 'worse_within_pi',
                                   'worse_beyond_pi', 'above_beyond_pi', 'above_within_pi', 'below_within_pi',
                                   'below_beyond_pi', 'unclassified'], c));
  cx := 12;
  nrows := CASE WHEN cardinality(legend) > 0 THEN 1 ELSE 0 END;
  FOR i IN 1 .. coalesce(cardinality(legend), 0) LOOP
    w := 30 + 6.3 * length(CASE legend[i] WHEN 'dot' THEN 'Before the start'
                                          WHEN 'baseline_line' THEN 'Baseline trend'
                                          WHEN 'forecast_line' THEN 'Forecast (baseline continued)'
                                          WHEN 'band' THEN coalesce(interval_label, '')
                                          ELSE @extschema@._curve_svg_class_label(legend[i]) END);
    IF cx + w > width - 8 AND cx > 12 THEN
      nrows := nrows + 1;
      cx := 12;
    END IF;
    item_x := item_x || cx;
    item_row := item_row || nrows;
    cx := cx + w + 14;
  END LOOP;
  b := height - 22 - CASE WHEN x_label IS NULL THEN 0 ELSE 16 END - 19 * nrows - 6;
  IF b < tp + 40 THEN
    b := tp + 40;
  END IF;

  s := format('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %1$s %2$s" width="%1$s" height="%2$s" role="img" aria-labelledby="<#>-t <#>-d" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-size="11">',
              width, height);
  s := s || '<title id="<#>-t">' || coalesce(@extschema@.xml_escape(title), 'Turn-the-curve chart') || '</title>';
  s := s || '<desc id="<#>-d">' || @extschema@.xml_escape(
         ('Turn-the-curve chart: ' || n || ' periods'
         || CASE WHEN n > 0 THEN ' from ' || ptt[1] || ' to ' || ptt[n] ELSE '' END
         || coalesce('; ' || (SELECT count(*) FROM unnest(pc) c WHERE c = 'baseline') || ' before the start', '')
         || coalesce('; latest value ' || (SELECT @extschema@._svg_num(u.v, (least(yd + 1, 6))::pg_catalog.int4) || ' (' || u.tt || ', '
                                                  || lower(@extschema@._curve_svg_class_label(u.c)) || ')'
                                             FROM unnest(pt, ptt, pv, pc) u(t, tt, v, c)
                                            WHERE u.v IS NOT NULL ORDER BY u.t DESC LIMIT 1), '')
         || '.')::pg_catalog.text) || '</desc>';
  s := s || format('<rect width="%s" height="%s" fill="#ffffff"/>', width, height);
  IF title IS NOT NULL THEN
    s := s || format('<text x="%s" y="24" text-anchor="middle" font-size="15" font-weight="bold">%s</text>',
                     @extschema@._svg_num((width / 2.0)::pg_catalog.float8, 1), @extschema@.xml_escape(title));
  END IF;

  -- grid and tick labels
  s := s || '<g stroke="#dddddd" stroke-width="1">';
  s := s || coalesce((SELECT string_agg(format('<line x1="%s" x2="%s" y1="%s" y2="%s"/>', l, r,
                                               @extschema@._svg_num((b - (u - y0) / (y1 - y0) * (b - tp))::pg_catalog.float8, 1),
                                               @extschema@._svg_num((b - (u - y0) / (y1 - y0) * (b - tp))::pg_catalog.float8, 1)), '')
                        FROM unnest(yticks) u), '');
  s := s || coalesce((SELECT string_agg(format('<line x1="%1$s" x2="%1$s" y1="%2$s" y2="%3$s"/>',
                                               @extschema@._svg_num((l + (u - x_min) / (x_max - x_min) * (r - l))::pg_catalog.float8, 1), tp, b), '')
                        FROM unnest(x_ticks) u WHERE u BETWEEN x_min AND x_max), '');
  s := s || '</g><g fill="#333333" text-anchor="end">';
  s := s || coalesce((SELECT string_agg(format('<text x="%s" y="%s">%s</text>', l - 6,
                                               @extschema@._svg_num((b - (u - y0) / (y1 - y0) * (b - tp) + 4)::pg_catalog.float8, 1),
                                               @extschema@._svg_num(u, yd)), '')
                        FROM unnest(yticks) u), '');
  s := s || '</g><g fill="#333333" text-anchor="middle">';
  s := s || coalesce((SELECT string_agg(format('<text x="%s" y="%s">%s</text>',
                                               @extschema@._svg_num((l + (u.at - x_min) / (x_max - x_min) * (r - l))::pg_catalog.float8, 1),
                                               @extschema@._svg_num((b + 16)::pg_catalog.float8, 1), @extschema@.xml_escape(u.txt)), '')
                        FROM unnest(x_tick_text_at, x_tick_text) u(at, txt)
                       WHERE u.at BETWEEN x_min AND x_max AND u.txt IS NOT NULL), '');
  s := s || '</g>';

  -- the prediction interval, the fitted baseline and its continuation
  SELECT string_agg(@extschema@._svg_num((l + (u.t - x_min) / (x_max - x_min) * (r - l))::pg_catalog.float8, 1) || ' '
                    || @extschema@._svg_num((b - (u.hi - y0) / (y1 - y0) * (b - tp))::pg_catalog.float8, 1), 'L' ORDER BY u.t)
         || 'L' ||
         string_agg(@extschema@._svg_num((l + (u.t - x_min) / (x_max - x_min) * (r - l))::pg_catalog.float8, 1) || ' '
                    || @extschema@._svg_num((b - (u.lo - y0) / (y1 - y0) * (b - tp))::pg_catalog.float8, 1), 'L' ORDER BY u.t DESC)
    INTO pts
    FROM unnest(pt, plo, phi) u(t, lo, hi) WHERE u.lo IS NOT NULL AND u.hi IS NOT NULL;
  IF pts IS NOT NULL THEN
    s := s || '<path d="M' || pts || 'Z" fill="#56B4E9" fill-opacity="0.35" stroke="#56B4E9" stroke-width="1"/>';
  END IF;
  SELECT string_agg(@extschema@._svg_num((l + (u.t - x_min) / (x_max - x_min) * (r - l))::pg_catalog.float8, 1) || ','
                    || @extschema@._svg_num((b - (u.f - y0) / (y1 - y0) * (b - tp))::pg_catalog.float8, 1), ' ' ORDER BY u.t)
    INTO pts FROM unnest(pt, pf, pc) u(t, f, c) WHERE u.c = 'baseline' AND u.f IS NOT NULL;
  IF pts IS NOT NULL THEN
    s := s || '<polyline points="' || pts || '" fill="none" stroke="#444444" stroke-width="2"/>';
  END IF;
  -- the forecast continues the baseline from its last fitted point
  SELECT string_agg(@extschema@._svg_num((l + (u.t - x_min) / (x_max - x_min) * (r - l))::pg_catalog.float8, 1) || ','
                    || @extschema@._svg_num((b - (u.f - y0) / (y1 - y0) * (b - tp))::pg_catalog.float8, 1), ' ' ORDER BY u.t)
    INTO pts
    FROM unnest(pt, pf, pc) u(t, f, c)
   WHERE u.f IS NOT NULL
     AND (u.c <> 'baseline' OR u.t = (SELECT max(v.t) FROM unnest(pt, pf, pc) v(t, f, c)
                                       WHERE v.c = 'baseline' AND v.f IS NOT NULL));
  IF pts IS NOT NULL AND position(' ' IN pts) > 0 THEN
    s := s || '<polyline points="' || pts || '" fill="none" stroke="#444444" stroke-width="2" stroke-dasharray="7 4"/>';
  END IF;
  -- the actual values
  SELECT string_agg(@extschema@._svg_num((l + (u.t - x_min) / (x_max - x_min) * (r - l))::pg_catalog.float8, 1) || ','
                    || @extschema@._svg_num((b - (u.v - y0) / (y1 - y0) * (b - tp))::pg_catalog.float8, 1), ' ' ORDER BY u.t)
    INTO pts FROM unnest(pt, pv) u(t, v) WHERE u.v IS NOT NULL;
  IF pts IS NOT NULL AND position(' ' IN pts) > 0 THEN
    s := s || '<polyline points="' || pts || '" fill="none" stroke="#000000" stroke-opacity="0.6" stroke-width="1.2"/>';
  END IF;

  -- the start: between the last period before it and the first from it
  SELECT max(u.i) FILTER (WHERE u.c = 'baseline'), min(u.i) FILTER (WHERE u.c <> 'baseline')
    INTO last_base, first_post FROM unnest(pc) WITH ORDINALITY u(c, i);
  IF first_post IS NOT NULL THEN
    sx := CASE WHEN last_base IS NOT NULL AND last_base < first_post THEN (pt[last_base] + pt[first_post]) / 2
               ELSE pt[first_post] END;
    sx := l + (sx - x_min) / (x_max - x_min) * (r - l);
    s := s || format('<line x1="%1$s" x2="%1$s" y1="%2$s" y2="%3$s" stroke="#000000" stroke-width="1.2" stroke-dasharray="3 3"/>',
                     @extschema@._svg_num(sx, 1), tp - 4, b);
    IF start_label IS NOT NULL THEN
      s := s || format('<text x="%s" y="%s" text-anchor="%s" font-style="italic">%s</text>',
                       @extschema@._svg_num((CASE WHEN sx > (l + r) / 2 THEN sx - 4 ELSE sx + 4 END)::pg_catalog.float8, 1), tp - 6,
                       CASE WHEN sx > (l + r) / 2 THEN 'end' ELSE 'start' END,
                       @extschema@.xml_escape(start_label));
    END IF;
  END IF;

  -- the markers, each with a tooltip
  s := s || '<g>';
  s := s || coalesce((
    SELECT string_agg('<g><title>' || @extschema@.xml_escape(
                        (coalesce(u.tt, '') || ': ' || @extschema@._svg_num(u.v, (least(yd + 1, 6))::pg_catalog.int4)
                        || CASE WHEN u.c <> 'baseline' AND u.f IS NOT NULL
                                THEN '; forecast ' || @extschema@._svg_num(u.f, (least(yd + 1, 6))::pg_catalog.int4)
                                     || coalesce(' (interval ' || @extschema@._svg_num(u.lo, (least(yd + 1, 6))::pg_catalog.int4) || ' to '
                                                 || @extschema@._svg_num(u.hi, (least(yd + 1, 6))::pg_catalog.int4) || ')', '')
                                ELSE '' END
                        || '; ' || lower(@extschema@._curve_svg_class_label(u.c)))::pg_catalog.text) || '</title>'
                      || @extschema@._curve_svg_marker(u.c, (l + (u.t - x_min) / (x_max - x_min) * (r - l))::pg_catalog.float8,
                                                      (b - (u.v - y0) / (y1 - y0) * (b - tp))::pg_catalog.float8) || '</g>', '' ORDER BY u.t)
      FROM unnest(pt, ptt, pv, pf, plo, phi, pc) u(t, tt, v, f, lo, hi, c)
     WHERE u.v IS NOT NULL AND u.c IS NOT NULL AND u.c <> 'forecast'), '');
  s := s || '</g>';
  IF NOT has_values THEN
    s := s || format('<text x="%s" y="%s" text-anchor="middle" fill="#333333">No data</text>',
                     @extschema@._svg_num(((l + r) / 2)::pg_catalog.float8, 1), @extschema@._svg_num(((tp + b) / 2)::pg_catalog.float8, 1));
  END IF;

  -- axes and their labels
  s := s || format('<path d="M%s %sV%sH%s" fill="none" stroke="#333333" stroke-width="1"/>', l, tp, b, r);
  IF y_label IS NOT NULL THEN
    s := s || format('<text transform="rotate(-90)" x="%s" y="16" text-anchor="middle">%s</text>',
                     @extschema@._svg_num((-(tp + b) / 2)::pg_catalog.float8, 1), @extschema@.xml_escape(y_label));
  END IF;
  IF x_label IS NOT NULL THEN
    s := s || format('<text x="%s" y="%s" text-anchor="middle">%s</text>',
                     @extschema@._svg_num(((l + r) / 2)::pg_catalog.float8, 1), @extschema@._svg_num((b + 34)::pg_catalog.float8, 1), @extschema@.xml_escape(x_label));
  END IF;

  -- the legend
  s := s || '<g>';
  FOR i IN 1 .. coalesce(cardinality(legend), 0) LOOP
    cx := item_x[i];
    ly := b + 22 + CASE WHEN x_label IS NULL THEN 0 ELSE 16 END + 19 * item_row[i];
    s := s || CASE legend[i]
      WHEN 'dot' THEN @extschema@._curve_svg_marker('baseline', (cx + 11)::pg_catalog.float8, (ly - 4)::pg_catalog.float8)
      WHEN 'baseline_line' THEN format('<line x1="%s" x2="%s" y1="%s" y2="%3$s" stroke="#444444" stroke-width="2"/>',
                                       cx, cx + 22, ly - 4)
      WHEN 'forecast_line' THEN format('<line x1="%s" x2="%s" y1="%s" y2="%3$s" stroke="#444444" stroke-width="2" stroke-dasharray="7 4"/>',
                                       cx, cx + 22, ly - 4)
      WHEN 'band' THEN format('<rect x="%s" y="%s" width="22" height="10" fill="#56B4E9" fill-opacity="0.35" stroke="#56B4E9"/>',
                              cx, ly - 9)
      ELSE @extschema@._curve_svg_marker(legend[i], (cx + 11)::pg_catalog.float8, (ly - 4)::pg_catalog.float8) END;
    s := s || format('<text x="%s" y="%s">%s</text>', cx + 28, ly,
                     @extschema@.xml_escape((CASE legend[i] WHEN 'dot' THEN 'Before the start'
                                                           WHEN 'baseline_line' THEN 'Baseline trend'
                                                           WHEN 'forecast_line' THEN 'Forecast (baseline continued)'
                                                           WHEN 'band' THEN coalesce(interval_label, '')
                                                           ELSE @extschema@._curve_svg_class_label(legend[i]) END)::pg_catalog.text));
  END LOOP;
  s := s || '</g></svg>';
  -- ids unique to the picture, so that several charts can share a page;
  -- '<#>' cannot come from escaped text
  RETURN replace(s, '<#>', 'oba-' || left(md5(s), 12));
END $$;
COMMENT ON FUNCTION @extschema@._curve_svg_render(pg_catalog.float8[], pg_catalog.text[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.int4, pg_catalog.float8, pg_catalog.float8, pg_catalog.float8[], pg_catalog.text[], pg_catalog.float8[]) IS
'Internal (charts): draws the turn-the-curve chart of oba.curve_svg once the caller has checked the input and chosen the x range, the x grid lines (x_ticks) and the x labels (x_tick_text at x_tick_text_at); t_text labels each point in its tooltip.';

-- Availability: 0.2
CREATE FUNCTION @extschema@._curve_svg_check(
    t pg_catalog.float8[], value pg_catalog.float8[], fitted_or_forecast pg_catalog.float8[],
    pi_lower pg_catalog.float8[], pi_upper pg_catalog.float8[], point_class pg_catalog.text[],
    width pg_catalog.int4, height pg_catalog.int4,
    OUT x_min pg_catalog.float8, OUT x_max pg_catalog.float8)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  fname constant text := 'oba.curve_svg';
  bad text;
  badv float8;
  step float8;
BEGIN
  IF value IS NULL OR fitted_or_forecast IS NULL OR pi_lower IS NULL OR pi_upper IS NULL OR point_class IS NULL
     OR coalesce(cardinality(value), 0) <> coalesce(cardinality(t), 0)
     OR coalesce(cardinality(fitted_or_forecast), 0) <> coalesce(cardinality(t), 0)
     OR coalesce(cardinality(pi_lower), 0) <> coalesce(cardinality(t), 0)
     OR coalesce(cardinality(pi_upper), 0) <> coalesce(cardinality(t), 0)
     OR coalesce(cardinality(point_class), 0) <> coalesce(cardinality(t), 0) THEN
    RAISE EXCEPTION '%: t, value, fitted_or_forecast, pi_lower, pi_upper and point_class must be arrays of the same length, got %',
      fname, concat_ws(', ', coalesce(cardinality(t)::text, 'NULL'), coalesce(cardinality(value)::text, 'NULL'),
                       coalesce(cardinality(fitted_or_forecast)::text, 'NULL'), coalesce(cardinality(pi_lower)::text, 'NULL'),
                       coalesce(cardinality(pi_upper)::text, 'NULL'), coalesce(cardinality(point_class)::text, 'NULL'))
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF width IS NULL OR height IS NULL OR width NOT BETWEEN 240 AND 4000 OR height NOT BETWEEN 200 AND 4000 THEN
    RAISE EXCEPTION '%: width must be between 240 and 4000 and height between 200 and 4000, got % and %',
      fname, coalesce(width::text, 'NULL'), coalesce(height::text, 'NULL')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT c INTO bad FROM unnest(point_class) c WHERE @extschema@._curve_svg_class_label(c) IS NULL AND c IS NOT NULL LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION '%: unknown point_class %', fname, quote_literal(bad)
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'point_class takes the values of oba.curve_points: baseline, on_forecast, better_within_pi, better_beyond_pi, worse_within_pi, worse_beyond_pi, above_within_pi, above_beyond_pi, below_within_pi, below_beyond_pi, forecast.';
  END IF;
  SELECT u INTO badv FROM unnest(t || value || fitted_or_forecast || pi_lower || pi_upper) u
   WHERE u IN ('NaN', 'Infinity', '-Infinity') LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION '%: times and values must be finite, got %', fname, badv
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- half the smallest step beyond the first and the last time, so no
  -- marker sits on the frame
  SELECT min(d.dt) INTO step
    FROM (SELECT u - lag(u) OVER (ORDER BY u) AS dt FROM unnest(t) u WHERE u IS NOT NULL) d WHERE d.dt > 0;
  SELECT min(u) - coalesce(step / 2, 0.5), max(u) + coalesce(step / 2, 0.5) INTO x_min, x_max
    FROM unnest(t) u;
END $$;
COMMENT ON FUNCTION @extschema@._curve_svg_check(pg_catalog.float8[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.text[], pg_catalog.int4, pg_catalog.int4) IS
'Internal (charts): checks the input of oba.curve_svg (arrays of one length, known point classes, finite numbers, a sensible size; 22023 otherwise) and returns the x range: the times, with half the smallest step beyond each end (0.5 for a single time).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.curve_svg(
    t pg_catalog.float8[], value pg_catalog.float8[], fitted_or_forecast pg_catalog.float8[],
    pi_lower pg_catalog.float8[], pi_upper pg_catalog.float8[], point_class pg_catalog.text[],
    title pg_catalog.text,
    y_label pg_catalog.text DEFAULT NULL,
    x_label pg_catalog.text DEFAULT NULL,
    start_label pg_catalog.text DEFAULT 'Start',
    interval_label pg_catalog.text DEFAULT 'Forecast interval',
    width pg_catalog.int4 DEFAULT 640,
    height pg_catalog.int4 DEFAULT 360)
RETURNS pg_catalog.text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  x0 float8;
  x1 float8;
  tk record;
BEGIN
  IF t IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT c.x_min, c.x_max INTO x0, x1
    FROM @extschema@._curve_svg_check(t, value, fitted_or_forecast, pi_lower, pi_upper, point_class, width, height) c;
  IF x0 IS NULL THEN
    x0 := 0;
    x1 := 1;
  END IF;
  tk := @extschema@._svg_ticks(x0, x1, (greatest(2, (width - 84) / 70))::pg_catalog.int4);
  RETURN @extschema@._curve_svg_render(
    t, ARRAY(SELECT @extschema@._svg_num(u, 6) FROM unnest(t) u), value, fitted_or_forecast, pi_lower, pi_upper,
    point_class, title, y_label, x_label, start_label, interval_label, width, height, x0, x1,
    tk.ticks, ARRAY(SELECT @extschema@._svg_num(u, tk.digits) FROM unnest(tk.ticks) u), tk.ticks);
END $$;
COMMENT ON FUNCTION @extschema@.curve_svg(pg_catalog.float8[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.int4) IS
'A turn-the-curve chart as SVG text, from the columns of oba.curve_points as arrays (any order; the chart sorts by t): the values, the fitted baseline (solid), the forecast continuing it (dashed) inside its prediction interval (a band, labelled interval_label), a dotted line at the start (labelled start_label), and each value''s class by shape and fill (square better, diamond worse than the forecast, triangles above/below, filled beyond the interval); a title, axis labels (y_label, x_label), a legend of what is shown and a tooltip per point. Colour-blind-safe colours (Okabe-Ito). Scales: a viewBox of width x height (default 640 x 360). Text is XML-escaped; the result is well-formed XML and depends on no setting. NULL t gives NULL; arrays of different lengths, an unknown point_class, a non-finite number, or a size outside 240-4000 x 200-4000 are errors (22023).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.curve_svg(
    t pg_catalog.date[], value pg_catalog.float8[], fitted_or_forecast pg_catalog.float8[],
    pi_lower pg_catalog.float8[], pi_upper pg_catalog.float8[], point_class pg_catalog.text[],
    title pg_catalog.text,
    y_label pg_catalog.text DEFAULT NULL,
    x_label pg_catalog.text DEFAULT NULL,
    start_label pg_catalog.text DEFAULT 'Start',
    interval_label pg_catalog.text DEFAULT 'Forecast interval',
    width pg_catalog.int4 DEFAULT 640,
    height pg_catalog.int4 DEFAULT 360,
    x_ticks pg_catalog.text DEFAULT 'financial_year')
RETURNS pg_catalog.text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  ty float8[];
  x0 float8;
  x1 float8;
  m int;
  ticks float8[];
  labels text[];
  every int;
BEGIN
  IF t IS NULL THEN
    RETURN NULL;
  END IF;
  IF x_ticks IS NULL OR x_ticks NOT IN ('financial_year', 'academic_year', 'calendar_year') THEN
    RAISE EXCEPTION 'oba.curve_svg: x_ticks must be financial_year, academic_year or calendar_year, got %',
      coalesce(quote_literal(x_ticks), 'NULL') USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(t) u WHERE NOT isfinite(u)) THEN
    RAISE EXCEPTION 'oba.curve_svg: times must be finite dates' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  ty := ARRAY(SELECT @extschema@.date_to_years(u) FROM unnest(t) u);
  SELECT c.x_min, c.x_max INTO x0, x1
    FROM @extschema@._curve_svg_check(ty, value, fitted_or_forecast, pi_lower, pi_upper, point_class, width, height) c;
  IF x0 IS NULL THEN
    x0 := 2000;
    x1 := 2001;
  END IF;
  -- a grid line at each year's start (1 April, 1 September or 1 January),
  -- labelled with the year that starts there (a period's point is drawn at
  -- its start), every second or third label when they would crowd
  m := CASE x_ticks WHEN 'financial_year' THEN 4 WHEN 'academic_year' THEN 9 ELSE 1 END;
  SELECT array_agg(y.s ORDER BY y.s), array_agg(y.label ORDER BY y.s)
    INTO ticks, labels
    FROM (SELECT @extschema@.date_to_years((make_date(g, m, 1))::pg_catalog.date) AS s,
                 @extschema@.date_to_years((make_date(g + 1, m, 1))::pg_catalog.date) AS e,
                 CASE x_ticks WHEN 'financial_year' THEN @extschema@.fy((make_date(g, m, 1))::pg_catalog.date)
                              WHEN 'academic_year' THEN @extschema@.academic_year((make_date(g, m, 1))::pg_catalog.date)
                              ELSE g::text END AS label
            FROM generate_series(floor(x0)::int - 1, ceil(x1)::int + 1) g) y
   WHERE y.s BETWEEN x0 AND x1;
  every := greatest(1, ceil(coalesce(cardinality(labels), 0) * (CASE WHEN x_ticks = 'calendar_year' THEN 40 ELSE 56 END)
                            / greatest(width - 84, 1)::float8)::int);
  IF every > 1 THEN
    labels := ARRAY(SELECT CASE WHEN (i - 1) % every = 0 THEN u END FROM unnest(labels) WITH ORDINALITY a(u, i));
  END IF;
  RETURN @extschema@._curve_svg_render(
    ty, ARRAY(SELECT to_char(u, 'YYYY-MM-DD') FROM unnest(t) u), value, fitted_or_forecast, pi_lower, pi_upper,
    point_class, title, y_label, x_label, start_label, interval_label, width, height, x0, x1,
    ticks, labels, ticks);
END $$;
COMMENT ON FUNCTION @extschema@.curve_svg(pg_catalog.date[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.float8[], pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.int4, pg_catalog.text) IS
'A turn-the-curve chart as SVG text, as oba.curve_svg(float8[], ...), for dated periods (time in years, oba.date_to_years): the x axis has a grid line at the start of each year labelled with that year, by x_ticks: ''financial_year'' (default: 1 April, ''2024-25''), ''academic_year'' (1 September, ''2024/25'') or ''calendar_year'' (1 January, ''2024''); tooltips give each period''s date. An unknown x_ticks or an infinite date is an error (22023).';

-- ---------------------------------------------------------------------------
-- The chart as an aggregate over rows: for BI tools and drivers that cannot
-- bind array parameters (pyodbc, Power BI, Excel). One group is one series;
-- the constant arguments are checked alike on every row.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TYPE @extschema@._curve_svg_agg_state AS (
    t pg_catalog.date[],
    value @extschema@.agg_state,
    start pg_catalog.date,
    polarity pg_catalog.text,
    title pg_catalog.text,
    y_label pg_catalog.text,
    horizon pg_catalog.int4);
COMMENT ON TYPE @extschema@._curve_svg_agg_state IS
'Internal (charts): the state of oba.curve_svg_agg: the rows so far (times and values, in arrival order) and the arguments that must be the same on every row. The values are an oba.agg_state, not a float8[], so the state''s text is exact whatever extra_float_digits says (a distributed engine ships partial states as text).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.curve_svg_agg_trans(
    s @extschema@._curve_svg_agg_state, t pg_catalog.date, value pg_catalog.float8,
    start pg_catalog.date, polarity pg_catalog.text, title pg_catalog.text,
    y_label pg_catalog.text, horizon pg_catalog.int4)
RETURNS @extschema@._curve_svg_agg_state
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF t IS NULL THEN
    RETURN s;
  END IF;
  IF s IS NULL THEN
    IF start IS NULL OR polarity IS NULL THEN
      RAISE EXCEPTION 'oba.curve_svg_agg: % must not be NULL', CASE WHEN start IS NULL THEN 'start' ELSE 'polarity' END
        USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF polarity NOT IN ('higher_is_better', 'lower_is_better', 'neutral') THEN
      RAISE EXCEPTION 'oba.curve_svg_agg: polarity must be higher_is_better, lower_is_better or neutral, got %',
        pg_catalog.quote_literal(polarity) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN ROW(ARRAY[t], ARRAY[value]::@extschema@.agg_state, start, polarity, title, y_label, horizon)::@extschema@._curve_svg_agg_state;
  END IF;
  IF s.start IS DISTINCT FROM start OR s.polarity IS DISTINCT FROM polarity OR s.title IS DISTINCT FROM title
     OR s.y_label IS DISTINCT FROM y_label OR s.horizon IS DISTINCT FROM horizon THEN
    RAISE EXCEPTION 'oba.curve_svg_agg: start, polarity, title, y_label and horizon must be the same for every row of a group'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  s.t := s.t OPERATOR(pg_catalog.||) t;
  s.value := (s.value::pg_catalog.float8[] OPERATOR(pg_catalog.||) value)::@extschema@.agg_state;
  RETURN s;
END $$;
COMMENT ON FUNCTION @extschema@.curve_svg_agg_trans(@extschema@._curve_svg_agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4) IS
'Transition function of oba.curve_svg_agg: appends the row (a NULL time is skipped) and checks that the constant arguments match the group''s first row (22023 otherwise).';

-- Availability: 0.2
CREATE FUNCTION @extschema@.curve_svg_agg_combine(a @extschema@._curve_svg_agg_state, b @extschema@._curve_svg_agg_state)
RETURNS @extschema@._curve_svg_agg_state
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF a.start IS DISTINCT FROM b.start OR a.polarity IS DISTINCT FROM b.polarity OR a.title IS DISTINCT FROM b.title
     OR a.y_label IS DISTINCT FROM b.y_label OR a.horizon IS DISTINCT FROM b.horizon THEN
    RAISE EXCEPTION 'oba.curve_svg_agg: start, polarity, title, y_label and horizon must be the same for every row of a group'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN ROW(a.t OPERATOR(pg_catalog.||) b.t,
             (a.value::pg_catalog.float8[] OPERATOR(pg_catalog.||) b.value::pg_catalog.float8[])::@extschema@.agg_state,
             a.start, a.polarity, a.title, a.y_label, a.horizon)::@extschema@._curve_svg_agg_state;
END $$;
COMMENT ON FUNCTION @extschema@.curve_svg_agg_combine(@extschema@._curve_svg_agg_state, @extschema@._curve_svg_agg_state) IS
'Combine function of oba.curve_svg_agg: the rows of both partial states (the chart sorts by time), their constant arguments checked alike (22023 otherwise). STRICT: an empty side leaves the other as it is.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.curve_svg_agg_final(s @extschema@._curve_svg_agg_state)
RETURNS pg_catalog.text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  svg pg_catalog.text;
BEGIN
  IF s IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT @extschema@.curve_svg(
           array_agg(p.t ORDER BY p.t), array_agg(p.value ORDER BY p.t),
           array_agg(p.fitted_or_forecast ORDER BY p.t), array_agg(p.pi_lower ORDER BY p.t),
           array_agg(p.pi_upper ORDER BY p.t), array_agg(p.point_class ORDER BY p.t),
           s.title, s.y_label, NULL::pg_catalog.text, 'Start'::pg_catalog.text,
           'Forecast interval'::pg_catalog.text, 640::pg_catalog.int4, 360::pg_catalog.int4,
           'financial_year'::pg_catalog.text)
    INTO svg
    FROM @extschema@.curve_points(s.t, s.value::pg_catalog.float8[], s.start, s.polarity, s.horizon, 0.05::pg_catalog.float8) p;
  RETURN svg;
END $$;
COMMENT ON FUNCTION @extschema@.curve_svg_agg_final(@extschema@._curve_svg_agg_state) IS
'Final function of oba.curve_svg_agg: oba.curve_points of the group''s rows drawn by oba.curve_svg (date form, financial-year ticks, 640 x 360).';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.curve_svg_agg(t pg_catalog.date, value pg_catalog.float8, start pg_catalog.date,
                                           polarity pg_catalog.text, title pg_catalog.text,
                                           y_label pg_catalog.text, horizon pg_catalog.int4) (
    SFUNC = @extschema@.curve_svg_agg_trans,
    STYPE = @extschema@._curve_svg_agg_state,
    COMBINEFUNC = @extschema@.curve_svg_agg_combine,
    FINALFUNC = @extschema@.curve_svg_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.curve_svg_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4) IS
'A turn-the-curve chart as SVG text from the rows of a series, with no array parameter (for BI tools and drivers that cannot bind arrays): the same picture as oba.curve_svg over oba.curve_points of the group''s times and values, with start, polarity (higher_is_better, lower_is_better, neutral), title, y_label and horizon future periods, which must be the same on every row (22023 otherwise). Rows with a NULL time are skipped, NULL values dropped; a NULL start or polarity is 22004; an unknown polarity, duplicate times and the other errors of oba.curve_points and oba.curve_svg are 22023. NULL for no rows.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.curve_svg_agg_trans(
    s @extschema@._curve_svg_agg_state, t pg_catalog.date, value pg_catalog.float8,
    start pg_catalog.date, polarity pg_catalog.text, title pg_catalog.text)
RETURNS @extschema@._curve_svg_agg_state
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
  SELECT @extschema@.curve_svg_agg_trans(s, t, value, start, polarity, title, NULL::pg_catalog.text, 0::pg_catalog.int4);
END;
COMMENT ON FUNCTION @extschema@.curve_svg_agg_trans(@extschema@._curve_svg_agg_state, pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.text, pg_catalog.text) IS
'Transition function of oba.curve_svg_agg without y_label and horizon: as the full form with no y label and no future periods.';

-- Availability: 0.2
CREATE AGGREGATE @extschema@.curve_svg_agg(t pg_catalog.date, value pg_catalog.float8, start pg_catalog.date,
                                           polarity pg_catalog.text, title pg_catalog.text) (
    SFUNC = @extschema@.curve_svg_agg_trans,
    STYPE = @extschema@._curve_svg_agg_state,
    COMBINEFUNC = @extschema@.curve_svg_agg_combine,
    FINALFUNC = @extschema@.curve_svg_agg_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.curve_svg_agg(pg_catalog.date, pg_catalog.float8, pg_catalog.date, pg_catalog.text, pg_catalog.text) IS
'A turn-the-curve chart as SVG text from the rows of a series, as oba.curve_svg_agg(t, value, start, polarity, title, y_label, horizon) with no y label and no future periods.';
