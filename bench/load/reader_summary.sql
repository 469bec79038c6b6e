-- bench/load: a reader summarises by indicator and period, as a dashboard
SELECT lt.check('summary groups', count(*), (SELECT groups FROM lt.expected))
  FROM (SELECT indicator_code, period_start, avg(value), count(*) FILTER (WHERE suppressed IS NOT NULL)
          FROM lt.report_card GROUP BY 1, 2) g;
