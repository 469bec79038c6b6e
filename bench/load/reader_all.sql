-- bench/load: a reader counts the whole report card
SELECT lt.check('whole report card', (SELECT count(*) FROM lt.report_card), (SELECT total_rows FROM lt.expected));
