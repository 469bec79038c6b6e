-- oba.dsr_agg, oba.dsr_nonindependent_agg and oba.esp2013.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.num(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN t IN ('NA', 'NaN', '') THEN NULL ELSE t::float8 END $$;
CREATE FUNCTION pg_temp.close(got float8, want float8, m float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN want IS NULL THEN got IS NULL
                 ELSE abs(got - want) <= greatest(1e-9 * abs(want), 1e-15 * m) END $$;

-- the European Standard Population 2013
SELECT count(*) AS bands, sum(standard_population) AS total,
       string_agg(standard_population::text, ',' ORDER BY band) AS weights
  FROM oba.esp2013;
SELECT * FROM oba.esp2013 WHERE band IN (1, 4, 19) ORDER BY band;

-- Every band row of PHEindicatormethods calculate_dsr (phe_dsr_reference.csv):
-- one group per group_id x confidence x multiplier, at 1e-9 relative.
CREATE TEMP TABLE dsr_ref (
  group_id text, confidence float8, multiplier float8, band_index int, age_band text,
  x text, n float8, stdpop float8, total_count float8, total_pop float8,
  value text, lower text, upper text, statistic text, method text, description text);
\copy dsr_ref FROM 'test/reference/phe_dsr_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE dsr_got AS
  SELECT group_id, confidence, multiplier, count(*) AS bands,
         oba.dsr_agg(pg_temp.num(x), n, stdpop, multiplier, confidence) AS e,
         min(total_count) AS want_count, min(total_pop) AS want_pop,
         pg_temp.num(min(value)) AS want_value, pg_temp.num(min(lower)) AS want_lower,
         pg_temp.num(min(upper)) AS want_upper, min(statistic) AS statistic
    FROM dsr_ref GROUP BY 1, 2, 3;
SELECT count(*) AS groups, sum(bands) AS band_rows,
       count(*) FILTER (WHERE (e).numerator = want_count AND (e).denominator = want_pop
                          AND pg_temp.close((e).value, want_value, multiplier)
                          AND pg_temp.close((e).lower, want_lower, multiplier)
                          AND pg_temp.close((e).upper, want_upper, multiplier)) AS agree,
       count(*) FILTER (WHERE (e).value IS NULL) AS suppressed,
       bool_and(((e).value IS NULL) = (statistic = 'dsr NA for total count < 10')) AS label_matches
  FROM dsr_got;
SELECT group_id, confidence, multiplier, e, want_value FROM dsr_got
 WHERE NOT (pg_temp.close((e).value, want_value, multiplier)
            AND pg_temp.close((e).lower, want_lower, multiplier)
            AND pg_temp.close((e).upper, want_upper, multiplier));
-- the dsr summary rows of phe_reference.csv
CREATE TEMP TABLE ref (
  case_id text, method text, confidence text, multiplier text, x text, n text,
  value text, lower text, upper text, ci_method text, statistic text, source text,
  group_id text, expected text, ref_rate text, note text);
\copy ref FROM 'test/reference/phe_reference.csv' WITH (FORMAT csv, HEADER true)
SELECT count(*) AS summary_rows,
       count(*) FILTER (WHERE (g.e).numerator = pg_temp.num(r.x) AND (g.e).denominator = pg_temp.num(r.n)
                          AND pg_temp.close((g.e).value, pg_temp.num(r.value), g.multiplier)
                          AND pg_temp.close((g.e).lower, pg_temp.num(r.lower), g.multiplier)
                          AND pg_temp.close((g.e).upper, pg_temp.num(r.upper), g.multiplier)) AS agree
  FROM ref r JOIN dsr_got g ON g.group_id = r.group_id AND g.confidence = pg_temp.num(r.confidence)
                           AND g.multiplier = pg_temp.num(r.multiplier)
 WHERE r.method = 'dsr';

-- Non-independent events (phe_dsr_nonindependent_reference.csv): the package's
-- rows are people per band and event frequency; per band,
-- events = sum(f x people) and events_squared = sum(f^2 x people).
CREATE TEMP TABLE nonind_ref (
  group_id text, confidence float8, multiplier float8, band_index int, age_band text,
  eventfreq float8, individuals text, n float8, stdpop float8, total_count float8,
  total_pop float8, value text, lower text, upper text, statistic text, method text);
\copy nonind_ref FROM 'test/reference/phe_dsr_nonindependent_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE nonind_got AS
  SELECT group_id, confidence, multiplier, sum(rows) AS rows,
         oba.dsr_nonindependent_agg(events, events_sq, n, stdpop, multiplier, confidence) AS e,
         oba.dsr_agg(events, n, stdpop, multiplier, confidence) AS independent,
         min(total_count) AS want_count, min(total_pop) AS want_pop,
         pg_temp.num(min(value)) AS want_value, pg_temp.num(min(lower)) AS want_lower,
         pg_temp.num(min(upper)) AS want_upper
    FROM (SELECT group_id, confidence, multiplier, band_index, n, stdpop, count(*) AS rows,
                 sum(eventfreq * pg_temp.num(individuals)) AS events,
                 sum(eventfreq ^ 2 * pg_temp.num(individuals)) AS events_sq,
                 min(total_count) AS total_count, min(total_pop) AS total_pop,
                 min(value) AS value, min(lower) AS lower, min(upper) AS upper
            FROM nonind_ref GROUP BY 1, 2, 3, 4, 5, 6) band
   GROUP BY 1, 2, 3;
SELECT count(*) AS groups, sum(rows) AS rows,
       count(*) FILTER (WHERE (e).numerator = want_count AND (e).denominator = want_pop
                          AND pg_temp.close((e).value, want_value, multiplier)
                          AND pg_temp.close((e).lower, want_lower, multiplier)
                          AND pg_temp.close((e).upper, want_upper, multiplier)) AS agree,
       count(*) FILTER (WHERE (e).value IS NULL) AS suppressed,
       -- same value as the independent DSR, wider limits
       bool_and((e).value IS NOT DISTINCT FROM (independent).value
                AND ((e).value IS NULL OR ((e).lower < (independent).lower
                                           AND (e).upper > (independent).upper))) AS same_value_wider
  FROM nonind_got;

-- a worked example: two wards, ESP 2013 children's bands, per 100,000
CREATE TABLE child_admissions (ward text, age_lower int, admissions int, children int);
INSERT INTO child_admissions VALUES
  ('Bevois', 0, 30, 1210), ('Bevois', 5, 12, 1080), ('Bevois', 10, 9, 990), ('Bevois', 15, 14, 1400),
  ('Bargate', 0, 8, 640), ('Bargate', 5, 2, 610), ('Bargate', 10, NULL, 600), ('Bargate', 15, 1, 1900);
SELECT a.ward, round(value::numeric, 4) AS dsr, round(lower::numeric, 4) AS lower,
       round(upper::numeric, 4) AS upper, numerator AS events, denominator AS children
  FROM (SELECT a.ward, (oba.dsr_agg(a.admissions, a.children, e.standard_population)).*
          FROM child_admissions a JOIN oba.esp2013 e USING (age_lower)
         GROUP BY a.ward) a
 ORDER BY 1;
-- per 10,000 at 99.8%; a float8 standard
SELECT round((oba.dsr_agg(a.admissions, a.children, e.standard_population::float8, 10000, 0.998)).value::numeric, 4) AS dsr_per_10000
  FROM child_admissions a JOIN oba.esp2013 e USING (age_lower) WHERE ward = 'Bevois';

-- suppression: a total under 10 gives NULL value and limits, totals still there
SELECT (oba.dsr_agg(x, 1000, 5000)).* FROM (VALUES (4), (5)) v(x);
SELECT (oba.dsr_agg(x, 1000, 5000)).value IS NOT NULL AS ten_is_enough FROM (VALUES (4), (6)) v(x);
-- a single band: the DSR is the crude rate per 100,000
SELECT (oba.dsr_agg(40, 2000, 7000)).value = (oba.rate(40, 2000, 100000)).value AS one_band_is_crude;
-- integer columns: int4 and int8 overloads give the float8 answer
SELECT oba.dsr_agg(x::int, n::int, w::int) = oba.dsr_agg(x::float8, n::float8, w::float8) AS int4_same,
       oba.dsr_agg(x::bigint, n::bigint, w::bigint) = oba.dsr_agg(x::float8, n::float8, w::float8) AS int8_same
  FROM (VALUES (10, 1000, 5000), (20, 3000, 5500)) v(x, n, w);

-- NULL handling: NULL events count as 0; empty input and FILTER (WHERE false) give NULL
SELECT oba.dsr_agg(x, n, 5000) = oba.dsr_agg(coalesce(x, 0), n, 5000) AS null_events_are_zero
  FROM (VALUES (12, 1000), (NULL, 500), (3, 800)) v(x, n);
SELECT oba.dsr_agg(x, 1000, 5000) IS NULL AS empty FROM generate_series(1, 0) x;
SELECT oba.dsr_agg(x, 1000, 5000) FILTER (WHERE false) IS NULL AS filtered FROM generate_series(1, 20) x;

-- bad input: SQLSTATE and a message naming the function, argument and value
SELECT pg_temp.err($$SELECT oba.dsr_agg(-1, 100, 5000)$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg(1, 0, 5000)$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg(1, 100, -5)$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg(1, NULL, 5000)$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg(1, 100, NULL::float8)$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg(1, 'NaN'::float8, 5000)$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg(20, 100, 0)$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg(20, 100, 5000, 0)$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg(20, 100, 5000, 100000, 95)$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg(20, 100, 5000, p) FROM (VALUES (100), (1000)) v(p)$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg(20, 100, 5000, NULL)$$);
SELECT pg_temp.err($$SELECT oba.dsr_nonindependent_agg(5, 4, 100, 5000)$$);
SELECT pg_temp.err($$SELECT oba.dsr_nonindependent_agg(5, NULL, 100, 5000)$$);
SELECT pg_temp.err($$SELECT oba.dsr_nonindependent_agg(NULL, 7, 100, 5000)$$);
SELECT (oba.dsr_nonindependent_agg(NULL, NULL, 100, 5000)).numerator AS both_null_is_zero;

-- the state is a float8[] inside (oba.agg_state): text round trip, combine, and a damaged state refused
SELECT oba.dsr_agg_final(oba.dsr_agg_combine(
         oba.dsr_agg_trans('{0,0,0,0,0,0,100000,0.95}', 12::float8, 1000::float8, 5000::float8)::text::oba.agg_state,
         oba.dsr_agg_trans('{0,0,0,0,0,0,100000,0.95}', 30::float8, 2000::float8, 6000::float8)))
     = (SELECT oba.dsr_agg(x, n, w) FROM (VALUES (12, 1000, 5000), (30, 2000, 6000)) v(x, n, w)) AS round_trip;
SELECT pg_temp.err($$SELECT oba.dsr_agg_final('{1,2,3}')$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg_final('{20,100,1,1,-1,1,100000,0.95}')$$);
SELECT pg_temp.err($$SELECT oba.dsr_agg_combine('{20,100,1,1,1,1,100000,0.95}', '{20,100,1,1,1,1,10000,0.95}')$$);

-- a parallel plan splits the aggregate and gives the same answers (to the
-- last bits the order of addition of fractions can change)
CREATE TABLE dsr_par AS
  SELECT i % 50 AS area, b.band, (i * 7 + b.band) % 23 AS events, 500 + (i * 13 + b.band) % 400 AS population,
         b.standard_population
    FROM generate_series(1, 2000) i CROSS JOIN oba.esp2013 b;
ANALYZE dsr_par;
SET max_parallel_workers_per_gather = 0;
SELECT md5(string_agg(format('%s %s %s %s', area, round((e).value::numeric, 8),
                              round((e).lower::numeric, 8), round((e).upper::numeric, 8)), ',' ORDER BY area)) AS digest
  FROM (SELECT area, oba.dsr_agg(events, population, standard_population) AS e FROM dsr_par GROUP BY area) s \gset serial_
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT area, oba.dsr_agg(events, population, standard_population) FROM dsr_par GROUP BY area;
SELECT md5(string_agg(format('%s %s %s %s', area, round((e).value::numeric, 8),
                              round((e).lower::numeric, 8), round((e).upper::numeric, 8)), ',' ORDER BY area)) AS digest
  FROM (SELECT area, oba.dsr_agg(events, population, standard_population) AS e FROM dsr_par GROUP BY area) s \gset parallel_
SELECT :'serial_digest' = :'parallel_digest' AS parallel_identical;
RESET ALL;
