-- test/dump/digest.sql: one line per object of test/dump/setup.sql, its row
-- count and an md5 of its rows in key order, so the original and the
-- restored database can be compared line by line.
\pset format unaligned
\pset tuples_only on
SET search_path = public, postgis;
SELECT 'oba.indicator', count(*), md5(string_agg(format('%s', i), ',' ORDER BY code)) FROM oba.indicator i;
SELECT 'oba.observation', count(*), md5(string_agg(format('%s', o), ',' ORDER BY indicator_code, area_code, period_start)) FROM oba.observation o;
SELECT 'oba.report_card', count(*), md5(string_agg(format('%s', r), ',' ORDER BY indicator_code, area_code, period_start)) FROM oba.report_card r;
SELECT 'report_card', count(*), md5(string_agg(format('%s', r), ',' ORDER BY indicator_code, area_code, period_start)) FROM report_card r;
SELECT 'ward_quarter', count(*), md5(string_agg(format('%s', w), ',' ORDER BY ward, quarter)) FROM ward_quarter w;
SELECT 'ward_quarter by index', count(*) FROM ward_quarter WHERE (oba.rate(admissions, children)).upper > 100;
SELECT 'ward_estimate', count(*), md5(string_agg(format('%s', w), ',' ORDER BY ward)) FROM ward_estimate w;
SELECT 'ward_summary', count(*), md5(string_agg(format('%s', w), ',' ORDER BY ward)) FROM ward_summary w;
SELECT 'ward_rolling', count(*), md5(string_agg(format('%s', w), ',' ORDER BY ward, quarter)) FROM ward_rolling w;
SELECT 'geo_lsoa', count(*), md5(string_agg(format('%s', g), ',' ORDER BY code)) FROM geo_lsoa g;
SELECT 'ward_children', count(*), md5(string_agg(format('%s', w), ',' ORDER BY target_code)) FROM ward_children w;
SELECT 'lsoa_ward_weight', count(*), md5(string_agg(format('%s', w), ',' ORDER BY source_code, target_code)) FROM lsoa_ward_weight w;
-- the same computed afresh: the restored extension gives the same answers
SELECT 'apportion now', md5(string_agg(format('%s', a), ',' ORDER BY target_code))
  FROM oba.apportion('geo_lsoa', 'geo_ward', 'children', round_counts => true) a;
SELECT 'extensions', string_agg(extname || ' ' || extversion, ', ' ORDER BY extname) FROM pg_extension;
