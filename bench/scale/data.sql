-- bench/scale/data.sql: the data of the scale table (bench/scale/run), :rows
-- rows shaped ward x quarter x indicator x age band: 10 indicators, 40
-- quarters (2015 to 2024), 19 age bands (the ESP 2013 bands), and as many
-- wards as :rows needs (6,579 wards for 50 million rows, about England's).
-- Rows are stored in the order they would arrive, a quarter at a time; within
-- a quarter by ward, indicator and band, so the 19 band rows of a
-- (ward, quarter, indicator) group are adjacent while a series (ward,
-- indicator, band) has one row in each quarter's 1.25 million.
--
-- Columns: the counts the rate family takes (int4, as they usually are
-- stored), a flag, a value with a trend (float8), before and after scores, a
-- reference rate per band (for ISR) and a share (for apportionment).
-- Unlogged: the benchmark needs no WAL, and loading is twice as fast.
DROP TABLE IF EXISTS bench_scale;
SELECT greatest(1, ceil(:rows / 7600.0))::int AS wards \gset
CREATE UNLOGGED TABLE bench_scale AS
  SELECT (i / (190 * :wards))::int AS quarter,
         ((i / 190) % :wards)::int + 1 AS ward,
         ((i / 19) % 10)::int + 1 AS indicator,
         b AS band,
         2015 + (i / (190 * :wards)) / 4.0::float8 AS t,
         (h % 40)::int AS events,
         (200 + (h / 64) % 1800)::int AS population,
         (ARRAY[5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000,
                6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000])[b] AS standard_population,
         (h / 8192) % 10 < 6 AS flag,
         -- a level per series, a gentle fall, noise, and a rise after 2020 in a third of them
         50 + ((i % (190 * :wards)) * 31) % 7 - 0.3 * (i / (190 * :wards))
            + ((h / 1024) % 11 - 5) / 10.0::float8
            + CASE WHEN i / (190 * :wards) >= 20 THEN (i % 3) * 0.2 * (i / (190 * :wards) - 19) ELSE 0 END AS value,
         ((h / 16) % 11)::float8 AS score_before,
         ((h / 256) % 11)::float8 AS score_after,
         (1000.0 * b)::float8 AS reference_events,
         1000000.0::float8 AS reference_population,
         ((h / 4096) % 1000 + 1) / 1000.0::float8 AS share
    FROM generate_series(0::bigint, :rows - 1) i,
         LATERAL (SELECT (i * 2654435761) % 4294967291 AS h, (i % 19)::int + 1 AS b) x;
VACUUM ANALYZE bench_scale;
