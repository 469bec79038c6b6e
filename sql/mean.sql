-- oba.mean and oba.mean_agg: the mean with a Student-t interval
-- (PHEindicatormethods phe_mean; METHODS.md 7).
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
CREATE FUNCTION pg_temp.close(got float8, want float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN want IS NULL THEN got IS NULL
                 ELSE abs(got - want) <= greatest(1e-9 * abs(want), 1e-12) END $$;

-- The package's own rows (phe_mean_reference.csv, PHEindicatormethods 2.1.0)
-- and base R's (mean_reference.csv: derive_mean_reference.R), at 1e-9
-- relative, absolute floor 1e-12.
CREATE TEMP TABLE ref (
  group_id text, confidence float8, value_count int8, value_sum text, stdev text,
  value text, lower text, upper text, "values" text, description text, source text);
\copy ref (group_id, confidence, value_count, value_sum, stdev, value, lower, upper, "values", description) FROM 'test/reference/phe_mean_reference.csv' WITH (FORMAT csv, HEADER true)
UPDATE ref SET source = 'phe_mean';
\copy ref (group_id, confidence, value_count, value_sum, stdev, value, lower, upper, "values", description) FROM 'test/reference/mean_reference.csv' WITH (FORMAT csv, HEADER true)
UPDATE ref SET source = 'base R' WHERE source IS NULL;
CREATE TEMP TABLE val AS
  SELECT r.group_id, r.confidence, pg_temp.num(v) AS v, o AS ord
    FROM ref r, unnest(string_to_array(r."values", ';')) WITH ORDINALITY AS u(v, o);

CREATE TEMP TABLE got AS
  SELECT r.*, a.m AS agg, oba.mean(r.value_count, pg_temp.num(r.value), pg_temp.num(r.stdev), r.confidence) AS scalar
    FROM ref r
    JOIN (SELECT group_id, confidence, oba.mean_agg(v, confidence) AS m FROM val GROUP BY 1, 2) a
      USING (group_id, confidence);
CREATE FUNCTION pg_temp.agrees(e oba.mean_estimate, r got) RETURNS boolean LANGUAGE sql AS $$
  SELECT (e).value_count = r.value_count
     AND pg_temp.close((e).value_sum, pg_temp.num(r.value_sum))
     AND pg_temp.close((e).value, pg_temp.num(r.value))
     AND pg_temp.close((e).stdev, pg_temp.num(r.stdev))
     AND pg_temp.close((e).lower, pg_temp.num(r.lower))
     AND pg_temp.close((e).upper, pg_temp.num(r.upper)) $$;
SELECT source, count(*) AS rows,
       count(*) FILTER (WHERE pg_temp.agrees(agg, got)) AS agg_agree,
       count(*) FILTER (WHERE pg_temp.agrees(scalar, got)) AS scalar_agree
  FROM got GROUP BY source ORDER BY source;
-- any disagreement, listed
SELECT group_id, confidence, agg, scalar FROM got
 WHERE NOT (pg_temp.agrees(agg, got) AND pg_temp.agrees(scalar, got));

-- the package's example Area1 (20, 30, 40) at 95%: 30 (5.1586 to 54.8414)
SELECT (oba.mean_agg(v)).* FROM (VALUES (20), (30), (40)) AS t(v);
SELECT value, round(lower::numeric, 4) AS lower, round(upper::numeric, 4) AS upper, value_sum, value_count, stdev
  FROM oba.mean(3, 30, 10, 0.998);

-- split the rows: the combine function merges partial states (Chan's formula)
SELECT (oba.mean_agg_final(oba.mean_agg_combine(a, b))).stdev = (whole).stdev AS split_agrees,
       (oba.mean_agg_final(oba.mean_agg_combine(a, b))).stdev = sqrt(34 / 4.0) AS exact,
       (oba.mean_agg_final(oba.mean_agg_combine(a, b))).value_count AS n
  FROM (SELECT oba.mean_agg_trans(oba.mean_agg_trans('{0,0,0,0,0,0.95}', 1e9 + 1), 1e9 + 3) AS a,
               oba.mean_agg_trans(oba.mean_agg_trans(oba.mean_agg_trans('{0,0,0,0,0,0.95}', 1e9 + 2), 1e9 + 6), 1e9 + 8) AS b,
               (SELECT oba.mean_agg(v) FROM unnest(ARRAY[1e9 + 1, 1e9 + 3, 1e9 + 2, 1e9 + 6, 1e9 + 8]::float8[]) v) AS whole) s;
-- a direct call does not change its state argument
SELECT oba.mean_agg_trans(s, 5) AS added, s AS unchanged
  FROM (SELECT '{1,2,2,0,0,0.95}'::oba.agg_state AS s) t;

-- a parallel plan splits the aggregate and agrees with the serial one
CREATE TABLE par_mean AS
  SELECT i % 7 AS g, 1e6 + ((i * 7919) % 1000) / 8.0 AS v FROM generate_series(1, 100000) i;
ANALYZE par_mean;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT g, oba.mean_agg(v) AS m FROM par_mean GROUP BY g;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT g, oba.mean_agg(v) FROM par_mean GROUP BY g;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE (p.m).value_count = (s.m).value_count AND pg_temp.close((p.m).value, (s.m).value)
                          AND abs((p.m).stdev - (s.m).stdev) <= 1e-12 * (s.m).stdev
                          AND pg_temp.close((p.m).upper, (s.m).upper)) AS parallel_agrees
  FROM (SELECT g, oba.mean_agg(v) AS m FROM par_mean GROUP BY g) p JOIN serial s USING (g);
RESET ALL;
DROP TABLE par_mean;

-- NULLs, empty input, one value, constant values
SELECT (oba.mean_agg(v)).* FROM (VALUES (3.5), (NULL), (8.25), (1), (NULL), (12), (6.5)) AS t(v);
SELECT oba.mean_agg(v) IS NULL AS no_rows FROM (VALUES (1.0)) AS t(v) WHERE false;
SELECT oba.mean_agg(v) FILTER (WHERE false) IS NULL AS filtered FROM (VALUES (1.0)) AS t(v);
SELECT oba.mean_agg(v) IS NULL AS all_null FROM (VALUES (NULL::float8), (NULL)) AS t(v);
SELECT (oba.mean_agg(v)).* FROM (VALUES (12.5)) AS t(v);
SELECT (oba.mean_agg(v)).* FROM (VALUES (7), (7), (7)) AS t(v);
SELECT (oba.mean(1, 12.5, NULL)).*;
SELECT (oba.mean(4, 45, NULL)).*;
SELECT oba.mean(NULL, 1, 1) IS NULL AS null_n, oba.mean(3, NULL, 1) IS NULL AS null_mean,
       oba.mean(3, 1, 1, NULL) IS NULL AS null_confidence;
-- a NULL confidence only matters on rows with a value
SELECT (oba.mean_agg(v, c)).value FROM (VALUES (1.0, 0.9), (NULL, NULL), (3.0, 0.9)) AS t(v, c);

-- bad input
SELECT pg_temp.err($$SELECT oba.mean(0, 1, 1)$$);
SELECT pg_temp.err($$SELECT oba.mean(-3, 1, 1)$$);
SELECT pg_temp.err($$SELECT oba.mean(3, 1, -1)$$);
SELECT pg_temp.err($$SELECT oba.mean(3, 'Infinity', 1)$$);
SELECT pg_temp.err($$SELECT oba.mean(3, 1, 'NaN')$$);
SELECT pg_temp.err($$SELECT oba.mean(3, 1, 1, 1.5)$$);
SELECT pg_temp.err($$SELECT oba.mean(3, 1e308, 1)$$);
SELECT pg_temp.err($$SELECT oba.mean_agg(v) FROM (VALUES (1.0), ('NaN')) t(v)$$);
SELECT pg_temp.err($$SELECT oba.mean_agg(v) FROM (VALUES (1.5e308::float8), (1.5e308)) t(v)$$);
SELECT pg_temp.err($$SELECT oba.mean_agg(v, c) FROM (VALUES (1.0, 0.95), (2.0, 0.9)) t(v, c)$$);
SELECT pg_temp.err($$SELECT oba.mean_agg(v, c) FROM (VALUES (1.0, 0.95), (2.0, NULL)) t(v, c)$$);
SELECT pg_temp.err($$SELECT oba.mean_agg(v, 0) FROM (VALUES (1.0)) t(v)$$);
SELECT pg_temp.err($$SELECT oba.mean_agg_final('{2,3,1,0.5,-1,0.95}')$$);
SELECT pg_temp.err($$SELECT oba.mean_agg_final('{1,2,3}')$$);
SELECT pg_temp.err($$SELECT oba.mean_agg_final('{2,3,1,0.5,0.5,2}')$$);
SELECT pg_temp.err($$SELECT oba.mean_agg_final('{0,0,5,0,0,0.95}')$$);
SELECT pg_temp.err($$SELECT oba.mean_agg_combine('{2,3,1,0.5,0.5,0.95}', '{2,3,1,0.5,0.5,0.9}')$$);
SELECT pg_temp.err($$SELECT oba.mean_agg_trans(NULL, 1)$$);
