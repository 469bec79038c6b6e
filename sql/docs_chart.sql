-- docs/reference/chart.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
SELECT oba.xml_escape('Bevois & St Mary''s <ward> "east"');
--                        xml_escape
-- Bevois &amp; St Mary&#39;s &lt;ward&gt; &quot;east&quot;
-- <<< example

-- example >>>
SELECT indicator_code, area_code,
       oba.curve_svg_agg(period_start, value, strategy_start, polarity, indicator_name) AS chart
  FROM oba.report_card
 WHERE strategy_start IS NOT NULL
 GROUP BY indicator_code, area_code;
-- <<< example

-- example >>>
SELECT length(oba.curve_svg_agg(year_start, rate, date '2020-04-01', 'lower_is_better',
                                'Admissions, Northam', 'per 10,000', 2)) > 4000 AS drawn
  FROM (SELECT make_date(2011 + y, 4, 1) AS year_start, 80 - 1.5 * y AS rate
          FROM generate_series(1, 14) y) admissions;
--  drawn
--  t
-- <<< example
