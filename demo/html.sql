-- demo/html.sql: the report card as a web page, with its charts drawn in
-- SQL (after demo/pipeline.sql). psql variable out: the output folder.
-- Writes :out/report_card.html (well-formed XHTML, charts inline) and each
-- chart as :out/svg/<name>.svg. The charts are also rows of demo.chart, so a
-- BI tool can show the same pictures (an SVG data URI in a table or card).
SET client_min_messages = warning;

-- ---- the turn-the-curve charts ------------------------------------------------
-- Breastfeeding for the programme wards and for the others; the city for
-- the other population indicators and for the monthly measure.
CREATE VIEW demo.curve_series AS
  SELECT c.measure AS indicator_code, CASE WHEN w.programme THEN 'programme' ELSE 'others' END AS series,
         CASE WHEN w.programme THEN 'the six programme wards' ELSE 'the other 63 wards' END AS what,
         c.period_start, 100 * sum(c.numerator) / sum(c.denominator) AS value
    FROM demo.ward_count c JOIN demo.ward w ON w.code = c.ward_code
   WHERE c.measure = 'BF'
   GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT r.indicator_code, 'city', 'Birmingham', r.period_start, r.value
    FROM demo.report_card_mv r
   WHERE r.area_type = 'lad' AND r.indicator_code IN ('LBW', 'SMK', 'GLD', 'NBV');

-- svg: the picture; data_uri: the same as Power BI shows it in a table or
-- a card (a column of data category "Image URL")
CREATE TABLE demo.chart (
  name text PRIMARY KEY, indicator_code text NOT NULL, ord int NOT NULL, kind text NOT NULL,
  svg text NOT NULL,
  data_uri text GENERATED ALWAYS AS ('data:image/svg+xml;utf8,' || replace(replace(svg, '%', '%25'), '#', '%23')) STORED);

INSERT INTO demo.chart (name, indicator_code, ord, kind, svg)
SELECT s.indicator_code || '_' || s.series, s.indicator_code,
       array_position('{programme,others,city}', s.series), 'curve',
       oba.curve_svg(p.t, p.value, p.fitted, p.lo, p.hi, p.cls,
                     title => i.name || ': ' || s.what,
                     y_label => CASE i.code WHEN 'BF' THEN '% of babies' WHEN 'LBW' THEN '% of births'
                                            WHEN 'SMK' THEN '% of mothers' WHEN 'GLD' THEN '% of children'
                                            ELSE '% of new births' END,
                     x_label => CASE WHEN i.code = 'GLD' THEN 'Academic year' ELSE 'Financial year' END,
                     start_label => CASE WHEN i.code = 'BF' THEN 'Programme starts in six wards'
                                         WHEN i.code = 'NBV' THEN 'New booking system'
                                         ELSE 'Strategy starts' END,
                     interval_label => '95% prediction interval of the forecast',
                     x_ticks => CASE WHEN i.code = 'GLD' THEN 'academic_year' ELSE 'financial_year' END)
  FROM (SELECT indicator_code, series, what, array_agg(period_start ORDER BY period_start) AS ts,
               array_agg(value ORDER BY period_start) AS vs
          FROM demo.curve_series GROUP BY 1, 2, 3) s
  JOIN oba.indicator i ON i.code = s.indicator_code
 CROSS JOIN LATERAL (
        SELECT array_agg(cp.t ORDER BY cp.t) AS t, array_agg(cp.value ORDER BY cp.t) AS value,
               array_agg(cp.fitted_or_forecast ORDER BY cp.t) AS fitted,
               array_agg(cp.pi_lower ORDER BY cp.t) AS lo, array_agg(cp.pi_upper ORDER BY cp.t) AS hi,
               array_agg(cp.point_class ORDER BY cp.t) AS cls
          FROM oba.curve_points(s.ts, s.vs, i.strategy_start, i.polarity,
                                horizon => CASE WHEN i.code IN ('BF', 'NBV') THEN 4 ELSE 1 END) cp) p;

-- ---- the maps: each ward against the city, latest year -------------------------
-- Breastfeeding is quarterly: its map puts the four quarters of 2024-25
-- together. The other indicators show their latest period as published
-- (a suppressed ward is 'not compared'). The boundaries are simplified to
-- 60 m (about 1.5 pixels) so that each map stays under the 32,766
-- characters Power BI reads from a text column.
CREATE VIEW demo.map_value AS
  SELECT 'BF'::text AS indicator_code, '2024-25' AS period, w.code AS area_code,
         e.value, e.lower, e.upper, 100 * c.n / c.d AS city_value,
         oba.compare(e, 100 * c.n / c.d, 'higher_is_better') AS compared
    FROM demo.ward w
    JOIN (SELECT area_code, sum(numerator) AS n, sum(denominator) AS d FROM oba.observation
           WHERE indicator_code = 'BF' AND area_type = 'ward' AND period_start >= '2024-04-01'
           GROUP BY 1) o ON o.area_code = w.code
   CROSS JOIN (SELECT sum(numerator) AS n, sum(denominator) AS d FROM oba.observation
                WHERE indicator_code = 'BF' AND area_type = 'lad' AND period_start >= '2024-04-01') c
   CROSS JOIN LATERAL oba.proportion(o.n, o.d) e
  UNION ALL
  SELECT r.indicator_code, r.period, r.area_code, r.value, r.lower, r.upper, r.parent_value, r.compared_with_parent
    FROM demo.report_card_mv r
   WHERE r.area_type = 'ward' AND r.indicator_code IN ('LBW', 'SMK', 'GLD', 'FS_REACH')
     AND r.period_start = (SELECT max(x.period_start) FROM demo.report_card_mv x WHERE x.indicator_code = r.indicator_code);

INSERT INTO demo.chart (name, indicator_code, ord, kind, svg)
SELECT m.indicator_code || '_map', m.indicator_code, 9, 'map',
       oba.choropleth_svg(
         array_agg(w.geom ORDER BY w.code), array_agg(m.compared ORDER BY w.code),
         array_agg(w.name || coalesce(' ' || round(m.value::numeric, 1) || ' (' || round(m.lower::numeric, 1) || '-'
                                      || round(m.upper::numeric, 1) || ')', ' suppressed') ORDER BY w.code),
         title => i.name || ', ' || min(m.period) || ': wards against Birmingham',
         legend_title => 'Against Birmingham''s ' || round(min(m.city_value)::numeric, 1)
                         || CASE WHEN i.unit = '%' THEN '%' ELSE ' ' || i.unit END
                         || ' (each ward''s 95% interval; ' || replace(i.polarity, '_', ' ') || ')',
         highlight => array_agg(w.programme ORDER BY w.code), highlight_label => 'Programme wards',
         simplify => 60)
  FROM demo.map_value m
  JOIN demo.ward w ON w.code = m.area_code
  JOIN oba.indicator i ON i.code = m.indicator_code
 GROUP BY m.indicator_code, i.name, i.unit, i.polarity;

-- ---- the files --------------------------------------------------------------------
\pset format unaligned
\pset tuples_only on
\pset footer off
SELECT format(E'\\o %s/svg/%s.svg\nSELECT svg FROM demo.chart WHERE name = %L;\n', :'out', name, name)
  FROM demo.chart ORDER BY name
\g :out/svg/write.sql
\i :out/svg/write.sql
\o

-- The page: an XHTML document (so that xmllint checks it whole), every text
-- from the database XML-escaped.
\o :out/report_card.html
WITH ind AS (
  SELECT i.*, array_position('{BF,LBW,SMK,GLD,FS_REACH,FS_SCORED,FS_BETTER,NBV}', i.code) AS ord
    FROM oba.indicator i WHERE i.description LIKE 'oba demo:%'),
latest AS (
  SELECT r.* FROM demo.report_card_mv r
   WHERE r.period_start = (SELECT max(x.period_start) FROM demo.report_card_mv x WHERE x.indicator_code = r.indicator_code)),
city AS (
  SELECT l.indicator_code,
         '<p class="city">Birmingham, ' || oba.xml_escape(l.period) || ': <strong>'
         || round(l.value::numeric, 1) || CASE WHEN l.unit = '%' THEN '%' ELSE ' ' || oba.xml_escape(l.unit) END
         || '</strong> (95% interval ' || round(l.lower::numeric, 1) || ' to ' || round(l.upper::numeric, 1) || ')'
         || coalesce('; recent trend: ' || oba.xml_escape(l.recent_trend), '')
         || coalesce('; curve: <strong>' || oba.xml_escape(replace(l.curve_status, '_', ' ')) || '</strong>', '')
         || coalesce('; SPC: ' || oba.xml_escape(replace(l.spc_variation, '_', ' ')), '') || '.</p>' AS html
    FROM latest l WHERE l.area_type IN ('lad', 'service')),
ward_table AS (
  SELECT m.indicator_code,
         '<details><summary>Every ward, ' || oba.xml_escape(min(m.period)) || '</summary><table><thead><tr><th>Ward</th>'
         || '<th>Value</th><th>95% interval</th><th>Against the city</th></tr></thead><tbody>'
         || string_agg('<tr' || CASE WHEN w.programme THEN ' class="programme"' ELSE '' END || '><td>'
                       || oba.xml_escape(w.name) || '</td><td class="n">' || coalesce(round(m.value::numeric, 1)::text, '*')
                       || '</td><td class="n">' || coalesce(round(m.lower::numeric, 1) || ' to ' || round(m.upper::numeric, 1), '')
                       || '</td><td>' || oba.xml_escape(replace(m.compared, '_', ' ')) || '</td></tr>',
                       '' ORDER BY m.value DESC NULLS LAST, w.name)
         || '</tbody></table><p class="note">* suppressed: a small number, or a cell that would reveal one. '
         || 'Programme wards in bold.</p></details>' AS html
    FROM demo.map_value m JOIN demo.ward w ON w.code = m.area_code
   GROUP BY m.indicator_code),
charts AS (
  SELECT c.indicator_code, string_agg('<figure class="' || c.kind || '">' || c.svg || '</figure>', '' ORDER BY c.ord, c.name) AS html
    FROM demo.chart c GROUP BY c.indicator_code),
service AS (
  SELECT '<table><thead><tr><th>Question</th><th>Measure</th><th>Period</th><th>Numerator</th><th>Denominator</th>'
         || '<th>Value</th><th>95% interval</th><th>Recent trend</th></tr></thead><tbody>'
         || string_agg('<tr><td>' || oba.xml_escape(CASE r.question WHEN 'how_much' THEN 'How much did we do?'
                                                                  WHEN 'how_well' THEN 'How well did we do it?'
                                                                  ELSE 'Is anyone better off?' END)
                       || '</td><td>' || oba.xml_escape(r.indicator_name) || '</td><td>' || oba.xml_escape(r.period)
                       || '</td><td class="n">' || round(r.numerator::numeric) || '</td><td class="n">'
                       || round(r.denominator::numeric) || '</td><td class="n">' || round(r.value::numeric, 1)
                       || '</td><td class="n">' || round(r.lower::numeric, 1) || ' to ' || round(r.upper::numeric, 1)
                       || '</td><td>' || oba.xml_escape(coalesce(r.recent_trend, '')) || '</td></tr>',
                       '' ORDER BY array_position('{how_much,how_well,better_off}', r.question), r.period_start)
         || '</tbody></table>' AS html
    FROM demo.report_card_mv r
   WHERE r.service = 'Family support' AND r.area_type IN ('service', 'lad')
     AND r.period_start > (SELECT max(x.period_start) - interval '1 year' FROM demo.report_card_mv x
                            WHERE x.indicator_code = r.indicator_code)),
spc AS (
  SELECT '<table><thead><tr><th>Month</th><th>%</th><th>Mean</th><th>Process limits</th><th>Special cause</th>'
         || '<th>Variation</th></tr></thead><tbody>'
         || string_agg('<tr><td>' || to_char(p.t, 'YYYY-MM') || '</td><td class="n">' || round(p.value::numeric, 1)
                       || '</td><td class="n">' || round(p.mean::numeric, 1) || '</td><td class="n">'
                       || round(p.lpl::numeric, 1) || ' to ' || round(p.upl::numeric, 1) || '</td><td>'
                       || oba.xml_escape(p.special_cause) || '</td><td>' || oba.xml_escape(replace(p.point_type, '_', ' '))
                       || '</td></tr>', '' ORDER BY p.t)
         || '</tbody></table>' AS html
    FROM (SELECT array_agg(period_start ORDER BY period_start) AS t, array_agg(value ORDER BY period_start) AS v
            FROM demo.report_card_mv WHERE indicator_code = 'NBV') s,
         LATERAL oba.spc_points(s.t, s.v, 'higher_is_better') p
   WHERE p.t >= '2022-10-01' AND p.t < '2023-10-01'),
shared AS (
  SELECT '<table><thead><tr><th>Indicator</th><th>Ward rows</th><th>Primary</th><th>Secondary</th></tr></thead><tbody>'
         || string_agg('<tr><td>' || oba.xml_escape(x.name) || '</td><td class="n">' || x.n || '</td><td class="n">'
                       || x.p || '</td><td class="n">' || x.s || '</td></tr>', '' ORDER BY x.ord)
         || '</tbody></table>' AS html
    FROM (SELECT i.name, i.ord, count(*) AS n, count(*) FILTER (WHERE r.suppressed = 'primary') AS p,
                 count(*) FILTER (WHERE r.suppressed = 'secondary') AS s
            FROM demo.report_card_mv r JOIN ind i ON i.code = r.indicator_code
           WHERE r.area_type = 'ward' GROUP BY i.name, i.ord) x),
sizes AS (
  SELECT '<table><thead><tr><th>Chart (demo.chart)</th><th>SVG characters</th></tr></thead><tbody>'
         || string_agg('<tr><td>' || oba.xml_escape(c.name) || '</td><td class="n">' || length(c.svg) || '</td></tr>', '' ORDER BY c.name)
         || '</tbody></table>' AS html
    FROM demo.chart c),
neighbours AS (
  SELECT '<h3>Each programme ward against its statistical neighbours</h3><p>The five wards outside the programme most '
         || 'like each programme ward by the share of residents aged 0-15, aged 60 and over, and residents per hectare '
         || '(ONS, mid-2015), standardised across the 69 wards as the CIPFA and DfE statistical neighbour models do '
         || '(<code>oba.statistical_neighbours</code>); breastfeeding at 6-8 weeks, %, the ward against the average of '
         || 'its neighbours.</p><table><thead><tr><th>Ward</th><th>Statistical neighbours</th><th>2015-16 to 2020-21</th>'
         || '<th>Neighbours</th><th>2024-25</th><th>Neighbours</th><th>Gap now</th></tr></thead><tbody>'
         || string_agg('<tr><td>' || oba.xml_escape(c.ward) || '</td><td>' || oba.xml_escape(c.neighbours)
                       || '</td><td class="n">' || round(c.ward_before::numeric, 1) || '</td><td class="n">'
                       || round(c.neighbours_before::numeric, 1) || '</td><td class="n">' || round(c.ward_2024_25::numeric, 1)
                       || '</td><td class="n">' || round(c.neighbours_2024_25::numeric, 1) || '</td><td class="n">'
                       || round((c.ward_2024_25 - c.neighbours_2024_25)::numeric, 1) || '</td></tr>', '' ORDER BY c.ward)
         || '</tbody></table>' AS html
    FROM demo.neighbour_comparison c),
inequality AS (
  SELECT '<h3 id="inequality">Inequality across the need index</h3><p>Breastfeeding at 6-8 weeks by decile of the demo''s '
         || 'need index (<code>demo.lsoa_profile.need</code>: a stand-in for deprivation from the share of children in each '
         || 'LSOA''s real population, not the Index of Multiple Deprivation), 1 = the most in need, 63 or 64 of the 639 LSOAs '
         || 'each; % with Wilson 95% intervals (<code>oba.proportion</code>), in 2020-21, the year before the programme, and '
         || 'in 2024-25. The records are synthetic: the generator draws a gradient of 30 points across the need index, and '
         || 'the six programme wards are among the most in need.</p><table><thead><tr><th>Decile of need</th><th>LSOAs</th><th>Mean need index</th>'
         || '<th>2020-21</th><th>95% interval</th><th>2024-25</th><th>95% interval</th></tr></thead><tbody>'
         || string_agg('<tr><td class="n">' || b.decile || CASE b.decile WHEN 1 THEN ' (most in need)' WHEN 10 THEN ' (least)' ELSE '' END
                       || '</td><td class="n">' || b.lsoas || '</td><td class="n">' || round(b.mean_need::numeric, 2)
                       || '</td><td class="n">' || round(100 * b.value::numeric, 1)
                       || '</td><td class="n">' || round(100 * b.lower::numeric, 1) || ' to ' || round(100 * b.upper::numeric, 1)
                       || '</td><td class="n">' || round(100 * a.value::numeric, 1) || '</td><td class="n">'
                       || round(100 * a.lower::numeric, 1) || ' to ' || round(100 * a.upper::numeric, 1) || '</td></tr>',
                       '' ORDER BY b.decile)
         || '</tbody></table><p>The slope index of inequality (SII: the gap between the fitted values at the least and the '
         || 'most in need, in percentage points) and the relative index of inequality (RII: their ratio), with 95% limits from '
         || '100,000 seeded simulations (<code>oba.sii_agg</code>, as PHEindicatormethods <code>phe_sii</code>; each decile at '
         || 'the midpoint of its share of the babies):</p><table><thead><tr><th>Year</th><th>Babies</th><th>SII, points</th>'
         || '<th>95% interval</th><th>RII</th><th>95% interval</th></tr></thead><tbody>'
         || (SELECT string_agg('<tr><td>' || oba.xml_escape(q.period) || '</td><td class="n">' || round(q.population::numeric)
                               || coalesce('</td><td class="n">' || round(q.sii::numeric, 1) || '</td><td class="n">'
                                           || round(q.sii_lower::numeric, 1) || ' to ' || round(q.sii_upper::numeric, 1)
                                           || '</td><td class="n">' || round(q.rii::numeric, 2) || '</td><td class="n">'
                                           || round(q.rii_lower::numeric, 2) || ' to ' || round(q.rii_upper::numeric, 2),
                                           '</td><td colspan="4">none: a decile with no baby breastfed, or all')
                               || '</td></tr>', '' ORDER BY q.period) FROM demo.need_inequality q)
         || '</tbody></table><p>'
         || coalesce((SELECT 'From 2020-21 to 2024-25 the SII went from ' || round(x.sii::numeric, 1) || ' to '
                    || round(y.sii::numeric, 1) || ' points: '
                    || CASE WHEN y.sii_upper < x.sii_lower THEN 'the gap narrowed, and the two 95% intervals do not overlap.'
                            WHEN y.sii_lower > x.sii_upper THEN 'the gap widened, and the two 95% intervals do not overlap.'
                            ELSE 'the two 95% intervals overlap, so this is no clear change.' END
               FROM demo.need_inequality x, demo.need_inequality y WHERE x.period = '2020-21' AND y.period = '2024-25'), '')
         || '</p>' AS html
    FROM demo.need_decile_bf b JOIN demo.need_decile_bf a ON a.decile = b.decile AND a.period = '2024-25'
   WHERE b.period = '2020-21'),
sections AS (
  SELECT i.ord,
         '<section id="' || oba.xml_escape(i.code) || '"><h2>' || oba.xml_escape(i.name) || '</h2><p>'
         || oba.xml_escape(initcap(left(regexp_replace(i.description, '^oba demo: ', ''), 1))
                           || substr(regexp_replace(i.description, '^oba demo: ', ''), 2)) || '. '
         || CASE i.question WHEN 'population' THEN 'Population indicator'
                            ELSE oba.xml_escape(i.service) || ': ' || CASE i.question WHEN 'how_much' THEN 'How much did we do?'
                                                                               WHEN 'how_well' THEN 'How well did we do it?'
                                                                               ELSE 'Is anyone better off?' END END
         || ', ' || oba.xml_escape(replace(i.polarity, '_', ' ')) || '.</p>'
         || coalesce(c.html, '') || coalesce('<div class="charts">' || ch.html || '</div>', '')
         || coalesce(wt.html, '')
         || CASE WHEN i.code = 'BF' THEN (SELECT html FROM neighbours) || coalesce((SELECT html FROM inequality), '') ELSE '' END
         || CASE WHEN i.code = 'NBV' THEN '<h3>SPC around the change (one chart, 2015-2025 limits)</h3>' || (SELECT html FROM spc) ELSE '' END
         || '</section>' AS html
    FROM ind i
    LEFT JOIN city c ON c.indicator_code = i.code
    LEFT JOIN charts ch ON ch.indicator_code = i.code
    LEFT JOIN ward_table wt ON wt.indicator_code = i.code
   WHERE i.code NOT IN ('FS_SCORED', 'FS_BETTER'))
SELECT '<!DOCTYPE html>' || E'\n'
       || '<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/>'
       || '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
       || '<title>Early years report card: Birmingham wards (oba demo, synthetic data)</title><style>'
       || 'body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;margin:1.5em auto;max-width:1320px;padding:0 1em;color:#1a1a1a;line-height:1.4}'
       || 'h1{font-size:1.6em;margin-bottom:.2em}h2{border-top:3px solid #0072B2;padding-top:.6em;margin-top:1.6em}'
       || '.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1em;align-items:start}'
       || 'figure{margin:0;border:1px solid #ddd;padding:.3em}figure svg{width:100%;height:auto;display:block}'
       || 'table{border-collapse:collapse;margin:.6em 0;font-size:.9em}th,td{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left}'
       || 'td.n{text-align:right;font-variant-numeric:tabular-nums}tr.programme td{font-weight:bold}'
       || '.note{color:#555;font-size:.85em}.city{font-size:1.05em}.banner{background:#fff4d6;border:1px solid #E69F00;padding:.5em .8em}'
       || '</style></head><body>'
       || '<h1>Early years report card: Birmingham''s 69 wards</h1>'
       || '<p class="banner"><strong>Synthetic data.</strong> Every birth, child and family here is invented, drawn with a fixed seed '
       || 'by <code>demo/generate.sql</code>; only the boundaries and populations are real. Six programme wards start a breastfeeding '
       || 'programme in April 2021 (2021-22 Q1). Computed in PostgreSQL by <code>oba</code> and <code>oba_geo</code>; every chart '
       || 'and map is SVG drawn by SQL (<code>oba.curve_svg</code>, <code>oba.choropleth_svg</code>).</p>'
       || '<p>How to read the charts: the <strong>turn-the-curve</strong> charts show the history, the baseline trend before the '
       || 'start, the forecast it makes (dashed) with its 95% prediction interval (blue band), and what happened since: a square '
       || 'is better than the forecast, a diamond worse, a circle on it; filled beyond the interval. The <strong>maps</strong> '
       || 'compare each ward''s 95% interval with the city''s value: blue better, grey similar, hatched vermillion worse; '
       || 'programme wards outlined.</p>'
       || '<nav><p>' || (SELECT string_agg('<a href="#' || oba.xml_escape(code) || '">' || oba.xml_escape(name) || '</a>', ' · ' ORDER BY ord)
                          FROM ind WHERE code NOT IN ('FS_SCORED', 'FS_BETTER'))
       || ' · <a href="#inequality">Inequality</a> · <a href="#service">Family support</a> · <a href="#sharing">Sharing</a></p></nav>'
       || (SELECT string_agg(html, '' ORDER BY ord) FROM sections WHERE ord < 5)
       || '<section id="service"><h2>Family support: the service''s report card</h2><p>The three questions of a performance '
       || 'report card, the latest four quarters; better off from each family''s score at the start and at review '
       || '(<code>oba.better_off_agg</code>).</p>' || (SELECT html FROM service) || '</section>'
       || (SELECT string_agg(html, '' ORDER BY ord) FROM sections WHERE ord >= 5)
       || '<section id="sharing"><h2>What would be shared</h2><p>Ward counts suppressed in <code>demo.shared_extract</code> '
       || '(<code>oba.suppress_table</code>: under 5, or under 5 who did not, plus the cells that protect them against '
       || 'subtraction from the city''s total), all periods:</p>' || (SELECT html FROM shared)
       || '<p>The charts are rows of <code>demo.chart</code>; Power BI shows an SVG data URI of up to 32,766 characters:</p>'
       || (SELECT html FROM sizes) || '</section>'
       || '<footer><p class="note">Boundaries and populations: Contains National Statistics data © Crown copyright and '
       || 'database right 2011–2025. Contains OS data © Crown copyright and database right 2011–2025. Source: Office for '
       || 'National Statistics; MHCLG, English Indices of Deprivation 2019. Open Government Licence v3.0. '
       || 'The records are synthetic.</p></footer></body></html>';
\o
\pset format aligned
\pset tuples_only off
RESET client_min_messages;
