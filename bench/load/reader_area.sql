-- bench/load: a reader fetches one ward's rows, as a BI tool filtering on an area
\set w random(1, :areas)
SELECT lt.check('ward W' || :w, count(*), (SELECT rows_per_area FROM lt.expected)),
       avg(value), max(upper)
  FROM lt.report_card WHERE area_code = 'W' || :w;
