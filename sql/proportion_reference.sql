-- Every proportion row of PHEindicatormethods 2.1.0 (phe_proportion) in
-- test/reference/phe_reference.csv agrees with oba to 1e-9 relative (absolute
-- floor 1e-15 x multiplier); NA inputs give NULL.
CREATE TEMP TABLE ref (
  case_id text, method text, confidence text, multiplier text, x text, n text,
  value text, lower text, upper text, ci_method text, statistic text, source text,
  group_id text, expected text, ref_rate text, note text);
\copy ref FROM 'test/reference/phe_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE FUNCTION pg_temp.num(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN t IN ('NA', 'NaN', '') THEN NULL ELSE t::float8 END $$;
CREATE FUNCTION pg_temp.close(got float8, want float8, m float8) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN want IS NULL THEN got IS NULL
                 ELSE abs(got - want) <= greatest(1e-9 * abs(want), 1e-15 * m) END $$;

CREATE TEMP TABLE got AS
  SELECT r.case_id, r.method, pg_temp.num(r.multiplier) AS m,
         pg_temp.num(r.value) AS want_value, pg_temp.num(r.lower) AS want_lower,
         pg_temp.num(r.upper) AS want_upper,
         oba.proportion(pg_temp.num(r.x), pg_temp.num(r.n),
                        pg_temp.num(r.multiplier), pg_temp.num(r.confidence)) AS e
    FROM ref r WHERE r.method = 'proportion';

SELECT method, count(*) AS rows,
       count(*) FILTER (WHERE e IS NULL) AS null_rows,
       count(*) FILTER (WHERE pg_temp.close((e).value, want_value, m)
                          AND pg_temp.close((e).lower, want_lower, m)
                          AND pg_temp.close((e).upper, want_upper, m)) AS agree
  FROM got GROUP BY method ORDER BY method;
-- any disagreement, listed
SELECT case_id, (e).value, want_value, (e).lower, want_lower, (e).upper, want_upper
  FROM got
 WHERE NOT (pg_temp.close((e).value, want_value, m) AND pg_temp.close((e).lower, want_lower, m)
            AND pg_temp.close((e).upper, want_upper, m));

-- the same inputs through the aggregates (a group of one row): the same numbers
SELECT 'proportion_agg' AS aggregate, count(*) AS rows,
       count(*) FILTER (WHERE pg_temp.close((a).value, pg_temp.num(r.value), pg_temp.num(r.multiplier))
                          AND pg_temp.close((a).lower, pg_temp.num(r.lower), pg_temp.num(r.multiplier))
                          AND pg_temp.close((a).upper, pg_temp.num(r.upper), pg_temp.num(r.multiplier))) AS agree
  FROM ref r
  CROSS JOIN LATERAL (
    SELECT oba.proportion_agg(v.x, v.n, v.m, v.c) AS a
      FROM (SELECT pg_temp.num(r.x) AS x, pg_temp.num(r.n) AS n,
                   pg_temp.num(r.multiplier) AS m, pg_temp.num(r.confidence) AS c) v) agg
 WHERE r.method = 'proportion';
