-- bench/toolbox.sql: the aggregates of issue 14 (autocorrelation-corrected,
-- pre-whitened and seasonal Mann-Kendall, Pettitt, segmented regression,
-- life expectancy, SII, mean, the chi-squared test for trend with scores,
-- value for money), each against the plain SQL a user would otherwise run
-- over the same GROUP BY, in the same run. Only ratios are meaningful: the
-- baseline is the built-in aggregates that read the same columns, so a ratio
-- is the price of the method over the price of reading the rows.
-- :rows scales the series part (20 quarters a series; default 1,000,000).
\if :{?rows}
\else
\set rows 1000000
\endif
\pset footer off
SET max_parallel_workers_per_gather = 0;

-- 20 quarters a series, a trend, a season and noise (deterministic)
DROP TABLE IF EXISTS bench_tb_series;
CREATE TABLE bench_tb_series AS
  SELECT s AS series, 2019 + q / 4.0 AS t,
         (date '2019-01-01' + make_interval(months => 3 * q))::date AS d,
         q % 4 + 1 AS season,
         50 + (s % 7) - 0.3 * q + (q % 4) * 0.8 + (((s * 31 + q * 17) % 11) - 5) / 10.0
           + CASE WHEN q >= 12 THEN (s % 3) * 0.2 * (q - 11) ELSE 0 END AS value
    FROM generate_series(1, (:rows / 20)::int) s, generate_series(0, 19) q;
VACUUM ANALYZE bench_tb_series;

-- 20,000 areas: 20 age bands each (life expectancy), 10 deciles (SII),
-- 10 cases a programme (value for money), values for the mean
DROP TABLE IF EXISTS bench_tb_bands;
CREATE TABLE bench_tb_bands AS
  SELECT a AS area, b.start_age,
         round(b.rate * (8000 + a % 500) * (1 + (a % 13) / 50.0))::float8 AS deaths,
         (8000 + a % 500)::float8 AS population
    FROM generate_series(1, 20000) a,
         (SELECT s AS start_age, exp(-9 + 0.085 * s) AS rate
            FROM unnest(ARRAY[0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]) s) b;
DROP TABLE IF EXISTS bench_tb_deciles;
CREATE TABLE bench_tb_deciles AS
  SELECT a AS area, q AS decile, (18000 + (a * q) % 4000)::float8 AS population,
         (70 + q * 1.1 + (a % 9) / 10.0)::float8 AS value,
         (69.5 + q * 1.1 + (a % 9) / 10.0)::float8 AS lower,
         (70.5 + q * 1.1 + (a % 9) / 10.0)::float8 AS upper,
         (q * 3 + a % 5)::float8 AS events
    FROM generate_series(1, 20000) a, generate_series(1, 10) q;
VACUUM ANALYZE bench_tb_bands, bench_tb_deciles;
SELECT (SELECT count(*) FROM bench_tb_series) AS series_rows,
       (SELECT count(*) FROM bench_tb_bands) AS band_rows,
       (SELECT count(*) FROM bench_tb_deciles) AS decile_rows;

\set base_series 'SELECT series, regr_slope(value, t), regr_intercept(value, t) FROM bench_tb_series GROUP BY series'
SELECT * FROM bench.compare('mann_kendall_agg (for scale) vs regr_slope, regr_intercept', :'base_series',
  'SELECT series, (m).p FROM (SELECT series, oba.mann_kendall_agg(t, value) AS m FROM bench_tb_series GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('mann_kendall_hamed_rao_agg vs regr_slope, regr_intercept', :'base_series',
  'SELECT series, (m).p FROM (SELECT series, oba.mann_kendall_hamed_rao_agg(t, value) AS m FROM bench_tb_series GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('mann_kendall_prewhitened_agg vs regr_slope, regr_intercept', :'base_series',
  'SELECT series, (m).p FROM (SELECT series, oba.mann_kendall_prewhitened_agg(t, value) AS m FROM bench_tb_series GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('seasonal_mann_kendall_agg vs regr_slope, regr_intercept', :'base_series',
  'SELECT series, (m).p FROM (SELECT series, oba.seasonal_mann_kendall_agg(t, value, season) AS m FROM bench_tb_series GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('pettitt_agg vs regr_slope, regr_intercept', :'base_series',
  'SELECT series, (m).p FROM (SELECT series, oba.pettitt_agg(t, value) AS m FROM bench_tb_series GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('segmented_agg vs regr_slope, regr_intercept', :'base_series',
  'SELECT series, (m).davies_p FROM (SELECT series, oba.segmented_agg(t, value) AS m FROM bench_tb_series GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('mean_agg vs avg, stddev_samp, count',
  'SELECT series, avg(value), stddev_samp(value), count(value) FROM bench_tb_series GROUP BY series',
  'SELECT series, (m).lower FROM (SELECT series, oba.mean_agg(value) AS m FROM bench_tb_series GROUP BY series) s')
UNION ALL
SELECT * FROM bench.compare('life_expectancy_agg (20,000 areas) vs sum(deaths), sum(population)',
  'SELECT area, sum(deaths), sum(population) FROM bench_tb_bands GROUP BY area',
  'SELECT area, (e).value FROM (SELECT area, oba.life_expectancy_agg(start_age, deaths, population) AS e FROM bench_tb_bands GROUP BY area) s')
UNION ALL
SELECT * FROM bench.compare('trend_chisq_score_agg (20,000 areas) vs sum(events), sum(population), sum(decile * population)',
  'SELECT area, sum(events), sum(population), sum(decile * population) FROM bench_tb_deciles GROUP BY area',
  'SELECT area, (x).p_value FROM (SELECT area, oba.trend_chisq_score_agg(decile::float8, events, population) AS x FROM bench_tb_deciles GROUP BY area) s')
UNION ALL
SELECT * FROM bench.compare('cost_per_outcome_agg (20,000 areas) vs sum(cost) / sum(outcomes)',
  'SELECT area, sum(population) / nullif(sum(events), 0) FROM bench_tb_deciles GROUP BY area',
  'SELECT area, (c).lower FROM (SELECT area, oba.cost_per_outcome_agg(population, events) AS c FROM bench_tb_deciles GROUP BY area) s')
UNION ALL
SELECT * FROM bench.compare('sii_agg, 1,000 repetitions (2,000 areas) vs regr_slope(value, decile)',
  'SELECT area, regr_slope(value, decile) FROM bench_tb_deciles WHERE area <= 2000 GROUP BY area',
  'SELECT area, (s).sii_lower FROM (SELECT area, oba.sii_agg(decile, population, value, lower, upper, ''normal''::text, false, 1::float8, 0.95::float8, 1000, 1) AS s FROM bench_tb_deciles WHERE area <= 2000 GROUP BY area) s', 3)
UNION ALL
SELECT * FROM bench.compare('sii_agg, 100,000 repetitions (the default; 20 areas) vs regr_slope(value, decile)',
  'SELECT area, regr_slope(value, decile) FROM bench_tb_deciles WHERE area <= 20 GROUP BY area',
  'SELECT area, (s).sii_lower FROM (SELECT area, oba.sii_agg(decile, population, value, lower, upper) AS s FROM bench_tb_deciles WHERE area <= 20 GROUP BY area) s', 3);

DROP TABLE bench_tb_series, bench_tb_bands, bench_tb_deciles;
